import { describe, expect, it } from 'vitest';
import { makeBudget, makeLine } from './fixtures/build';
import { THREE_YEARS } from './fixtures/three-years';
import { compositionVariance, computePefa, type PefaInputYear } from './pefa';
import {
  combineM1,
  combineM2,
  gradeContingency,
  gradeRatios,
  gradeVariances,
  PI1_BANDS,
  PI31_BANDS,
  type Grade,
} from './pefa-grades';

const BUDGETS = [10_000, 6_000, 2_000, 12_000];
const categories = (actuals: number[]) =>
  BUDGETS.map((budgetMinor, i) => ({ budgetMinor, actualMinor: actuals[i] as number }));

/** One year with one expenditure line: original budget and ordered outturn. */
function year(fiscalYear: number, original: number, ordered: number): PefaInputYear {
  const line = makeLine({ code: '601', chapter: '60', amounts: { original, ordered } });
  return { fiscalYear, budget: makeBudget({ fiscalYear }), lines: [line] };
}

describe('PI-1 aggregate expenditure outturn', () => {
  it('computes the worked ratios 92 %, 97 %, 103.5 % and grades them A', () => {
    const result = computePefa([
      year(2021, 40_000, 36_800),
      year(2022, 45_000, 43_650),
      year(2023, 50_000, 51_750),
    ]);
    const pi1 = result.indicators[0];
    expect(pi1?.dimensions[0]?.years.map((y) => y.valuePercent)).toEqual([92, 97, 103.5]);
    expect(pi1?.grade).toBe('A');
  });

  it.each<[number[], Grade]>([
    [[88, 93, 111], 'C'],
    [[95, 105, 80], 'A'],
    [[94.99, 105.01, 80], 'B'],
    [[95, 80, 80], 'D'],
    [[90, 110, 120], 'B'],
    [[85, 115, 50], 'C'],
    [[84.99, 115, 50], 'D'],
  ])('grades the ratios %j as %s', (ratios, grade) => {
    expect(gradeRatios(ratios, PI1_BANDS)).toBe(grade);
  });

  it('counts exactly 95 % computed from amounts inside the A band', () => {
    const result = computePefa([
      year(2021, 40_000, 38_000),
      year(2022, 40_000, 42_000),
      year(2023, 40_000, 20_000),
    ]);
    expect(result.indicators[0]?.grade).toBe('A');
  });

  it('gives the ratios and no grade with fewer than three years', () => {
    const result = computePefa([year(2022, 45_000, 43_650), year(2023, 50_000, 51_750)]);
    expect(result.graded).toBe(false);
    expect(result.indicators[0]?.dimensions[0]?.years.map((y) => y.valuePercent)).toEqual([
      97, 103.5,
    ]);
    expect(result.indicators.map((i) => i.grade)).toEqual([null, null, null]);
    expect(result.indicators[0]?.explanation).toContain('2 exercice(s) seulement');
  });

  it('uses the last three years and skips a year with no execution', () => {
    const budgetOnly: PefaInputYear = {
      ...year(2024, 10, 0),
      lines: [makeLine({ amounts: { original: 10 } })],
    };
    const result = computePefa([
      year(2020, 10, 1),
      year(2021, 40_000, 36_800),
      year(2022, 45_000, 43_650),
      year(2023, 50_000, 51_750),
      budgetOnly,
    ]);
    expect(result.fiscalYears).toEqual([2021, 2022, 2023]);
  });
});

