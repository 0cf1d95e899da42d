/** Languages the reports and messages speak. */
export type Lang = 'fr' | 'en';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(lang: Lang, fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${fractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The exact decimal text of an integer amount in minor units ("123456", 2 → "1234.56"), so that
 * formatting never goes through a binary fraction.
 */
function decimalText(absMinor: number, exponent: number): `${number}` {
  const digits = String(absMinor).padStart(exponent + 1, '0');
  if (exponent === 0) return digits as `${number}`;
  const cut = digits.length - exponent;
  return `${digits.slice(0, cut)}.${digits.slice(cut)}` as `${number}`;
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
  const text = formatterFor(lang, exponent).format(decimalText(Math.abs(minor), exponent));
  const signed = minor < 0 ? `-${text}` : text;
  return lang === 'fr' ? `${signed}\u00a0${currency}` : `${currency} ${signed}`;
}

/**
 * Formats a rate given in percent (124 for 124 %), with at most `fractionDigits` decimals:
 * `124 %` (no-break space, as Intl writes it) in French, `124%` in English. Null, NaN and infinities, which
 * stand for an undefined rate (a forecast of 0), print as an em dash.
 */
export function formatPercent(percent: number | null, lang: Lang, fractionDigits = 1): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  const key = `${lang}:pct:${fractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALES[lang], {
      style: 'percent',
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(percent / 100);
}
