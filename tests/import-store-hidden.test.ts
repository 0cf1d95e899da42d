import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarise } from '../src-shared/analysis/summarise';
import { importFile } from '../src-main/services/import-service';
import { getBudget } from '../src-main/store/budgets-repo';
import { readLines } from '../src-main/store/lines-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import { communeWorkbook } from './import-store-fixture';
import { tempFolder } from './store-helpers';

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeEach(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'hidden.sqlite'));
});
afterEach(() => {
  store.close();
  folder.remove();
});

async function importWithHiddenRow() {
  const bytes = communeWorkbook({
    title: 'COMPTE ADMINISTRATIF — Exercice 2021',
    lines: [
      ['6011', 'Salaires', 1000, 900],
      ['6021', 'Fournitures', 500, 400],
      ['6031', 'Frais cachés', 300, 280],
      ['7011', 'Impôts locaux', 2000, 1800],
    ],
    hidden: [2],
  });
  const outcome = await importFile(store, {
    fileName: 'hidden.xlsx',
    bytes,
    options: { currency: 'GNF' },
  });
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join('; '));
  const budget = getBudget(store.db, outcome.budgetId)!;
  return { budget, lines: readLines(store.db, outcome.budgetId) };
}

describe('lines on hidden rows', () => {
  it('are stored as lines marked hidden, with their amounts', async () => {
    const { lines } = await importWithHiddenRow();
    const hidden = lines.filter((l) => l.hidden);

    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ kind: 'line', code: '6031', amounts: { executed: 280 } });
  });

  it('are left out of the totals, and the summary says how much was left out', async () => {
    const { budget, lines } = await importWithHiddenRow();
    const summary = summarise(budget, lines, { basis: 'revised' });

    expect(summary.totals.expenditure.executed).toBe(1300);
    expect(summary.totals.expenditure.revised).toBe(1500);
    expect(summary.totals.revenue.executed).toBe(1800);
    expect(summary.hiddenExcluded).toEqual({
      lines: 1,
      revenue: { basisMinor: 0, executedMinor: 0 },
      expenditure: { basisMinor: 300, executedMinor: 280 },
    });
  });

  it('leave nothing out of a budget with no hidden row', async () => {
    const { budget, lines } = await importWithHiddenRow();
    const shown = lines.map((l) => ({ ...l, hidden: false }));
    const summary = summarise(budget, shown, { basis: 'revised' });

    expect(summary.totals.expenditure.executed).toBe(1580);
    expect(summary.hiddenExcluded.lines).toBe(0);
  });
});
