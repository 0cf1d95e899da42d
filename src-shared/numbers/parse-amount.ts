import { CURRENCY_MARKS, looksLikeDate, type NumberStyle } from './number-style';

export { inferNumberStyle, looksLikeDate, type NumberStyle } from './number-style';

/** The digits of an amount as written, kept exact so no float rounding touches money. */
export interface ExactDecimal {
  negative: boolean;
  integerDigits: string;
  fractionDigits: string;
}

/**
 * A text read as an amount: a figure, a blank (missing, which is not zero), or a reason why the
 * text is no amount at all ("withdrawn", `#DIV/0!`, a date).
 */
export type AmountResult =
  | {
      ok: true;
      value: number;
      exact: ExactDecimal;
      /** `63,5 %` was written with a percent sign; `value` is then 63.5. */
      isPercent: boolean;
      /** `-`, `–`, `—` or `néant`: a written zero. */
      isZeroMark: boolean;
      /** Why the figure may not be the one intended (scientific notation), or null. */
      damage: string | null;
    }
  | { ok: false; missing: true; reason: string }
  | { ok: false; missing: false; reason: string };

const ZERO_MARKS = /^(?:[-–—‒]+|n[ée]ant|nil|none|rien)$/i;
const NOT_AVAILABLE = /^(?:n\/?a|n\.?\s?d\.?|non disponible|not available)$/i;
const ERROR_VALUE = /^#(?:DIV\/0!|NAME\?|N\/A|REF!|VALUE!|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)/i;
const SCIENTIFIC = /^(\d+)(?:[.,](\d+))?e([+-]?\d+)$/i;
const GROUP_SPACES = /[\s\u00a0\u202f\u2009'’]/g;

function zero(isZeroMark: boolean): AmountResult {
  const exact = { negative: false, integerDigits: '0', fractionDigits: '' };
  return { ok: true, value: 0, exact, isPercent: false, isZeroMark, damage: null };
}

function invalid(reason: string): AmountResult {
  return { ok: false, missing: false, reason };
}

/** Takes the sign off: `-1 234`, `(1 234)`, `1 234-`, `($30.00)`, `−5`. */
function splitSign(text: string): { negative: boolean; body: string } {
  let body = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(body)) {
    negative = !negative;
    body = body.slice(1).trim();
  } else if (/[-−]$/.test(body)) {
    negative = !negative;
    body = body.slice(0, -1).trim();
  }
  return { negative, body };
}

function fromScientific(
  match: RegExpExecArray,
  negative: boolean,
  isPercent: boolean,
): AmountResult {
  const [, whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const integerDigits = point <= 0 ? '0' : digits.padEnd(point, '0').slice(0, point);
  const fractionDigits = point >= digits.length ? '' : digits.slice(Math.max(point, 0));
  const exact = {
    negative,
    integerDigits,
    fractionDigits: '0'.repeat(Math.max(-point, 0)) + fractionDigits,
  };
  const value = Number(`${negative ? '-' : ''}${whole}.${fraction || '0'}e${exponent}`);
  const damage =
    'written in scientific notation: the digits after the first few may have been lost';
  return { ok: true, value, exact, isPercent, isZeroMark: false, damage };
}

const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;
const NARROW_NO_BREAK_SPACE = 0x202f;
const PERCENT = 0x25;

/**
 * The common case read in one pass, without a regular expression: digits grouped by spaces, an
 * optional leading minus, at most one decimal mark of the column and a trailing percent sign. Null for anything else,
 * which the full reading handles; for what it accepts the result is the full reading's.
 */
function plainAmount(text: string, decimalMark: '.' | ','): AmountResult | null {
  const mark = decimalMark.charCodeAt(0);
  let negative = false;
  let seenDigit = false;
  let markAt = -1;
  let integerDigits = '';
  let fractionDigits = '';
  let runStart = -1;
  let isPercent = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code === SPACE || code === NO_BREAK_SPACE || code === NARROW_NO_BREAK_SPACE;
    // Only spaces may follow a percent sign.
    if (isPercent && !isSpace) return null;
    if (code >= 0x30 && code <= 0x39) {
      seenDigit = true;
      if (runStart < 0) runStart = i;
      continue;
    }
    // A run of digits ends: keep it on the side of the mark it stands.
    if (runStart >= 0) {
      if (markAt < 0) integerDigits += text.slice(runStart, i);
      else fractionDigits += text.slice(runStart, i);
      runStart = -1;
    }
    if (isSpace) continue;
    if (code === PERCENT && seenDigit) isPercent = true;
    else if (code === mark && markAt < 0) markAt = i;
    // A minus only before anything else; a trailing one or a bracket goes the long way.
    else if (code === 0x2d && !negative && !seenDigit && markAt < 0) negative = true;
    else return null;
  }
  if (!seenDigit) return null;
  if (runStart >= 0) {
    if (markAt < 0) integerDigits += text.slice(runStart);
    else fractionDigits += text.slice(runStart);
  }
  integerDigits = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  const value = Number(`${negative ? '-' : ''}${integerDigits}.${fractionDigits || '0'}`);
  return {
    ok: true,
    value: Object.is(value, -0) ? 0 : value,
    exact: { negative, integerDigits, fractionDigits },
    isPercent,
    isZeroMark: false,
    damage: null,
  };
}

/**
 * Reads one amount as a person wrote it, in the style decided for its column.
 *
 * Thousands may be grouped by spaces (also U+00A0, U+202F), apostrophes or the mark that is not
 * the decimal one; a negative may be `-1 234`, `(1 234)` or `1 234-`; currency marks (GNF, FG,
 * F CFA, $, Kshs) and a percent sign are allowed. A blank is missing, dashes and `néant` are
 * zero, a date or any other text is refused with a reason.
 */
