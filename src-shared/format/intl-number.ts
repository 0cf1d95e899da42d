import type { Lang } from './amount';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(key: string, locale: string, options: Intl.NumberFormatOptions) {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
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
 * `formatAmount` written by Intl, without the currency: the definition of the output that the
 * fast path of amount.ts reproduces, and its fallback for an exponent it does not handle.
 * `minor` must be a safe integer.
 */
export function intlAmountDigits(minor: number, exponent: number, lang: Lang): string {
  const formatter = formatterFor(`${lang}:${exponent}`, LOCALES[lang], {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  const text = formatter.format(decimalText(Math.abs(minor), exponent));
  return minor < 0 ? `-${text}` : text;
}

/**
 * `formatPercent` written by Intl for a finite rate in percent: the definition the fast path
 * of amount.ts reproduces, and its fallback for the values it leaves to Intl.
 */
export function intlPercent(percent: number, lang: Lang, fractionDigits: number): string {
  const formatter = formatterFor(`${lang}:pct:${fractionDigits}`, LOCALES[lang], {
    style: 'percent',
    maximumFractionDigits: fractionDigits,
  });
  return formatter.format(percent / 100);
}
