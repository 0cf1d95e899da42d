import { describe, expect, it } from 'vitest';
import type { ImportedRow, SheetPreview } from '../model';
import { isSummaryOf } from './sheet-summary';

/** The check as first written: a key string per figure, every figure compared. */
function summaryByKeys(reading: { rows: ImportedRow[] }, others: { rows: ImportedRow[] }[]) {
  const seen = new Set<string>();
  for (const other of others)
    for (const row of other.rows)
      for (const a of row.amounts) if (row.code) seen.add(`${row.code}|${a.valueMinor}`);
  const figures = reading.rows.flatMap((r) =>
    r.code ? r.amounts.map((a) => `${r.code}|${a.valueMinor}`) : [],
  );
  const repeated = figures.filter((f) => seen.has(f)).length;
  const otherFigures = others.reduce((n, o) => n + o.rows.reduce((m, r) => m + r.amounts.length, 0), 0); // prettier-ignore
  return figures.length >= 4 && repeated >= 0.8 * figures.length && figures.length < otherFigures
    ? `repeats ${repeated} figures of the other sheets: left out so nothing counts twice`
    : null;
}

function row(code: string | null, values: number[]): ImportedRow {
  return {
    sheet: 'S',
    row: 1,
    kind: 'line',
    reason: '',
    code,
    label: null,
    direction: null,
    section: null,
    parentCode: null,
    level: 0,
    amounts: values.map((valueMinor) => ({
      phase: 'revised',
      valueMinor,
      cell: 'A1',
      sourceText: null,
    })),
    statedRatePercent: null,
    hidden: false,
  };
}

const preview = (name: string) => ({ name }) as SheetPreview;

function randomSheet(random: () => number, rows: number): ImportedRow[] {
  return Array.from({ length: rows }, () =>
    row(
      random() < 0.1 ? null : String(600 + Math.floor(random() * 12)),
      Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 6) - 1),
    ),
  );
}

describe('isSummaryOf', () => {
  it('leaves out a sheet named like a summary, and never a sheet alone', () => {
    const rows = [row('601', [1, 2, 3, 4])];
    expect(isSummaryOf({ preview: preview('Récapitulatif'), rows }, [{ rows }])).toMatch(/name/);
    expect(isSummaryOf({ preview: preview('Récapitulatif'), rows }, [])).toBeNull();
  });

  it('leaves out a sheet whose coded figures stand on the other sheets', () => {
    const others = [{ rows: [row('601', [10, 20]), row('602', [30, 40]), row('603', [50])] }];
    const reading = { preview: preview('Feuil3'), rows: [row('601', [10, 20]), row('602', [30, 40])] }; // prettier-ignore
    expect(isSummaryOf(reading, others)).toBe(
      'repeats 4 figures of the other sheets: left out so nothing counts twice',
    );
    reading.rows[1] = row('602', [30, 41]);
    expect(isSummaryOf(reading, others)).toBeNull();
  });

  it('decides as the key-per-figure check did, on thousands of random sheets', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    let summaries = 0;
    for (let i = 0; i < 3000; i++) {
      const reading = { preview: preview('Feuil1'), rows: randomSheet(random, 1 + Math.floor(random() * 8)) }; // prettier-ignore
      const others = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
        rows: randomSheet(random, Math.floor(random() * 14)),
      }));
      // Some readings copied from the others, so that both answers occur.
      if (random() < 0.5) reading.rows = others[0]!.rows.slice(0, Math.max(1, others[0]!.rows.length - 2)); // prettier-ignore
      const expected = summaryByKeys(reading, others);
      if (expected) summaries++;
      expect(isSummaryOf(reading, others)).toBe(expected);
    }
    expect(summaries).toBeGreaterThan(100);
  });
});
