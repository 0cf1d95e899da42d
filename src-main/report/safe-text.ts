/**
 * Text from a spreadsheet is untrusted: it can carry markup, formulas, or characters that
 * reorder or hide what a reader sees. These helpers make such text inert for each output.
 */

// Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E,
// U+200F, U+061C) and zero-width characters can make "1 000" read as "000 1" or hide words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/g;

/** Replaces each invisible or reordering character by a visible tag such as ⟨U+202E⟩. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `⟨U+${hex}⟩`;
  });
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** What a report shows of a spreadsheet string: invisible characters revealed, then escaped. */
export function safeHtml(text: string | null | undefined): string {
  return escapeHtml(revealInvisible(text ?? ''));
}

// Spreadsheets read a leading = + - @ as a formula, and some also a leading tab or CR.
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would read the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Makes a text cell safe to open in a spreadsheet: a leading apostrophe stops it being read as
 * a formula. Only ever applied to text; numbers are written as numbers and never touched.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell for a file people open in a spreadsheet: revealed, then neutralised. */
export function safeCellText(text: string): string {
  return neutraliseFormula(revealInvisible(text));
}
