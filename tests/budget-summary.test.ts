import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesPerSheet, SHEETS } from '../bench/generate-budget';
import { writeXlsx } from '../bench/write-xlsx';
import { fromRoot } from '../src-main/paths';
import { changeExecutedStage } from '../src-main/services/analyse';
import { SUMMARY_FORMAT } from '../src-main/services/budget-summary';
import { createHandlers } from '../src-main/services/handlers';
import { importFile } from '../src-main/services/import-service';
import { saveRuleSettings } from '../src-main/services/rule-settings';
import { getBudget } from '../src-main/store/budgets-repo';
import { listFlags } from '../src-main/store/flags-repo';
import { readLines } from '../src-main/store/lines-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import type { Basis } from '../src-shared/analysis/figures';
import { summarise } from '../src-shared/analysis/summarise';
import type { BudgetVersion } from '../src-shared/model';
import { communeWorkbook, type FixtureLine } from './import-store-fixture';
import { hasPublicSamples, noteIfAbsent, publicSample } from './public-samples';
import { tempFolder } from './store-helpers';

noteIfAbsent('budget-summary');

const BASES: Basis[] = ['revised', 'original'];
const BUNDLED = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');
const PUBLIC = [
  'mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx',
  'mg_collectivite_compte_administratif_modele_vide.xlsx',
  'ke_counties_budget_expenditure_absorption_FY2015-16.xlsx',
  'ke_counties_local_revenue_target_vs_actual_FY2016-17.csv',
  'cm_bip_regional_2011_prevu_seulement.csv',
  'br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv',
  'cz_decin_fin212m_plneni_rozpoctu_2014.xlsx',
  'za_treasury_income_expenditure_sample_2015q4.csv',
  'us_oklahoma_city_FY2015_budget_detail.csv',
  'us_oklahoma_city_FY2015_actuals.csv',
];

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeAll(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'summary.sqlite'));
});
afterAll(() => {
  store?.close();
  folder?.remove();
});

/** What budgets.summary answered before summaries were kept: every line and flag read back. */
function summaryFromLines(budgetId: number, basis: Basis) {
  const budget = getBudget(store.db, budgetId);
  if (!budget) throw new Error(`no budget ${budgetId}`);
  return summarise(budget, readLines(store.db, budgetId), {
    basis,
    flags: listFlags(store.db, budgetId),
  });
}

const summaryCall = (budgetId: number, basis: Basis) =>
  createHandlers(store)['budgets.summary']({ budgetId, basis });

const keptBases = (budgetId: number) =>
  store.db
    .prepare('SELECT basis FROM budget_summary WHERE budget_id = ? ORDER BY basis')
    .pluck()
    .all(budgetId);

async function importBytes(fileName: string, bytes: Uint8Array, version?: BudgetVersion) {
  const outcome = await importFile(store, {
    fileName,
    bytes,
    options: { currency: 'EUR' },
    ...(version ? { version } : {}),
  });
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join('; '));
  return outcome.budgetId;
}

async function expectSameAsFromLines(budgetId: number) {
  for (const basis of BASES) {
    expect(await summaryCall(budgetId, basis)).toEqual(summaryFromLines(budgetId, basis));
  }
}

