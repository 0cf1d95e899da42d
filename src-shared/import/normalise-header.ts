/**
 * Header text reduced to what matters for matching: "PRÉVISIONS DÉFINITIVES (1)" and
 * "Prévisions définitives" must meet, and so must "Taux d'exécution (%)" and "TAUX D'EXECUTION".
 */

/** Lower case, no accents, no bracketed unit or note, punctuation as spaces; `%` kept as a word. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/n°|nº/g, 'numero ')
    .replace(/%/g, ' % ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The bracketed parts of a header ("(Kshs. Million)", "(1)"), where units usually hide. */
export function bracketedParts(text: string): string[] {
  return [...text.matchAll(/\(([^)]*)\)|\[([^\]]*)\]/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

/** True when `phrase` (normalised) occurs in `header` (normalised) as whole words. */
export function containsWords(header: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${header} `.includes(` ${phrase} `);
}