export function parseAmount(text: string, style: NumberStyle): AmountResult {
  return plainAmount(text, style.decimalMark) ?? readAmount(text, style);
}

/** parseAmount without its one-pass shortcut for plain figures: the same results, slower. */
export function readAmount(text: string, style: NumberStyle): AmountResult {
  const trimmed = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (trimmed === '') return { ok: false, missing: true, reason: 'blank' };
  if (ZERO_MARKS.test(trimmed)) return zero(true);
  // "n/a" says the figure is not known: missing like a blank, never 0.
  if (NOT_AVAILABLE.test(trimmed)) return { ok: false, missing: true, reason: 'non disponible' };
  if (ERROR_VALUE.test(trimmed)) return invalid(`valeur d'erreur du tableur ${trimmed}`);
  if (looksLikeDate(trimmed)) return invalid('une date, pas un montant');

  const isPercent = /%\s*$/.test(trimmed);
  const { negative, body: signed } = splitSign(trimmed.replace(/%\s*$/, ''));
  const body = signed.replace(CURRENCY_MARKS, '').replace(GROUP_SPACES, '');
  const scientific = SCIENTIFIC.exec(body);
  if (scientific) return fromScientific(scientific, negative, isPercent);
  if (!/^[\d.,]*\d[\d.,]*$/.test(body)) return invalid('du texte, pas un montant');

  const groupMark = style.decimalMark === ',' ? '.' : ',';
  const parts = body.split(style.decimalMark);
  if (parts.length > 2) return invalid(`« ${style.decimalMark} » deux fois dans un nombre`);
  const [integerPart = '', fractionDigits = ''] = parts;
  if (fractionDigits.includes(groupMark))
    return invalid('séparateurs contraires à ceux de la colonne');
  const groups = integerPart.split(groupMark);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) {
    return invalid('séparateurs contraires à ceux de la colonne');
  }

  const integerDigits = groups.join('').replace(/^0+(?=\d)/, '') || '0';
  const exact = { negative, integerDigits, fractionDigits };
  const value = Number(`${negative ? '-' : ''}${integerDigits}.${fractionDigits || '0'}`);
  return {
    ok: true,
    value: Object.is(value, -0) ? 0 : value,
    exact,
    isPercent,
    isZeroMark: false,
    damage: null,
  };
}

/** An exact decimal from a number a spreadsheet stored (binary floating point). */
export function exactFromNumber(value: number): ExactDecimal {
  const negative = value < 0;
  // Whole numbers of up to 15 digits are written exactly by String; most amounts are such.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    return { negative, integerDigits: String(Math.abs(value)), fractionDigits: '' };
  }
  // 12 significant decimals undo binary noise such as 0.1 + 0.2 without touching real digits.
  const text = Math.abs(value) < 1e21 ? Number(Math.abs(value).toPrecision(15)).toString() : '';
  if (!text || /e/i.test(text)) {
    const fixed = Math.abs(value).toFixed(Math.abs(value) < 1 ? 12 : 0);
    const [i = '0', f = ''] = fixed.split('.');
    return { negative, integerDigits: i, fractionDigits: f.replace(/0+$/, '') };
  }
  const [integerDigits = '0', fractionDigits = ''] = text.split('.');
  return { negative, integerDigits, fractionDigits };
}

/** Minor units of an amount, and whether decimals beyond the currency's were rounded. */
export interface MinorUnits {
  valueMinor: number;
  /** True when the figure had more decimals than the currency has (rounded half away from 0). */
  isRounded: boolean;
}

/**
 * Converts an exact decimal to integer minor units: `exponent` is the currency's minor digits
 * (0 for GNF, 2 for EUR) and `multiplier` a stated unit (1000 for "en milliers"). Returns null
 * past Number.MAX_SAFE_INTEGER, where no stored integer could be trusted.
 */
export function toMinorUnits(
  exact: ExactDecimal,
  exponent: number,
  multiplier = 1,
): MinorUnits | null {
  const unitDigits = Math.round(Math.log10(multiplier));
  const isPowerOfTen = multiplier >= 1 && 10 ** unitDigits === multiplier;
  const written = exact.integerDigits + exact.fractionDigits;
  let scale = exact.fractionDigits.length - exponent;
  if (isPowerOfTen) scale -= unitDigits;
  // Up to 15 digits, scaled up, the product stays below 2^53: plain numbers are exact there.
  if (isPowerOfTen && scale <= 0 && written.length > 0 && written.length - scale <= 15) {
    const magnitude = Number(written) * 10 ** -scale;
    if (Number.isSafeInteger(magnitude)) {
      const valueMinor = exact.negative ? -magnitude : magnitude;
      return { valueMinor: valueMinor === 0 ? 0 : valueMinor, isRounded: false };
    }
  }
  let digits = BigInt(written);
  if (!isPowerOfTen) digits *= BigInt(Math.round(multiplier));

  let isRounded = false;
  if (scale > 0) {
    const divisor = 10n ** BigInt(scale);
    const remainder = digits % divisor;
    digits /= divisor;
    if (remainder * 2n >= divisor) digits += 1n;
    isRounded = remainder !== 0n;
  } else if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
  }

  if (digits > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const valueMinor = Number(exact.negative ? -digits : digits);
  return { valueMinor: valueMinor === 0 ? 0 : valueMinor, isRounded };
}