describe('the kept summary of a budget', () => {
  let bundled: number;
  beforeAll(async () => {
    bundled = await importBytes('bundled.xlsx', new Uint8Array(readFileSync(BUNDLED)));
  });

  it('is kept on both bases when the budget is imported', () => {
    expect(keptBases(bundled)).toEqual(['original', 'revised']);
  });

  it('answers for the bundled sample what summarise gives over every line and flag', async () => {
    await expectSameAsFromLines(bundled);
  });

  it('answers the same for a generated 10 000-line budget', async () => {
    const file = join(folder.dir, 'generated-10000.xlsx');
    const counts = linesPerSheet(10_000);
    writeXlsx(
      file,
      SHEETS.map((spec, i) => ({ spec, lineCount: counts[i]!, seed: 1000 + i })),
    );
    const id = await importBytes('generated-10000.xlsx', new Uint8Array(readFileSync(file)));

    expect(getBudget(store.db, id)?.lineCount).toBe(10_000);
    await expectSameAsFromLines(id);
  }, 120_000);

  it('counts the flags of a new analysis with other settings', async () => {
    const before = await summaryCall(bundled, 'revised');
    saveRuleSettings(store, { lowExecutionPercent: 95, overExecutionTolerancePercent: 50 }, 'test');

    const after = await summaryCall(bundled, 'revised');
    expect(after.flagCounts).not.toEqual(before.flagCounts);
    await expectSameAsFromLines(bundled);
    saveRuleSettings(store, {}, 'test');
  });

  it('stays true after a review', async () => {
    const flag = listFlags(store.db, bundled)[0];
    if (flag?.id === undefined) throw new Error('the bundled sample raises no flag');
    await createHandlers(store)['flags.review']({
      flagId: flag.id,
      status: 'explained',
      note: 'voté en fin d’exercice',
      reviewer: 'A. Camara',
    });

    await expectSameAsFromLines(bundled);
  });

  it('follows a change of the stage that counts as executed', async () => {
    const budget = getBudget(store.db, bundled)!;
    const before = await summaryCall(bundled, 'revised');
    changeExecutedStage(store, bundled, { ...budget.executedStage, expenditure: 'committed' });

    expect(await summaryCall(bundled, 'revised')).not.toEqual(before);
    await expectSameAsFromLines(bundled);
    changeExecutedStage(store, bundled, budget.executedStage);
    expect(await summaryCall(bundled, 'revised')).toEqual(before);
  });

  it('follows a population given to the budget', async () => {
    await createHandlers(store)['population.set']({ budgetId: bundled, count: 12_345 });

    const summary = await summaryCall(bundled, 'revised');
    expect(summary.budget.population).toBe(12_345);
    expect(summary.byDirection[0]?.executedPerResidentMinor).not.toBeNull();
    await expectSameAsFromLines(bundled);
  });

  it('is dropped when a stored amount or line changes, and computed again from the lines', async () => {
    const line = store.db
      .prepare("SELECT id FROM line WHERE budget_id = ? AND kind = 'line' LIMIT 1")
      .pluck()
      .get(bundled) as number;
    store.db.prepare('UPDATE amount SET value_minor = value_minor + 100 WHERE line_id = ?').run(line); // prettier-ignore
    expect(keptBases(bundled)).toEqual([]);
    await expectSameAsFromLines(bundled);
    expect(keptBases(bundled)).toEqual(['original', 'revised']);

    store.db.prepare("UPDATE line SET label = 'Renommée' WHERE id = ?").run(line);
    expect(keptBases(bundled)).toEqual([]);
    await expectSameAsFromLines(bundled);
  });

  it('is computed again when it was kept in another format', async () => {
    store.db.prepare('UPDATE budget_summary SET format = ?, summary_json = ?').run(SUMMARY_FORMAT - 1, '{}'); // prettier-ignore

    await expectSameAsFromLines(bundled);
  });

  it('keeps each version of a corrected file apart', async () => {
    const lines: FixtureLine[] = [
      ['6011', 'Salaires', 1000, 1200],
      ['7011', 'Impôts locaux', 2000, 1800],
    ];
    const corrected: FixtureLine[] = [lines[0]!, ['7011', 'Impôts locaux', 2000, 1900]];
    const title = 'COMPTE ADMINISTRATIF — Exercice 2022';
    const first = await importBytes('v1.xlsx', communeWorkbook({ title, lines }));
    const second = await importBytes('v2.xlsx', communeWorkbook({ title, lines: corrected }));

    await expectSameAsFromLines(first);
    await expectSameAsFromLines(second);
    expect((await summaryCall(second, 'revised')).totals).not.toEqual(
      (await summaryCall(first, 'revised')).totals,
    );
  });

  it('is read without being written from a store opened read-only', async () => {
    store.db.prepare('DELETE FROM budget_summary WHERE budget_id = ?').run(bundled);
    const readonly = openStore(store.path, { readonly: true });
    try {
      const handlers = createHandlers(readonly);
      expect(await handlers['budgets.summary']({ budgetId: bundled })).toEqual(
        summaryFromLines(bundled, 'revised'),
      );
    } finally {
      readonly.close();
    }
    expect(keptBases(bundled)).toEqual([]);
  });
});

describe.skipIf(!hasPublicSamples)('the kept summary of every public sample', () => {
  it.each(PUBLIC)(
    'answers for %s what summarise gives over every line and flag',
    async (name) => {
      const id = await importBytes(name, new Uint8Array(readFileSync(publicSample(name))));

      expect(keptBases(id)).toEqual(['original', 'revised']);
      await expectSameAsFromLines(id);
    },
    60_000,
  );
});
