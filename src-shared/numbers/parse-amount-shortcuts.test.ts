import { describe, expect, it } from 'vitest';
import {
  exactFromNumber,
  parseAmount,
  readAmount,
  toMinorUnits,
  type ExactDecimal,
} from './parse-amount';
import { seededUint32 } from '../../tests/seeded-random';

// The shortcuts for plain figures must give what the full readings give. The references below
// are the full readings as they were before the shortcuts.

function minorByBigInt(exact: ExactDecimal, exponent: number, multiplier = 1) {
  const unitDigits = Math.round(Math.log10(multiplier));
  const isPowerOfTen = multiplier >= 1 && 10 ** unitDigits === multiplier;
  let digits = BigInt(exact.integerDigits + exact.fractionDigits);
  let scale = exact.fractionDigits.length - exponent;
  if (isPowerOfTen) scale -= unitDigits;
  else digits *= BigInt(Math.round(multiplier));
  let isRounded = false;
  if (scale > 0) {
    const divisor = 10n ** BigInt(scale);
    const remainder = digits % divisor;
    digits /= divisor;
    if (remainder * 2n >= divisor) digits += 1n;
    isRounded = remainder !== 0n;
  } else if (scale < 0) digits *= 10n ** BigInt(-scale);
  if (digits > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const valueMinor = Number(exact.negative ? -digits : digits);
  return { valueMinor: valueMinor === 0 ? 0 : valueMinor, isRounded };
}

function exactByPrecision(value: number): ExactDecimal {
  const negative = value < 0;
  const text = Math.abs(value) < 1e21 ? Number(Math.abs(value).toPrecision(15)).toString() : '';
  if (!text || /e/i.test(text)) {
    const fixed = Math.abs(value).toFixed(Math.abs(value) < 1 ? 12 : 0);
    const [i = '0', f = ''] = fixed.split('.');
    return { negative, integerDigits: i, fractionDigits: f.replace(/0+$/, '') };
  }
  const [integerDigits = '0', fractionDigits = ''] = text.split('.');
  return { negative, integerDigits, fractionDigits };
}

const PIECES = [...'0123456789', '0', '00', ' ', ' ', '\u00a0', '\u202f', '-', ',', '.', '%'];
const EXTRA = ['(', ')', 'e', '/', 'GNF', '\t', "'", '−', '#', 'n/a', '—'];

const generator = seededUint32;

function randomAmountText(seed: number): string {
  const next = generator(seed);
  const length = next() % 16;
  let text = '';
  for (let i = 0; i < length; i++) {
    // Mostly the pieces of plain figures, now and then something that is not.
    text += next() % 20 === 0 ? EXTRA[next() % EXTRA.length] : PIECES[next() % PIECES.length];
  }
  return text;
}

describe('the one-pass reading of plain figures', () => {
  it.each([
    ['494 117 000', ','],
    ['-1 234,50', ','],
    [' 1\u00a0234\u202f567 ', ','],
    ['0012', '.'],
    ['-0', ','],
    [',5', ','],
    ['5,', ','],
    ['- 12', '.'],
    ['12.03', '.'],
    ['12,03,2023', ','],
    ['1 234-', ','],
    ['1.234,5', ','],
  ] as const)('reads %j in a column of %j as the full reading does', (text, mark) => {
    const style = { decimalMark: mark, evidence: '' };
    expect(parseAmount(text, style)).toEqual(readAmount(text, style));
  });

  it('agrees with the full reading on forty thousand random texts, in both styles', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = randomAmountText(seed);
      for (const decimalMark of [',', '.'] as const) {
        const style = { decimalMark, evidence: '' };
        expect(parseAmount(text, style), JSON.stringify(text)).toEqual(readAmount(text, style));
      }
    }
  });
});

describe('the plain-number shortcuts of exactFromNumber and toMinorUnits', () => {
  const numbers = [
    0,
    -0,
    1,
    -1,
    12,
    494117000,
    -245968888,
    999999999999999,
    1e15,
    1e15 + 2,
    2 ** 53,
    1e21,
    0.1 + 0.2,
    3540.88,
    -12.5,
    1.005,
    123456789.123,
    1e-7,
    Number.MAX_SAFE_INTEGER,
  ];

  it.each(numbers)('writes %d as the precision reading does', (value) => {
    expect(exactFromNumber(value)).toEqual(exactByPrecision(value));
  });

  it('converts to minor units as the BigInt reading does', () => {
    const next = generator(7);
    const exacts: ExactDecimal[] = numbers.map(exactByPrecision);
    for (let i = 0; i < 5_000; i++) {
      const integerDigits = String(next())
        .slice(0, 1 + (next() % 17))
        .padStart(next() % 3, '0');
      const fractionDigits = String(next()).slice(0, next() % 6);
      exacts.push({ negative: next() % 2 === 0, integerDigits, fractionDigits });
    }
    for (const exact of exacts) {
      for (const [exponent, multiplier] of [
        [0, 1],
        [2, 1],
        [0, 1000],
        [2, 1e6],
        [3, 1],
        [0, 2.5],
      ]) {
        const outcome = (convert: typeof toMinorUnits) => {
          try {
            return convert(exact, exponent!, multiplier);
          } catch (error) {
            // 1e21 is written "1e+21", which neither reading takes for digits.
            return (error as Error).name;
          }
        };
        expect(outcome(toMinorUnits), JSON.stringify(exact)).toEqual(outcome(minorByBigInt));
      }
    }
  });
});
