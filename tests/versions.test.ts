import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, type ImportRequest } from '../src-main/services/import-service';
import { getBudget, listBudgets } from '../src-main/store/budgets-repo';
import { listFlags, saveReview } from '../src-main/store/flags-repo';
import { listOperations } from '../src-main/store/operations-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import { listVersions } from '../src-main/store/versions-repo';
import type { BudgetVersion } from '../src-shared/model';
import { communeWorkbook, type FixtureLine, type FixtureOptions } from './import-store-fixture';
import { tempFolder } from './store-helpers';

const ENTITY = 'Commune de Testville';

// Salaries (row 5) and transport (row 8) are executed above their forecast: two flags.
const ACCOUNT: FixtureLine[] = [
  ['6011', 'Salaires', 1000, 1200],
  ['6021', 'Fournitures', 500, 400],
  ['6031', 'Entretien', 300, 250],
  ['6041', 'Transport', 200, 260],
  ['7011', 'Impôts locaux', 2000, 1800],
];
// The corrected file: supplies changed, transport gone, training added, the rest as it was.
const CORRECTED: FixtureLine[] = [
  ACCOUNT[0]!,
  ['6021', 'Fournitures', 500, 450],
  ACCOUNT[2]!,
  ['6051', 'Formation', 200, 150],
  ACCOUNT[4]!,
];

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeEach(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'versions.sqlite'));
});
afterEach(() => {
  store.close();
  folder.remove();
});

async function importBook(options: FixtureOptions, version?: BudgetVersion) {
  const request: ImportRequest = {
    fileName: 'testville.xlsx',
    bytes: communeWorkbook(options),
    options: { currency: 'GNF' },
    ...(version ? { version } : {}),
  };
  const outcome = await importFile(store, request);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join('; '));
  return outcome;
}

const account = (year: number, lines = ACCOUNT) =>
  importBook({ title: `COMPTE ADMINISTRATIF — Exercice ${year}`, lines });

function reviewFlagOn(budgetId: number, code: string, note: string) {
  const flag = listFlags(store.db, budgetId).find((f) => f.code === code);
  if (!flag?.id) throw new Error(`no flag on ${code}`);
  saveReview(store.db, flag.id, { status: 'explained', note, reviewer: 'A. Camara', at: 'now' });
}

describe('a corrected file of the same entity, year and version', () => {
  it('supersedes the budget it corrects and lists only the new one', async () => {
    const first = await account(2021);
    const second = await account(2021, CORRECTED);

    expect(second.budgetId).not.toBe(first.budgetId);
    expect(second.replaced?.replacedBudgetId).toBe(first.budgetId);
    expect(listBudgets(store.db).map((b) => b.id)).toEqual([second.budgetId]);
    expect(listVersions(store.db, ENTITY).map((v) => v.replacedBy)).toEqual([
      second.budgetId,
      null,
    ]);
    expect(getBudget(store.db, first.budgetId)?.lineCount).toBe(5);
  });

  it('logs how many lines were added, removed and changed', async () => {
    const first = await account(2021);
    const second = await account(2021, CORRECTED);
    const logged = listOperations(store.db).filter((o) => o.kind === 'replace-version');

    expect(logged).toHaveLength(1);
    expect(logged[0]?.parameters).toMatchObject({
      budgetId: second.budgetId,
      replacedBudgetId: first.budgetId,
      lines: { added: 1, removed: 1, changedAmounts: 1, unchanged: 3 },
    });
    expect(logged[0]?.inputHash).toBe(first.preview.file.sha256);
    expect(logged[0]?.outputHash).toBe(second.preview.file.sha256);
  });

  it('keeps the reviews whose flag the corrected file still raises', async () => {
    const first = await account(2021);
    reviewFlagOn(first.budgetId, '6011', 'primes votées en DM');
    reviewFlagOn(first.budgetId, '6041', 'ligne supprimée ensuite');
    const second = await account(2021, CORRECTED);
    const reviewed = listFlags(store.db, second.budgetId).filter((f) => f.review !== null);

    expect(reviewed.map((f) => [f.code, f.review?.note])).toEqual([
      ['6011', 'primes votées en DM'],
    ]);
    expect(second.replaced?.reviews).toEqual({ kept: 1, dropped: 1 });
  });

  it('stores the same bytes a second time as the one budget already there', async () => {
    const first = await account(2021);
    const again = await account(2021);

    expect(again).toMatchObject({ budgetId: first.budgetId, duplicate: true });
    expect(store.db.prepare('SELECT count(*) FROM budget').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT count(*) FROM import').pluck().get()).toBe(1);
  });
});

describe('versions and years of one entity', () => {
  it('keeps the budget primitif and the compte administratif of a year side by side', async () => {
    const voted = await importBook({
      title: 'BUDGET PRIMITIF — Exercice 2021',
      lines: ACCOUNT,
      forecastOnly: true,
    });
    const executed = await account(2021);

    expect(voted.replaced).toBeUndefined();
    expect(executed.replaced).toBeUndefined();
    expect(listVersions(store.db, ENTITY).map((v) => [v.fiscalYear, v.version])).toEqual([
      [2021, 'compte-administratif'],
      [2021, 'primitif'],
    ]);
  });

  it('decides the version from the columns when the title does not say it', async () => {
    await importBook({ title: 'Exercice 2021', lines: ACCOUNT, forecastOnly: true });
    await importBook({ title: 'Exercice 2021', lines: ACCOUNT });

    const versions = listVersions(store.db, ENTITY).map((v) => v.version);
    expect(versions).toEqual(['compte-administratif', 'primitif']);
  });

  it('takes the version the user gives over the title', async () => {
    const given = await importBook(
      { title: 'BUDGET PRIMITIF — Exercice 2021', lines: ACCOUNT, forecastOnly: true },
      'revised',
    );

    expect(getBudget(store.db, given.budgetId)?.version).toBe('revised');
  });

  it('accumulates years for the same entity', async () => {
    await account(2021);
    await account(2022);
    await account(2023);

    expect(listVersions(store.db, ENTITY).map((v) => v.fiscalYear)).toEqual([2021, 2022, 2023]);
    expect(listBudgets(store.db)).toHaveLength(3);
  });
});
