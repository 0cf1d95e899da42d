import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent, type Lang } from './amount';
import { intlAmountDigits, intlPercent } from './intl-number';
import { seededRandom as random } from '../../tests/seeded-random';

const LANGS: Lang[] = ['fr', 'en'];

/** Intl's text of an amount, as formatAmount wrote it before it had its own digits. */
function intlAmount(minor: number, currency: string, exponent: number, lang: Lang): string {
  const signed = intlAmountDigits(minor, exponent, lang);
  return lang === 'fr' ? `${signed}\u00a0${currency}` : `${currency} ${signed}`;
}

function intlRate(percent: number | null, lang: Lang, fractionDigits: number): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  return intlPercent(percent, lang, fractionDigits);
}

function sampleAmounts(): number[] {
  const next = random(20240601);
  const values = [0, -0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 999_999, 1_000_000, 1e15];
  values.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 123_456_789, -52_393_467_652);
  for (let i = 0; i < 4000; i++) {
    const magnitude = 10 ** Math.floor(next() * 16);
    const value = Math.floor(next() * magnitude);
    values.push(next() < 0.3 ? -value : value);
  }
  return values;
}

function sampleRates(): number[] {
  const next = random(19700101);
  const values = [0, -0, 1e-9, -1e-9, 0.04, 0.05, 0.05000001, 0.15, 0.25, 0.35, 0.45, 0.95];
  values.push(-0.04, -0.05, -0.06, 63.54, 63.45, 63.55, 99.95, 99.949, 999.95, -999.95, 1e-7);
  values.push(70, 100, 124, -100, 1e8, 999_999_999, 1e9, 1e9 + 0.5, 2 ** 31, 1e15, 1e17, 1e19);
  values.push(1e20, 1e21, 1e23, 1.5e300, -1e22, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE);
  for (let i = 0; i < 3000; i++) {
    // Rates as the rules compute them: one integer amount over another.
    const actual = Math.floor(next() * 10 ** Math.floor(next() * 13));
    const expected = 1 + Math.floor(next() * 10 ** Math.floor(next() * 13));
    values.push((actual / expected) * 100, ((actual - expected) / expected) * 100);
  }
  for (let i = 0; i < 2000; i++) {
    // Halves in the last place kept, where rounding direction is decided.
    const tenths = Math.floor(next() * 100_000) / 10 ** Math.floor(next() * 4);
    values.push(tenths + 0.05, -(tenths + 0.005), tenths + 0.0005);
  }
  for (let i = 0; i < 2000; i++) values.push((next() - 0.5) * 10 ** (next() * 40 - 12));
  return values;
}

describe('the amount and rate texts written without Intl', () => {
  it('are the texts Intl writes for amounts of every size, sign and exponent', () => {
    const mismatches: string[] = [];
    for (const minor of sampleAmounts()) {
      for (const exponent of [0, 1, 2, 3, 4]) {
        for (const lang of LANGS) {
          const expected = intlAmount(minor, 'XOF', exponent, lang);
          const actual = formatAmount(minor, 'XOF', exponent, lang);
          if (actual !== expected) mismatches.push(`${minor}/${exponent}/${lang}: ${actual}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('are the texts Intl writes for rates, halves, negatives and extremes', () => {
    const mismatches: string[] = [];
    const rates = [...sampleRates(), null, NaN, Infinity, -Infinity];
    for (const percent of rates) {
      for (const digits of [0, 1, 2, 3]) {
        for (const lang of LANGS) {
          const expected = intlRate(percent, lang, digits);
          const actual = formatPercent(percent, lang, digits);
          if (actual !== expected) mismatches.push(`${percent}/${digits}/${lang}: ${actual}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('still refuses an amount that is not a safe integer, NaN included', () => {
    for (const minor of [NaN, 0.5, Number.MAX_SAFE_INTEGER + 1, Infinity]) {
      expect(() => formatAmount(minor, 'EUR', 2, 'en')).toThrow();
    }
  });
});