describe('PI-2 expenditure composition outturn', () => {
  it.each([
    [[10_500, 6_600, 1_400, 8_000], 22.39],
    [[9_800, 6_100, 2_050, 11_300], 2.735],
    [[10_200, 5_700, 1_900, 11_000], 4.167],
  ])('computes the variance of actuals %j as %d %', (actuals, variance) => {
    expect(compositionVariance(categories(actuals))).toBeCloseTo(variance, 2);
  });

  it('grades the worked years 22.39 %, 2.735 %, 4.167 % A: two of three under 5 %', () => {
    expect(gradeVariances([22.39, 2.735, 4.167])).toBe('A');
  });

  it.each<[number[], Grade]>([
    [[5, 5, 1], 'B'],
    [[4.99, 5, 1], 'A'],
    [[10, 10, 9.99], 'C'],
    [[15, 15, 15], 'D'],
  ])('grades the variances %j as %s (strictly under each limit)', (variances, grade) => {
    expect(gradeVariances(variances)).toBe(grade);
  });

  it.each<[number, Grade]>([
    [(2.9 + 3.5 + 2.0) / 3, 'A'],
    [3.0, 'B'],
    [6.0, 'B'],
    [6.01, 'C'],
    [10, 'D'],
  ])('grades an average contingency share of %d % as %s', (average, grade) => {
    expect(gradeContingency(average, true)).toBe(grade);
  });

  it('grades a budget with no contingency vote A', () => {
    expect(gradeContingency(null, false)).toBe('A');
  });

  it.each<[Grade[], string]>([
    [['B', 'A', 'A'], 'B+'],
    [['A', 'A', 'A'], 'A'],
    [['C', 'C', 'C'], 'C'],
    [['A', 'D', 'B'], 'D+'],
  ])('combines %j by the weakest link into %s', (grades, expected) => {
    expect(combineM1(grades)).toBe(expected);
  });
});

describe('PI-3 revenue outturn', () => {
  it.each<[number[], Grade]>([
    [[96, 108, 118], 'B'],
    [[97, 106, 50], 'A'],
    [[92, 116, 50], 'C'],
    [[91.99, 116, 50], 'D'],
  ])('grades the revenue ratios %j as %s', (ratios, grade) => {
    expect(gradeRatios(ratios, PI31_BANDS)).toBe(grade);
  });

  it.each<[Grade, Grade, string]>([
    ['A', 'A', 'A'],
    ['A', 'B', 'B+'],
    ['A', 'C', 'B'],
    ['A', 'D', 'C+'],
    ['B', 'B', 'B'],
    ['B', 'C', 'C+'],
    ['B', 'D', 'C'],
    ['C', 'C', 'C'],
    ['C', 'D', 'D+'],
    ['D', 'D', 'D'],
    ['D', 'A', 'C+'],
  ])('averages %s and %s into %s (M2)', (a, b, expected) => {
    expect(combineM2(a, b)).toBe(expected);
  });
});

describe('computePefa over the hand-graded three years', () => {
  const result = computePefa(THREE_YEARS, { lang: 'en' });
  const dimension = (id: string) =>
    result.indicators.flatMap((i) => i.dimensions).find((d) => d.id === id);
  const values = (id: string) =>
    dimension(id)?.years.map((y) => Number(y.valuePercent?.toFixed(3)));

  it('finds the ratios and variances computed by hand', () => {
    expect(values('PI-1')).toEqual([92.667, 99.333, 87.667]);
    expect(values('PI-2.1')).toEqual([2.626, 4.251, 21.969]);
    expect(values('PI-2.2')).toEqual([2.626, 4.251, 21.969]);
    expect(values('PI-2.3')).toEqual([2, 3, 4]);
    expect(values('PI-3.1')).toEqual([98.333, 104, 95]);
    expect(values('PI-3.2')).toEqual([1.808, 7.051, 12.982]);
  });

  it('grades them as computed by hand', () => {
    expect(result.indicators.map((i) => [i.id, i.grade])).toEqual([
      ['PI-1', 'B'],
      ['PI-2', 'B+'],
      ['PI-3', 'B+'],
    ]);
    expect(result.indicators[1]?.dimensions.map((d) => d.grade)).toEqual(['A', 'A', 'B']);
    expect(result.indicators[2]?.dimensions.map((d) => d.grade)).toEqual(['A', 'B']);
    expect(dimension('PI-1')?.explanation).toContain('→ B.');
  });
});
