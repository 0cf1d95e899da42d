import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent } from './amount';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatAmount', () => {
  it.each([
    [52393467652, 'GNF', 0, 'fr', `52${NNBSP}393${NNBSP}467${NNBSP}652${NBSP}GNF`],
    [52393467652, 'GNF', 0, 'en', 'GNF 52,393,467,652'],
    [123456, 'EUR', 2, 'fr', `1${NNBSP}234,56${NBSP}EUR`],
    [123456, 'EUR', 2, 'en', 'EUR 1,234.56'],
    [5, 'EUR', 2, 'en', 'EUR 0.05'],
    [-1234, 'XOF', 0, 'fr', `-1${NNBSP}234${NBSP}XOF`],
    [0, 'GNF', 0, 'en', 'GNF 0'],
  ] as const)('formats %d %s (exponent %d) in %s', (minor, currency, exponent, lang, expected) => {
    expect(formatAmount(minor, currency, exponent, lang)).toBe(expected);
  });

  it('keeps every digit of a large amount with cents', () => {
    expect(formatAmount(9007199254740991, 'EUR', 2, 'en')).toBe('EUR 90,071,992,547,409.91');
  });

  it('refuses an amount that is not an integer number of minor units', () => {
    expect(() => formatAmount(1.5, 'GNF', 0, 'fr')).toThrow();
  });
});

describe('formatPercent', () => {
  it.each([
    [124, 'fr', `124${NBSP}%`],
    [63.54, 'fr', `63,5${NBSP}%`],
    [63.54, 'en', '63.5%'],
    [null, 'en', '—'],
    [Number.POSITIVE_INFINITY, 'fr', '—'],
  ] as const)('formats %s in %s', (percent, lang, expected) => {
    expect(formatPercent(percent, lang)).toBe(expected);
  });
});
