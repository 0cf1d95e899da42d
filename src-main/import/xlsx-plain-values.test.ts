import { describe, expect, it } from 'vitest';
import { plainIndex, plainNumber } from './xlsx-plain-values';

const read = (text: string) => plainNumber(Buffer.from(text, 'latin1'), 0, text.length);

describe('plainNumber', () => {
  it.each([
    '0',
    '-0',
    '7',
    '-1234.56',
    '0.1',
    '.5',
    '5.',
    '007.250',
    '123456789012345',
    '0.00000000000001',
  ])('reads %s as parseFloat does', (text) => {
    expect(Object.is(read(text), parseFloat(text))).toBe(true);
  });

  it('reads thousands of random decimals as parseFloat does', () => {
    for (let i = 0; i < 5_000; i++) {
      const digits = 1 + (i % 15);
      const whole = String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0');
      const point = i % (digits + 1);
      const text = `${i % 2 ? '-' : ''}${whole.slice(0, point)}.${whole.slice(point)}`;
      expect(read(text)).toBe(parseFloat(text));
    }
  });

  it.each(['', '-', '1e5', '1.2.3', ' 1', '+1', '1234567890123456', 'NaN', '&#49;'])(
    'leaves %j to parseFloat',
    (text) => {
      expect(read(text)).toBeNull();
    },
  );
});

describe('plainIndex', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['123456789', 123456789],
    ['1234567890', -1],
    ['4a', -1],
  ])('reads %s as %d', (text, index) => {
    expect(plainIndex(Buffer.from(text), 0, text.length)).toBe(index);
  });
});
