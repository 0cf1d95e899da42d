import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src-shared/analysis/summary-model';
import { summaryFromJson, summaryToJson } from './summary-repo';

// Only the round trip of values is tested here: any object stands for a summary.
const asSummary = (value: object) => value as unknown as Summary;

describe('the JSON of a kept summary', () => {
  it.each([
    ['a share of a negative total', -0],
    ['a rate over nothing', Number.NaN],
    ['a ratio past any bound', Number.POSITIVE_INFINITY],
    ['its negative', Number.NEGATIVE_INFINITY],
    ['an ordinary fraction', 12.345678901234567],
  ])('reads back %s as the same number', (_what, value) => {
    const back = summaryFromJson(summaryToJson(asSummary({ groups: [{ sharePercent: value }] })));

    expect(back).toEqual({ groups: [{ sharePercent: value }] });
  });

  it('leaves a label that looks like a number a string', () => {
    const summary = asSummary({ label: '-0', rate: -0 });

    expect(summaryFromJson(summaryToJson(summary))).toEqual({ label: '-0', rate: -0 });
  });
});
