/**
 * Header text reduced to what matters for matching: "PRÉVISIONS DÉFINITIVES (1)" and
 * "Prévisions définitives" must meet, and so must "Taux d'exécution (%)" and "TAUX D'EXECUTION".
 */

/** Lower case, no accents, no bracketed unit or note, punctuation as spaces; `%` kept as a word. */
export function normaliseHeader(text: string): string {
  return foldInOnePass(text) ?? foldInFull(text);
}

/** normaliseHeader by its chain of regular expressions: the reference the one pass must match. */
export function foldInFull(text: string): string {
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

// What one UTF-16 unit becomes alone (accents off, lower case): a letter or digit kept, SEPARATOR
// for what turns into a space, or SPECIAL where the full chain must decide (brackets, a unit that
// folds to nothing or to several, a lone surrogate). Filled as the units are met.
const SEPARATOR = ' ';
const SPECIAL = '';
const folds: string[] = [];

function foldOf(code: number): string {
  let fold: string;
  if (code >= 0xd800 && code <= 0xdfff) fold = SPECIAL;
  else {
    const alone = String.fromCharCode(code)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (alone.length !== 1 || '()[]'.includes(alone)) fold = SPECIAL;
    else if (/[a-z0-9%°º]/.test(alone)) fold = alone;
    else fold = SEPARATOR;
  }
  folds[code] = fold;
  return fold;
}

/**
 * normaliseHeader in one pass over the text, unit by unit: each unit folds alone as the chain
 * would fold it, since accents and case never reach across letters. Null for a text with a
 * bracket or a unit whose fold is not one character; the chain reads those.
 */
function foldInOnePass(text: string): string | null {
  let out = '';
  let pendingSpace = false;
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const fold = folds[code] ?? foldOf(code);
    if (fold === SPECIAL) return null;
    if (fold === '°' || fold === 'º') {
      // "n°" and "nº" read as the word "numero"; a lone degree sign is punctuation.
      if (previous === 'n') out += 'umero';
      pendingSpace = true;
    } else if (fold === SEPARATOR) pendingSpace = true;
    else {
      // `%` stands as a word of its own; other kept characters join the word under way.
      const isPercent = fold === '%';
      if ((pendingSpace || isPercent) && out !== '') out += ' ';
      out += fold;
      pendingSpace = isPercent;
    }
    previous = fold;
  }
  return out;
}

/**
 * True when `text` normalises to `normalised`, as `normaliseHeader(text) === normalised`: the
 * one pass stops at the first character that differs, which for a data row tried against a
 * header is nearly always the first.
 */
export function normalisesTo(text: string, normalised: string): boolean {
  let at = 0;
  let pendingSpace = false;
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const fold = folds[code] ?? foldOf(code);
    if (fold === SPECIAL) return foldInFull(text) === normalised;
    if (fold === '°' || fold === 'º') {
      if (previous === 'n') {
        if (!normalised.startsWith('umero', at)) return false;
        at += 5;
      }
      pendingSpace = true;
    } else if (fold === SEPARATOR) pendingSpace = true;
    else {
      const isPercent = fold === '%';
      if ((pendingSpace || isPercent) && at > 0) {
        if (normalised.charCodeAt(at) !== 0x20) return false;
        at += 1;
      }
      if (normalised.charCodeAt(at) !== fold.charCodeAt(0)) return false;
      at += 1;
      pendingSpace = isPercent;
    }
    previous = fold;
  }
  return at === normalised.length;
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
