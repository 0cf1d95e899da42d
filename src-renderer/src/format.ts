import {
  formatAmount as formatSharedAmount,
  formatPercent as formatSharedPercent,
} from '../../src-shared/format/amount';
import { LOCALES, type Language, type MessageKey } from '../../src-shared/i18n';

/** An amount in minor units as the room reads it: `52 393 467 652 GNF` in French. */
export function formatMoney(
  minor: number | null | undefined,
  currency: string,
  exponent: number,
  lang: Language,
): string {
  if (minor === null || minor === undefined) return '—';
  return formatSharedAmount(minor, currency, exponent, lang);
}

/** A figure without its currency, for table cells where the column says the unit. */
export function formatAmount(minor: number | null | undefined, exponent: number, lang: Language) {
  if (minor === null || minor === undefined) return '';
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(minor / 10 ** exponent);
}

/** A percentage given as 63.5 (not 0.635), with one decimal at most; a dash when undefined. */
export function formatPercent(ratePercent: number | null | undefined, lang: Language): string {
  return formatSharedPercent(ratePercent ?? null, lang);
}

// The franc guinéen and the two CFA francs are said "francs" in the room; any other currency
// is named by its code, as "Sur 100 USD prévus".
const FRANCS = new Set(['GNF', 'XOF', 'XAF']);

/** The word for the currency in "Sur 100 … prévus": francs, or the ISO code. */
export function currencyUnit(currency: string, t: (key: MessageKey) => string): string {
  return FRANCS.has(currency) ? t('overview.francs') : currency;
}

export function formatInteger(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** executed / basis as a percentage, or null when there is no basis to divide by. */
export function ratePercent(executed: number | undefined, basis: number | undefined) {
  if (executed === undefined || basis === undefined || basis === 0) return null;
  return (executed / basis) * 100;
}

// Bidi overrides and isolates can make a label read backwards ("‮0001 tnemyap"), and
// zero-width characters can hide a difference between two codes: both are shown as names.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Spreadsheet text with every invisible or direction-changing character spelled out. */
export function visibleText(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(INVISIBLE, (char) => {
    const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    return `⟨U+${code}⟩`;
  });
}
