import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPublicSamples, noteIfAbsent, PUBLIC_SAMPLES } from './public-samples';
import { importFile } from '../src-main/services/import-service';
import { getBudget, listBudgets } from '../src-main/store/budgets-repo';
import { detectFlags } from '../src-shared/analysis/detect-flags';
import { readLines } from '../src-main/store/lines-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import type { BudgetLine, ImportPreview } from '../src-shared/model';
import { tempFolder } from './store-helpers';

// The public samples live beside the project, not in it; a clean clone has none.
const PUBLIC = PUBLIC_SAMPLES;
const present = hasPublicSamples;
noteIfAbsent('import-store-samples');

/** Sums by phase of the detail lines, in minor units. */
function previewTotals(preview: ImportPreview): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of preview.rows.filter((r) => r.kind === 'line')) {
    for (const a of row.amounts) sums[a.phase] = (sums[a.phase] ?? 0) + a.valueMinor;
  }
  return sums;
}

function storedTotals(lines: BudgetLine[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const line of lines.filter((l) => l.kind === 'line')) {
    for (const [phase, value] of Object.entries(line.amounts)) sums[phase] = (sums[phase] ?? 0) + value; // prettier-ignore
  }
  return sums;
}

const partsOf = (preview: ImportPreview) =>
  preview.rows.flatMap((r) => r.amounts).reduce((n, a) => n + (a.parts?.length ?? 0), 0);

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeAll(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'samples.sqlite'));
});
afterAll(() => {
  store?.close();
  folder?.remove();
});

// Line counts as the preview tests pin them; the templates are found by their headers.
const SAMPLES: [string, number, string | null][] = [
  ['mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx', 15, null],
  ['mg_collectivite_compte_administratif_modele_vide.xlsx', 320, null],
  ['ke_counties_budget_expenditure_absorption_FY2015-16.xlsx', 94, null],
  ['ke_counties_local_revenue_target_vs_actual_FY2016-17.csv', 47, null],
  ['cm_bip_regional_2011_prevu_seulement.csv', 5578, 'cm_bip_regional.json'],
  ['br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv', 127, 'br_rifaina_receitas.json'],
  ['cz_decin_fin212m_plneni_rozpoctu_2014.xlsx', 544, 'cz_decin_fin212m.json'],
  ['za_treasury_income_expenditure_sample_2015q4.csv', 8, 'za_treasury_income_expenditure.json'],
  ['us_oklahoma_city_FY2015_budget_detail.csv', 1084, 'us_oklahoma_city_budget.json'],
  ['us_oklahoma_city_FY2015_actuals.csv', 1720, 'us_oklahoma_city_actuals.json'],
];

describe.skipIf(!present)('every public sample imported into the store', () => {
  it.each(SAMPLES)(
    'stores %s with the lines and totals of its preview (%i lines)',
    async (name, expectedLines, template) => {
      const bytes = new Uint8Array(readFileSync(join(PUBLIC, name)));
      const outcome = await importFile(store, { fileName: name, bytes, options: {} });
      if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join('; '));
      const { preview } = outcome;
      const lines = readLines(store.db, outcome.budgetId);
      const matched = preview.issues.find((i) => i.code === 'template-matched');
      const storedParts = store.db
        .prepare(
          `SELECT count(*) FROM amount_part JOIN amount ON amount.id = amount_part.amount_id
           JOIN line ON line.id = amount.line_id WHERE line.budget_id = ?`,
        )
        .pluck()
        .get(outcome.budgetId);

      expect(lines.filter((l) => l.kind === 'line')).toHaveLength(expectedLines);
      expect(preview.rows.filter((r) => r.kind === 'line')).toHaveLength(expectedLines);
      expect(storedTotals(lines)).toEqual(previewTotals(preview));
      expect(storedParts).toBe(partsOf(preview));
      expect(matched === undefined ? null : template).toBe(template);
    },
    60_000,
  );

  it('reads back the key of each Oklahoma line, so no line of another fund or unit is a duplicate', () => {
    const id = listBudgets(store.db).find((b) => b.sourceFile.includes('budget_detail'))?.id;
    const lines = readLines(store.db, id ?? -1);
    expect(lines.filter((l) => l.keyValues !== undefined)).toHaveLength(lines.length);
    const budget = getBudget(store.db, id ?? -1);
    if (!budget) throw new Error('the Oklahoma budget was not stored');
    const flags = detectFlags(budget, lines);
    expect(flags.filter((f) => f.rule === 'duplicate-line')).toEqual([]);
  });

  it('keeps each sample as its own budget, none superseding another', () => {
    expect(listBudgets(store.db)).toHaveLength(SAMPLES.length);
    expect(store.db.prepare('SELECT count(*) FROM budget').pluck().get()).toBe(SAMPLES.length);
  });
});
