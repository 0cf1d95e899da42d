import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGrid } from '../src-main/import/read-grid';
import { interpretGrid, type InterpretOptions } from '../src-shared/import/interpret-grid';
import type { ImportPreview } from '../src-shared/model';

const PUBLIC = join(__dirname, '..', '..', 'shared', 'samples', 'public');
const TEMPLATES = join(__dirname, '..', 'samples', 'templates');

function importSample(
  name: string,
  options: InterpretOptions = {},
  template?: string,
): ImportPreview {
  const bytes = new Uint8Array(readFileSync(join(PUBLIC, name)));
  const read = readGrid(bytes, name);
  if (!read.ok) throw new Error(read.issue.message);
  const mapping = template
    ? JSON.parse(readFileSync(join(TEMPLATES, template), 'utf8'))
    : undefined;
  return interpretGrid(
    read.grid,
    { name, sha256: 'test', sizeBytes: bytes.length },
    { ...options, mapping },
  );
}

/** Sum of the detail lines of one sheet and phase, in minor units. */
function total(preview: ImportPreview, sheet: string, phase: string): number {
  return preview.rows
    .filter((r) => r.sheet === sheet && r.kind === 'line')
    .flatMap((r) => r.amounts.filter((a) => a.phase === phase))
    .reduce((sum, a) => sum + a.valueMinor, 0);
}

function lines(preview: ImportPreview, sheet?: string): number {
  return preview.rows.filter((r) => r.kind === 'line' && (!sheet || r.sheet === sheet)).length;
}

describe('the Malagasy compte administratif with test figures', () => {
  const preview = importSample('mg_compte_administratif_COM-TEST_2024_donnees_test.xlsx');

  it('reads entity, year and currency from the title cells and labels', () => {
    expect(preview.entity).toBe('Commune Test (COM-TEST)');
    expect(preview.fiscalYear).toBe(2024);
    expect(preview.currency).toBe('MGA');
    expect(preview.currencyExponent).toBe(0);
  });

  it('uses RECETTE and DEPENSES and leaves the EQUILIBRE summary out', () => {
    const used = preview.sheets.filter((s) => s.used).map((s) => s.name);
    expect(used).toEqual(['RECETTE', 'DEPENSES']);
    expect(preview.sheets.find((s) => s.name === 'EQUILIBRE')?.reason).toMatch(/summary/);
  });

  // Expected figures added up by hand from a cell dump of the chapter rows (rows 8–74, 8–163).
  it.each([
    ['RECETTE', 'original', 49_500_000],
    ['RECETTE', 'revised', 53_500_000],
    ['RECETTE', 'assessed', 51_780_000],
    ['RECETTE', 'collected', 49_900_000],
    ['DEPENSES', 'original', 49_500_000],
    ['DEPENSES', 'revised', 52_850_000],
    ['DEPENSES', 'committed', 51_980_000],
    ['DEPENSES', 'ordered', 50_950_000],
    ['DEPENSES', 'paid', 49_700_000],
  ])('adds %s %s to %i ariary', (sheet, phase, expected) => {
    expect(total(preview, sheet, phase)).toBe(expected);
  });

  it('computes the revised forecasts that have no saved value instead of reading zero', () => {
    const chapter70 = preview.rows.find((r) => r.sheet === 'RECETTE' && r.code === '70')!;
    const revised = chapter70.amounts.find((a) => a.phase === 'revised');
    expect(revised).toEqual({
      phase: 'revised',
      valueMinor: 5_150_000,
      cell: 'I8',
      sourceText: '=F8+G8+H8',
    });
  });

  it('sets direction and section from the banners', () => {
    const loan = preview.rows.find((r) => r.sheet === 'DEPENSES' && r.code === '1611')!;
    expect([loan.direction, loan.section]).toEqual(['expenditure', 'investment']);
    expect(lines(preview, 'RECETTE')).toBe(7);
    expect(lines(preview, 'DEPENSES')).toBe(8);
  });
});

describe('the Kenyan counties workbook', () => {
  const preview = importSample('ke_counties_budget_expenditure_absorption_FY2015-16.xlsx');

  it('reads the three-row header, the unit in millions and 47 counties', () => {
    expect(preview.sheets[0]?.headerRows).toEqual([1, 2, 3]);
    expect(preview.unitMultiplier).toBe(1_000_000);
    expect(preview.currency).toBe('KES');
    expect(lines(preview)).toBe(47);
  });

  it('reports where the stated Total row differs from its lines', () => {
    const executed = preview.reconciliations.find((r) => r.phase === 'executed')!;
    expect(executed.row).toBe(51);
    expect(executed.differenceMinor).not.toBe(0);
    expect(preview.issues.some((i) => i.code === 'total-mismatch' && i.row === 51)).toBe(true);
  });
});

describe('the Kenyan local revenue CSV', () => {
  const preview = importSample('ke_counties_local_revenue_target_vs_actual_FY2016-17.csv');

  it('maps target and total collections and closes with the Total row', () => {
    expect(lines(preview)).toBe(47);
    const sheet = preview.sheets[0]!.name;
    const stated = preview.reconciliations.find((r) => r.phase === 'original')!;
    expect(stated.differenceMinor).toBe(0);
    expect(total(preview, sheet, 'original')).toBe(stated.statedMinor);
  });
});

describe('files that need a saved template', () => {
  it('reads the Cameroon investment budget with its template, flagging scientific notation', () => {
    const preview = importSample(
      'cm_bip_regional_2011_prevu_seulement.csv',
      {},
      'cm_bip_regional.json',
    );
    expect(lines(preview)).toBe(5578);
    expect(preview.issues.some((i) => i.code === 'damaged-number')).toBe(true);
  });

  it('reads the Oklahoma City actuals with their template', () => {
    const preview = importSample(
      'us_oklahoma_city_FY2015_actuals.csv',
      {},
      'us_oklahoma_city_actuals.json',
    );
    expect(lines(preview)).toBe(7301);
    expect(preview.currency).toBe('USD');
  });

  it('reads the Brazilian revenue file only with its template', () => {
    const without = importSample('br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv');
    expect(without.sheets[0]?.used).toBe(false);
    const preview = importSample(
      'br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv',
      {},
      'br_rifaina_receitas.json',
    );
    expect(preview.sheets[0]?.used).toBe(true);
    expect(preview.currency).toBe('BRL');
  });
});
