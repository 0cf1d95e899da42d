import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src-shared/grid';
import { fromRoot } from '../paths';
import { readGrid } from './read-grid';

const SAMPLES = fromRoot('..', 'shared', 'samples', 'public');

function read(name: string): Grid {
  const result = readGrid(readFileSync(`${SAMPLES}/${name}`), name);
  if (!result.ok) throw new Error(result.issue.message);
  return result.grid;
}

const cells = (grid: Grid) => grid.sheets.flatMap((sheet) => sheet.rows.flat());

// The public samples sit beside the project, not inside it; a clean clone has none.
describe.skipIf(!existsSync(SAMPLES))('the public samples', () => {
  it.each([
    [
      'mg_collectivite_compte_administratif_modele_vide.xlsx',
      'xlsx',
      null,
      ['RECETTE', 'DEPENSES', 'EQUILIBRE'],
    ],
    [
      'mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx',
      'xlsx',
      null,
      ['RECETTE', 'DEPENSES', 'EQUILIBRE'],
    ],
    ['cz_decin_fin212m_plneni_rozpoctu_2014.xlsx', 'xlsx', null, ['R051_Fin']],
    [
      'ke_counties_budget_expenditure_absorption_FY2015-16.xlsx',
      'xlsx',
      null,
      ['County Budget Allocation, Expenditure and Absorption Rate FY2015-2016'],
    ],
    [
      'ke_counties_local_revenue_target_vs_actual_FY2016-17.csv',
      'csv',
      'utf-8',
      ['ke_counties_local_revenue_target_vs_actual_FY2016-17'],
    ],
    [
      'br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv',
      'csv',
      'windows-1252',
      ['br_rifaina_receitas_previsao_vs_arrecadacao_2025'],
    ],
    [
      'cm_bip_regional_2011_prevu_seulement.csv',
      'csv',
      'macintosh',
      ['cm_bip_regional_2011_prevu_seulement'],
    ],
    [
      'za_treasury_income_expenditure_sample_2015q4.csv',
      'csv',
      'utf-8',
      ['za_treasury_income_expenditure_sample_2015q4'],
    ],
    [
      'us_oklahoma_city_FY2015_budget_detail.csv',
      'csv',
      'utf-8',
      ['us_oklahoma_city_FY2015_budget_detail'],
    ],
    ['us_oklahoma_city_FY2015_actuals.csv', 'csv', 'utf-8', ['us_oklahoma_city_FY2015_actuals']],
  ])('reads %s as %s in %s with its sheets', (name, format, encoding, sheets) => {
    const grid = read(name);
    expect([grid.format, grid.encoding, grid.sheets.map((sheet) => sheet.name)]).toEqual([
      format,
      encoding,
      sheets,
    ]);
  });

  it.each([
    ['mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx', [162, 278, 38]],
    ['mg_collectivite_compte_administratif_modele_vide.xlsx', [182, 289, 35]],
    ['cz_decin_fin212m_plneni_rozpoctu_2014.xlsx', [1335]],
    ['ke_counties_budget_expenditure_absorption_FY2015-16.xlsx', [51]],
    ['br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv', [245]],
    ['cm_bip_regional_2011_prevu_seulement.csv', [5579]],
    ['za_treasury_income_expenditure_sample_2015q4.csv', [67]],
  ])('finds every row of %s', (name, counts) => {
    expect(read(name).sheets.map((sheet) => sheet.rows.length)).toEqual(counts);
  });

  it('keeps the 67 formulas of the Malagasy test file that have no saved value, none as 0', () => {
    const missing = cells(read('mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx')).filter(
      (cell) => cell?.formulaWithoutValue,
    );
    expect(missing).toHaveLength(67);
    expect(missing.every((cell) => cell?.value === null && cell.formula)).toBe(true);
  });

  it('reads the cached #DIV/0! rates of the Malagasy template as errors', () => {
    const errors = cells(read('mg_collectivite_compte_administratif_modele_vide.xlsx')).filter(
      (cell) => cell?.type === 'error',
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((cell) => cell?.value))).toEqual(new Set(['#DIV/0!']));
  });

  it('reads the one stray byte of the Kenya CSV as a curly apostrophe and says so', () => {
    const grid = read('ke_counties_local_revenue_target_vs_actual_FY2016-17.csv');
    expect(cells(grid).some((cell) => cell?.text === 'Murang’a')).toBe(true);
    expect(grid.notes.filter((note) => note.code === 'stray-bytes')).toHaveLength(1);
  });

  it('reads the Cameroon file, Mac Roman with bare CR line ends, with its garbled words repaired', () => {
    const grid = read('cm_bip_regional_2011_prevu_seulement.csv');
    const text = cells(grid)
      .map((cell) => cell?.text ?? '')
      .join('\n');
    expect(text).toContain('Ressources transférés');
    expect(text).not.toMatch(/Ã©/);
    expect(grid.delimiter).toBe(',');
  });

  it('reads the Brazilian file as Windows-1252 split by semicolons', () => {
    const grid = read('br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv');
    expect(grid.delimiter).toBe(';');
    expect(grid.sheets[0]!.rows[0]!.slice(0, 2).map((cell) => cell?.text)).toEqual([
      'Código',
      'Especificação',
    ]);
  });

  it('keeps the 4 483 merged ranges of the Czech report', () => {
    expect(read('cz_decin_fin212m_plneni_rozpoctu_2014.xlsx').sheets[0]!.merges).toHaveLength(4483);
  });
});
