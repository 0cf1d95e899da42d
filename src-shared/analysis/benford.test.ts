import { describe, expect, it } from 'vitest';
import { benfordFromCounts, benfordTest, benfordVerdict, leadingDigits } from './benford';

const FIRST = [0.006, 0.012, 0.015] as const;

describe('benfordFromCounts', () => {
  it.each([
    [[316, 170, 118, 100, 85, 63, 55, 50, 43], 0.00531, 'close'],
    [[250, 150, 110, 90, 130, 60, 50, 60, 100], 0.02531, 'nonconforming'],
  ])('grades the worked counts %j: MAD %d, %s', (counts, mad, verdict) => {
    const result = benfordFromCounts(counts, 1, FIRST);
    expect(result.sampleSize).toBe(1000);
    expect(result.mad).toBeCloseTo(mad, 5);
    expect(result.verdict).toBe(verdict);
  });
});

describe('benfordVerdict', () => {
  it.each([
    [0.006, 'close'],
    [0.0061, 'acceptable'],
    [0.012, 'acceptable'],
    [0.015, 'marginal'],
    [0.0151, 'nonconforming'],
  ] as const)('reads a MAD of %d as %s', (mad, verdict) => {
    expect(benfordVerdict(mad, FIRST)).toBe(verdict);
  });
});

describe('leadingDigits', () => {
  it.each([
    [7, false, 7],
    [52_393_467_652, false, 5],
    [52_393_467_652, true, 52],
    [10, true, 10],
    [999, true, 99],
  ])('takes the leading digits of %d (two: %s) as %d', (value, two, expected) => {
    expect(leadingDigits(value, two)).toBe(expected);
  });
});

describe('benfordTest', () => {
  it('finds a geometric series of amounts close to Benford', () => {
    const amounts = Array.from({ length: 2000 }, (_, i) => Math.round(100 * 1.0123 ** i));
    expect(benfordTest(amounts, 10, false, FIRST).verdict).toBe('close');
  });

  it('leaves out amounts under the minimum', () => {
    expect(benfordTest([5, 9, 12, 150], 10, false, FIRST).sampleSize).toBe(2);
  });
});
