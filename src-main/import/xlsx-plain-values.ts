/**
 * Cell values read straight from the sheet's bytes when they are plain, without making a
 * string of them first: most cells of a budget are a number or a shared-string index.
 */

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal such as `-1234.56` read straight from the bytes, or null for anything else. With
 * at most 15 digits the digits and the power of ten are exact doubles, so one division gives
 * the correctly rounded value, the same as parseFloat.
 */
export function plainNumber(xml: Buffer, start: number, end: number): number | null {
  let i = start;
  const isNegative = xml[i] === 45;
  if (isNegative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const code = xml[i]!;
    if (code === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return null;
    mantissa = mantissa * 10 + digit;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return null;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return isNegative ? -value : value;
}

/** A shared-string index of at most 9 plain digits, or -1. */
export function plainIndex(xml: Buffer, start: number, end: number): number {
  if (end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = xml[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}
