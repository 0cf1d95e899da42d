import { intlAmountDigits, intlPercent } from './intl-number';

/** Languages the reports and messages speak. */
export type Lang = 'fr' | 'en';

/**
 * The separators Intl uses for fr-FR and en-GB. Writing the digits here rather than asking Intl
 * for every figure matters when a run writes a hundred thousand messages; intl-number.ts keeps
 * the Intl definition, and amount.test.ts checks that both give the same text.
 */
const SEPARATORS: Record<Lang, { group: string; decimal: string; percent: string }> = {
  fr: { group: '\u202f', decimal: ',', percent: '\u00a0%' },
  en: { group: ',', decimal: '.', percent: '%' },
};

/** Exponents and fraction digits written here; any other (a programmer error) goes to Intl. */
const MAX_FAST_DIGITS = 20;

/** "1234567" → "1 234 567": groups of three from the right, as both locales write them. */
function grouped(digits: string, group: string): string {
  const length = digits.length;
  if (length <= 3) return digits;
  let cut = length % 3 || 3;
  let text = digits.slice(0, cut);
  for (; cut < length; cut += 3) text += group + digits.slice(cut, cut + 3);
  return text;
}

/** The digits of a safe integer amount in minor units, signed, in the locale's separators. */
function amountDigits(minor: number, exponent: number, lang: Lang): string {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > MAX_FAST_DIGITS) {
    return intlAmountDigits(minor, exponent, lang);
  }
  const { group, decimal } = SEPARATORS[lang];
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor));
  if (exponent === 0) return sign + grouped(digits, group);
  const padded = digits.padStart(exponent + 1, '0');
  const cut = padded.length - exponent;
  return `${sign}${grouped(padded.slice(0, cut), group)}${decimal}${padded.slice(cut)}`;
}

/**
 * Formats an amount held in integer minor units of `currency`.
 *
 * French writes the groups as Intl does (narrow no-break spaces) and the code after a no-break
 * space: `52 393 467 652 GNF`; English puts the code first: `GNF 52,393,467,652`. `exponent` is
 * the number of digits of the minor unit (0 for GNF and XOF, 2 for EUR). Negative amounts keep a
 * leading minus sign. Throws on a non-integer amount, which would be a programmer error.
 */
export function formatAmount(
  minor: number,
  currency: string,
  exponent: number,
  lang: Lang,
): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`amount is not an integer: ${minor}`);
  const signed = amountDigits(minor, exponent, lang);
  return lang === 'fr' ? `${signed}\u00a0${currency}` : `${currency} ${signed}`;
}

/** `digits` (decimal digits only) plus one in the last place: "1299" → "1300", "99" → "100". */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  const next = String.fromCharCode(digits.charCodeAt(i) + 1);
  return digits.slice(0, i) + next + '0'.repeat(digits.length - i - 1);
}

/**
 * The rate written as Intl writes it, or null for what is left to Intl (a ratio in exponent
 * notation, a fraction-digit count out of range). Intl takes the shortest decimal text of the
 * ratio `percent / 100`, moves its point two places and rounds half away from zero; the same
 * steps on `String(percent / 100)` give the same digits.
 */
function percentDigits(percent: number, lang: Lang, fractionDigits: number): string | null {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0) return null;
  if (fractionDigits > MAX_FAST_DIGITS) return null;
  const { group, decimal } = SEPARATORS[lang];
  const ratio = percent / 100;
  // A negative rate that rounds to 0 keeps its sign in Intl ("-0 %"), and so does -0.
  const sign = ratio < 0 || Object.is(ratio, -0) ? '-' : '';
  // Whole rates below a billion: the shortest text of the ratio is the integer's own digits.
  if (Number.isInteger(percent) && Math.abs(percent) < 1e9) {
    return sign + grouped(String(Math.abs(percent)), group);
  }
  const text = String(Math.abs(ratio));
  if (text.includes('e')) return null;
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  // The ratio's digits with the point two places further right: 0.6354 → "06354", point at 2.
  let digits = whole + fraction.padEnd(2, '0');
  let pointAt = whole.length + 2;
  const keep = pointAt + fractionDigits;
  if (digits.length > keep) {
    const roundsUp = digits.charCodeAt(keep) >= 53;
    digits = digits.slice(0, keep);
    if (roundsUp) {
      const next = incremented(digits);
      if (next.length > digits.length) pointAt += 1;
      digits = next;
    }
  }
  let integer = digits.slice(0, pointAt).replace(/^0+(?=\d)/, '');
  let decimals = digits.slice(pointAt);
  let end = decimals.length;
  while (end > 0 && decimals.charCodeAt(end - 1) === 48) end--;
  decimals = decimals.slice(0, end);
  integer = grouped(integer, group);
  return decimals === '' ? sign + integer : `${sign}${integer}${decimal}${decimals}`;
}

/**
 * Formats a rate given in percent (124 for 124 %), with at most `fractionDigits` decimals:
 * `124 %` (no-break space, as Intl writes it) in French, `124%` in English. Null, NaN and
 * infinities, which stand for an undefined rate (a forecast of 0), print as an em dash.
 */
export function formatPercent(percent: number | null, lang: Lang, fractionDigits = 1): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  const digits = percentDigits(percent, lang, fractionDigits);
  if (digits === null) return intlPercent(percent, lang, fractionDigits);
  return digits + SEPARATORS[lang].percent;
}
