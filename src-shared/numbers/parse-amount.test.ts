import { describe, expect, it } from 'vitest';
import { inferNumberStyle, parseAmount, toMinorUnits, exactFromNumber } from './parse-amount';
import { currencyExponent, detectCurrency } from './currency';

function valuesOf(texts: string[], fallback: '.' | ',' = '.'): (number | string)[] {
  const style = inferNumberStyle(texts, fallback);
  return texts.map((t) => {
    const r = parseAmount(t, style);
    return r.ok ? r.value : r.missing ? 'missing' : 'invalid';
  });
}

describe('inferNumberStyle', () => {
  it.each([
    ['dot thousands and comma decimals in a ; file', ['334.327,57', '87.538.258,97'], ',', ','],
    ['a comma after a dot proves the comma', ['-3.000', '1.111,11'], ',', '.'],
    ['a comma with two decimals beside an integer', ['562065867,78', '104500'], ',', '.'],
    ['repeated commas in an English file', ['1,234,567', '12.5'], '.', ','],
    ['a dot with two decimals', ['325,532.52', '1,000.00'], '.', ','],
    ['only three-digit groups after dots', ['52.393.467.652', '1.000'], ',', '.'],
    ['nothing decisive falls back to the file convention', ['1200', '35'], ',', ','],
  ])('reads %s', (_name, texts, expected, fallback) => {
    expect(inferNumberStyle(texts, fallback as '.' | ',').decimalMark).toBe(expected);
  });

  it('ignores dates when deciding', () => {
    expect(inferNumberStyle(['05.10.2023', '-12,50']).decimalMark).toBe(',');
  });
});

describe('parseAmount in its column', () => {
  it.each([
    ['a ; file with dot groups', ['334.327,57', '87.538.258,97'], [334327.57, 87538258.97]],
    ['-3.000 beside 1.111,11', ['-3.000', '1.111,11'], [-3000, 1111.11]],
    ['562065867,78 beside 104500', ['562065867,78', '104500'], [562065867.78, 104500]],
    ['an English quoted figure', ['1,234,567', '2,000'], [1234567, 2000]],
    ['a tab file of decimal commas', ['12,5', '0,75', '1 234,5'], [12.5, 0.75, 1234.5]],
    ['a bank line amount', ['-12,50'], [-12.5]],
    ['accounting brackets', ['($30.00)', '(1 234)'], [-30, -1234]],
    ['French brackets with decimals', ['(1 234,50)', '2 000,00'], [-1234.5, 2000]],
    ['a trailing minus', ['1 234-', '5,00'], [-1234, 5]],
    [
      'no-break and narrow spaces',
      ['52\u00a0393\u00a0467\u00a0652', '1\u202f234,5'],
      [52393467652, 1234.5],
    ],
    ['apostrophe thousands', ["1'234", "12'500,50"], [1234, 12500.5]],
    [
      'currency marks',
      ['1 000 GNF', '2 500 FG', '300 F CFA', 'Kshs 4,500', '$12.00'],
      [1000, 2500, 300, 4500, 12],
    ],
    ['dashes and néant as zero', ['-', '–', '—', 'néant', '12,5'], [0, 0, 0, 0, 12.5]],
    ['blank as missing', ['', '  ', '3,5'], ['missing', 'missing', 3.5]],
    [
      '"not available" as missing, not zero',
      ['n/a', 'N/A', 'NA', 'n.d.'],
      ['missing', 'missing', 'missing', 'missing'],
    ],
    [
      'text and errors as invalid',
      ['withdrawn', '#DIV/0!', '#NAME?', 'néant?', '12,5'],
      ['invalid', 'invalid', 'invalid', 'invalid', 12.5],
    ],
    ['a date among amounts', ['21/10/2014', '22523', '1 000,00'], ['invalid', 22523, 1000]],
  ])('reads %s', (_name, texts, expected) => {
    expect(valuesOf(texts, ',')).toEqual(expected);
  });

  it.each([
    ['63,5 %', 63.5],
    ['87,4\u00a0%', 87.4],
    ['63,5%', 63.5],
  ])('reads the percentage %s', (text, value) => {
    const r = parseAmount(text, { decimalMark: ',', evidence: '' });
    expect(r).toMatchObject({ ok: true, value, isPercent: true });
  });

  it('flags scientific notation as damaged', () => {
    const r = parseAmount('4.00E+07', { decimalMark: '.', evidence: '' });
    expect(r).toMatchObject({ ok: true, value: 40000000 });
    expect(r.ok && r.damage).toMatch(/scientific/);
  });

  it('marks a written zero', () => {
    expect(parseAmount('néant', { decimalMark: ',', evidence: '' })).toMatchObject({
      isZeroMark: true,
    });
  });
});

describe('toMinorUnits', () => {
  const style = { decimalMark: ',' as const, evidence: '' };
  function minor(text: string, exponent: number, multiplier = 1) {
    const r = parseAmount(text, style);
    if (!r.ok) throw new Error(r.reason);
    return toMinorUnits(r.exact, exponent, multiplier);
  }

  it.each([
    ['1 234,56', 2, 1, 123456, false],
    ['52.393.467.652', 0, 1, 52393467652, false],
    ['12,5', 0, 1, 13, true],
    ['-3,4', 0, 1, -3, true],
    ['3 540,88', 2, 1_000_000, 354088000000, false],
    ['0,001', 2, 1, 0, true],
  ])('turns %s (exponent %i, unit %i) into %i', (text, exponent, unit, expected, rounded) => {
    expect(minor(text, exponent, unit)).toEqual({ valueMinor: expected, isRounded: rounded });
  });

  it('keeps stored floating-point numbers exact', () => {
    expect(toMinorUnits(exactFromNumber(0.1 + 0.2), 2)).toEqual({
      valueMinor: 30,
      isRounded: false,
    });
    expect(toMinorUnits(exactFromNumber(3540.88), 2, 1e6)?.valueMinor).toBe(354088000000);
  });
});

describe('currency', () => {
  it.each([
    ['GNF', 0],
    ['XOF', 0],
    ['MGA', 0],
    ['EUR', 2],
    ['KES', 2],
    ['QQQ', 2],
  ])('gives %s %i minor digits', (code, digits) => {
    expect(currencyExponent(code)).toBe(digits);
  });

  it('finds the currency a title names', () => {
    expect(detectCurrency(['Budget Estimates (Kshs. Million)'])?.code).toBe('KES');
    expect(detectCurrency(['Montants en GNF', 'Total'])?.code).toBe('GNF');
    expect(detectCurrency(['Libellé'])).toBeNull();
  });
});
