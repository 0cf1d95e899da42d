import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../model';
import { makeBudget, makeLine } from './fixtures/build';
import { summarise } from './summarise';

const rev = (fields: Partial<BudgetLine>) =>
  makeLine({ sheet: 'RECETTES', direction: 'revenue', ...fields });
const exp = (fields: Partial<BudgetLine>) =>
  makeLine({ sheet: 'DEPENSES', direction: 'expenditure', ...fields });

/*
 * By hand. Revenue: planned 1000+500+300+2000 = 3800, revised 1200+500+300+2000 = 4000,
 * executed 1100+400 (collected, no assessed figure)+300+1000 = 2800. Expenditure: planned
 * 800+400+300+2000 = 3500, revised 900+500+300+2000 = 3700, executed 850+450+300+500 = 2100.
 * Without the transfer (021 / 023, 300 each): revenue 3500 / 3700 / 2500, expenditure 3200 /
 * 3400 / 1800. Chapter 60: revised 1400, executed 1300, rate 92.857 %.
 */
const lines: BudgetLine[] = [
  rev({
    code: '701',
    chapter: '70',
    amounts: { original: 1000, revised: 1200, assessed: 1100, collected: 900 },
  }),
  rev({ code: '702', chapter: '70', amounts: { original: 500, revised: 500, collected: 400 } }),
  rev({
    code: '021',
    chapter: '021',
    section: 'investment',
    label: 'Virement de la section de fonctionnement',
    amounts: { original: 300, revised: 300, assessed: 300 },
  }),
  rev({
    code: '1311',
    chapter: '13',
    section: 'investment',
    amounts: { original: 2000, assessed: 1000 },
  }),
  exp({
    code: '601',
    chapter: '60',
    amounts: { original: 800, revised: 900, ordered: 850, paid: 800 },
  }),
  exp({ code: '602', chapter: '60', amounts: { original: 400, revised: 500, ordered: 450 } }),
  exp({
    kind: 'subtotal',
    code: '60',
    chapter: '60',
    label: 'Total 60',
    amounts: { revised: 99_999 },
  }),
  exp({
    code: '023',
    chapter: '023',
    label: "Virement à la section d'investissement",
    amounts: { original: 300, revised: 300, ordered: 300 },
  }),
  exp({
    code: '2111',
    chapter: '21',
    section: 'investment',
    amounts: { original: 2000, revised: 2000, ordered: 500 },
  }),
  makeLine({ direction: null, code: '999', amounts: { revised: 7, ordered: 7 } }),
];

describe('summarise', () => {
  const summary = summarise(makeBudget({ population: 100 }), lines, { basis: 'revised' });

  it('adds only detail lines, at the executed stage with its fallback', () => {
    expect(summary.totals.revenue).toEqual({
      planned: 3800,
      revised: 4000,
      executed: 2800,
      committed: null,
      paid: null,
      collected: 1300,
    });
    expect(summary.totals.expenditure).toMatchObject({
      planned: 3500,
      revised: 3700,
      executed: 2100,
      paid: 800,
    });
    expect(summary.executedStage.revenue.linesByPhase).toEqual({ assessed: 3, collected: 1 });
    expect(summary.linesWithoutDirection).toBe(1);
  });

  it('counts the transfer between sections once in the consolidated totals', () => {
    expect(summary.consolidated.revenue).toMatchObject({
      planned: 3500,
      revised: 3700,
      executed: 2500,
    });
    expect(summary.consolidated.expenditure).toMatchObject({
      planned: 3200,
      revised: 3400,
      executed: 1800,
    });
    expect(summary.transfers.lineIds).toHaveLength(2);
  });

  it('balances revenue against expenditure per section and overall', () => {
    expect(summary.balance).toEqual({
      plannedMinor: 300,
      revisedMinor: 300,
      basisMinor: 300,
      executedMinor: 700,
    });
    expect(summary.balanceBySection).toEqual([
      {
        section: 'operating',
        plannedMinor: 0,
        revisedMinor: 0,
        basisMinor: 0,
        executedMinor: -100,
      },
      {
        section: 'investment',
        plannedMinor: 300,
        revisedMinor: 300,
        basisMinor: 300,
        executedMinor: 800,
      },
    ]);
  });

  it('gives each chapter its rate, variance and shares', () => {
    const chapter = summary.byChapter.find((c) => c.chapter === '60');
    expect(chapter).toMatchObject({
      basisMinor: 1400,
      executedMinor: 1300,
      varianceMinor: -100,
      lineCount: 2,
    });
    expect(chapter?.ratePercent).toBeCloseTo(92.857, 3);
    expect(chapter?.variancePoints).toBeCloseTo(-7.143, 3);
    expect(chapter?.basisSharePercent).toBeCloseTo((1400 / 3700) * 100, 9);
    expect(chapter?.executedSharePercent).toBeCloseTo((1300 / 2100) * 100, 9);
    expect(chapter?.executedPerResidentMinor).toBe(13);
  });

  it('makes chapters add up to sections and sections to directions', () => {
    for (const side of summary.byDirection) {
      const sections = summary.bySection.filter((s) => s.direction === side.direction);
      const chapters = summary.byChapter.filter((c) => c.direction === side.direction);
      for (const field of ['basisMinor', 'executedMinor', 'plannedMinor'] as const) {
        expect(sections.reduce((sum, s) => sum + (s[field] ?? 0), 0)).toBe(side[field]);
        expect(chapters.reduce((sum, c) => sum + (c[field] ?? 0), 0)).toBe(side[field]);
      }
    }
  });

  it('compares against the original forecast on request', () => {
    const original = summarise(makeBudget(), lines, { basis: 'original' });
    const chapter = original.byChapter.find((c) => c.chapter === '60');
    expect(chapter?.ratePercent).toBeCloseTo(108.333, 3);
    expect(chapter?.executedPerResidentMinor).toBeNull();
  });

  it('leaves the rate undefined where the forecast is 0', () => {
    const unplanned = [
      exp({ code: '651', chapter: '65', amounts: { original: 0, revised: 0, ordered: 50 } }),
    ];
    const [chapter] = summarise(makeBudget(), unplanned, { basis: 'revised' }).byChapter;
    expect(chapter?.ratePercent).toBeNull();
    expect(chapter?.varianceMinor).toBe(50);
  });

  it('leaves executed, variance, rate and balance empty when no line has an execution figure', () => {
    const forecastOnly = [
      exp({ code: '601', chapter: '60', amounts: { original: 800, revised: 900 } }),
      rev({ code: '701', chapter: '70', amounts: { original: 1000 } }),
    ];
    const result = summarise(makeBudget(), forecastOnly, { basis: 'revised' });
    expect(result.totals.expenditure.executed).toBeNull();
    for (const group of [...result.byDirection, ...result.bySection, ...result.byChapter]) {
      expect([group.key, group.executedMinor, group.varianceMinor, group.ratePercent]).toEqual([
        group.key,
        null,
        null,
        null,
      ]);
    }
    expect(result.balance.executedMinor).toBeNull();
    expect(result.balance.basisMinor).toBe(100);
  });

  it('reports null totals for a phase no line has', () => {
    const summaryOfNothing = summarise(makeBudget(), [], { basis: 'revised' });
    expect(summaryOfNothing.totals.expenditure.executed).toBeNull();
    expect(summaryOfNothing.byDirection).toEqual([]);
  });
});
