/**
 * Deciding how a column writes its numbers. A lone `1.234` can be a thousand or one and a bit;
 * only the other values of the same column tell, so the decision is made once per column
 * (DOMAIN.md §3) and never per cell.
 */

/** The decimal mark of a column, and what the decision rests on. */
export interface NumberStyle {
  decimalMark: '.' | ',';
  /** Plain words for the preview ("a comma follows a dot in “1.111,11”"). */
  evidence: string;
}

/** Marks people put before or after an amount; stripped before reading the digits. */
export const CURRENCY_MARKS =
  /(?<![a-z])(?:f\s?cfa|gnf|fg|kshs?\.?|xof|xaf|mga|ar|eur|usd|kes|brl|czk|zar|kč)(?![a-z])|r\$|\$|€|£/gi;

/** Spaces of every kind used as thousands separators, and the apostrophes. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009'’]/g;

/** Strips currency marks, signs, brackets and spaces, leaving digits, dots and commas. */
export function numericCore(text: string): string {
  return text
    .replace(CURRENCY_MARKS, '')
    .replace(GROUP_SPACES, '')
    .replace(/[()+\-–—%]/g, '');
}

const DATE_LIKE = /^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\s*$/;

/** True for `21/10/2014`, `05.10.2023`, `2014-10-21`: dates, not amounts. */
export function looksLikeDate(text: string): boolean {
  return DATE_LIKE.test(text);
}

type Vote = 'comma' | 'dot' | 'thousandsDot' | 'thousandsComma' | null;

/** What one value says about the decimal mark, strong or weak. */
function voteOf(core: string): Vote {
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastComma > lastDot ? 'comma' : 'dot';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!mark) return null;

  const groups = core.split(mark);
  const tail = groups.slice(1);
  const allThree = tail.every((g) => g.length === 3);
  if (groups.length > 2) {
    // Two marks of one kind can only be thousands separators.
    if (!allThree) return null;
    return mark === '.' ? 'comma' : 'dot';
  }
  if (allThree) return mark === '.' ? 'thousandsDot' : 'thousandsComma';
  return mark === '.' ? 'dot' : 'comma';
}

/**
 * Decides the decimal mark of a column from all its texts.
 *
 * A comma after a dot (`1.111,11`), a dot after a comma, two marks of one kind, or a mark
 * followed by anything but three digits each prove the mark. When only "mark + three digits"
 * values exist (`-3.000`, `1,234`), they are read as thousands. `fallback` decides when nothing
 * does (a `;` file is usually French: pass `,`). Dates and blank texts are ignored.
 */
export function inferNumberStyle(texts: readonly string[], fallback: '.' | ',' = '.'): NumberStyle {
  const counts = { comma: 0, dot: 0, thousandsDot: 0, thousandsComma: 0 };
  const examples: Partial<Record<keyof typeof counts, string>> = {};
  for (const text of texts) {
    // Without a dot or a comma a text has no mark to vote for; most amounts are such.
    if (!text.includes('.') && !text.includes(',')) continue;
    if (!text.trim() || looksLikeDate(text) || /e[+-]?\d/i.test(text)) continue;
    const vote = voteOf(numericCore(text));
    if (!vote) continue;
    counts[vote] += 1;
    examples[vote] ??= text.trim();
  }

  if (counts.comma > counts.dot) {
    return { decimalMark: ',', evidence: `decimal comma, as in “${examples.comma}”` };
  }
  if (counts.dot > counts.comma) {
    return { decimalMark: '.', evidence: `decimal dot, as in “${examples.dot}”` };
  }
  if (counts.thousandsDot > 0 && counts.thousandsComma === 0) {
    return { decimalMark: ',', evidence: `dots group thousands, as in “${examples.thousandsDot}”` };
  }
  if (counts.thousandsComma > 0 && counts.thousandsDot === 0) {
    return {
      decimalMark: '.',
      evidence: `commas group thousands, as in “${examples.thousandsComma}”`,
    };
  }
  return { decimalMark: fallback, evidence: 'no value decides: the file’s convention is assumed' };
}
