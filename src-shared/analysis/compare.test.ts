import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../model';
import { compareBudgets } from './compare';
import { makeBudget, makeLine } from './fixtures/build';

const line = (code: string, label: string, ordered: number): BudgetLine =>
  makeLine({
    code,
    label,
    chapter: code.slice(0, 2),
    amounts: { original: 100, revised: 100, ordered },
  });

const year2023 = [
  line('6011', 'Personnel permanent', 100),
  line('6021', 'Carburant', 40),
  line('6051', 'Eau', 10),
  line('6061', 'Fêtes', 5),
];
const year2024 = [
  line('6011', 'Personnel permanent', 110),
  line('6021', 'Carburant', 90),
  line('6052', 'Eau', 12),
  line('6071', 'Bourses', 7),
];

describe('compareBudgets between two years', () => {
  const result = compareBudgets(
    { budget: makeBudget({ fiscalYear: 2023 }), lines: year2023 },
    { budget: makeBudget({ fiscalYear: 2024 }), lines: year2024 },
    { lang: 'en' },
  );

  it('matches lines by code and reports those that appear or disappear', () => {
    expect(result.mode).toBe('years');
    expect(result.lines.find((l) => l.code === '6011')?.executedChangePercent).toBeCloseTo(10, 9);
    expect(result.appeared.map((l) => l.code)).toEqual(['6052', '6071']);
    expect(result.disappeared.map((l) => l.code)).toEqual(['6051', '6061']);
  });

  it('pairs a line that changed code but kept its label', () => {
    expect(result.recoded.map((p) => [p.from.code, p.to.code])).toEqual([['6051', '6052']]);
  });

  it('flags a jump beyond the threshold, and only that one', () => {
    expect(result.flags.map((f) => [f.rule, f.code])).toEqual([['year-on-year-jump', '6021']]);
    expect(result.flags[0]?.message).toContain(
      'GNF 40 executed the year before, GNF 90 this year (+125%',
    );
  });
});

describe('compareBudgets between two entities', () => {
  it('puts the summaries side by side without year-on-year flags', () => {
    const result = compareBudgets(
      { budget: makeBudget({ entity: 'Kaloum', population: 100 }), lines: year2023 },
      { budget: makeBudget({ entity: 'Dixinn', population: 50 }), lines: year2024 },
    );
    expect(result.mode).toBe('entities');
    expect(result.flags).toEqual([]);
    const perResident = result.summaries.map((s) => s.byDirection[0]?.executedPerResidentMinor);
    expect(perResident).toEqual([155 / 100, 219 / 50]);
  });
});
