import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPublicSamples, noteIfAbsent, PUBLIC_SAMPLES } from './public-samples';
import { readGrid } from '../src-main/import/read-grid';
import { interpretGrid, type InterpretOptions } from '../src-shared/import/interpret-grid';
import { joinPreviews } from '../src-shared/import/join-previews';
import type { ImportPreview } from '../src-shared/model';

const PUBLIC = PUBLIC_SAMPLES;
noteIfAbsent('import-samples');
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

/** Sum of the detail lines of one sheet and phase, in minor units; `where` narrows the lines. */
function total(
  preview: ImportPreview,
  sheet: string,
  phase: string,
  where: (r: ImportPreview['rows'][number]) => boolean = () => true,
): number {
  return preview.rows
    .filter((r) => r.sheet === sheet && r.kind === 'line' && where(r))
    .flatMap((r) => r.amounts.filter((a) => a.phase === phase))
    .reduce((sum, a) => sum + a.valueMinor, 0);
}

function lines(preview: ImportPreview, sheet?: string): number {
  return preview.rows.filter((r) => r.kind === 'line' && (!sheet || r.sheet === sheet)).length;
}

// The suites read the files while they are collected, so they are declared only where the
// files are.
function describePublicSamples(): void {
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
      ['RECETTE', 'change', 4_000_000],
      ['RECETTE', 'revised', 53_500_000],
      ['RECETTE', 'assessed', 51_780_000],
      ['RECETTE', 'collected', 49_900_000],
      ['DEPENSES', 'original', 49_500_000],
      ['DEPENSES', 'change', 3_350_000],
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

    it('counts both BUDGET ADDITIONNEL and MODIFICATIONS +/- as one change, keeping each cell', () => {
      const chapter70 = preview.rows.find((r) => r.sheet === 'RECETTE' && r.code === '70')!;
      expect(chapter70.amounts.find((a) => a.phase === 'change')).toMatchObject({
        valueMinor: 150_000,
        cell: 'G8',
        parts: [
          { cell: 'G8', valueMinor: 200_000 },
          { cell: 'H8', valueMinor: -50_000 },
        ],
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

    const sheet = preview.sheets[0]!.name;
    const inSection = (s: string) => (r: ImportPreview['rows'][number]) => r.section === s;

    it('reads the three-row header, the unit in millions and 47 counties in two sections', () => {
      expect(preview.sheets[0]?.headerRows).toEqual([1, 2, 3]);
      expect(preview.unitMultiplier).toBe(1_000_000);
      expect(preview.currency).toBe('KES');
      expect(lines(preview)).toBe(94);
    });

    // Column sums of the 47 county rows from a cell dump, in shillings × 100.
    it.each([
      ['operating', 'original', 20_882_174_000_000],
      ['investment', 'original', 15_861_744_000_000],
      ['operating', 'executed', 19_187_646_000_000],
      ['investment', 'executed', 10_342_122_000_000],
    ])('adds the %s %s figures without the Total column', (section, phase, expected) => {
      expect(total(preview, sheet, phase, inSection(section))).toBe(expected);
    });

    it('checks each Total column against Rec + Dev on its row', () => {
      const row7 = preview.issues.find((i) => i.code === 'section-total-mismatch' && i.row === 7);
      expect(row7?.column).toBe('G');
      expect(row7?.message).toMatch(
        /^Ligne 7, colonne .+ : le total .+ diffère .+ \(écart .+\)\.$/,
      );
    });

    it('reports where the stated Total row differs from its lines', () => {
      const executed = preview.reconciliations.find((r) => r.phase === 'executed')!;
      expect(executed.row).toBe(51);
      expect(executed.differenceMinor).not.toBe(0);
      const issue = preview.issues.find(
        (i) => i.code === 'total-mismatch' && i.row === 51 && i.message.includes('», exécuté :'),
      );
      expect(issue?.message).toMatch(
        /^Ligne 51 « Total », exécuté : le total indiqué .+\sKES diffère/,
      );
      expect(issue?.message).not.toMatch(/unités mineures|\d{4}/);
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

    it('reads the Oklahoma City actuals at transaction grain, one line per fund, unit and account', () => {
      const preview = importSample(
        'us_oklahoma_city_FY2015_actuals.csv',
        {},
        'us_oklahoma_city_actuals.json',
      );
      expect(lines(preview)).toBe(1720);
      expect(preview.currency).toBe('USD');
      expect(total(preview, preview.sheets[0]!.name, 'executed')).toBe(102_748_666_378);
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

  describe('the Brazilian revenue file', () => {
    const preview = importSample(
      'br_rifaina_receitas_previsao_vs_arrecadacao_2025.csv',
      {},
      'br_rifaina_receitas.json',
    );
    const sheet = preview.sheets[0]!.name;

    // The 127 rows with a Cod. Aplicação, added up from the raw CSV.
    it.each([
      ['original', 6_300_000_000],
      ['revised', 6_300_000_000],
      ['collected', 3_556_594_587],
    ])('adds %s to the grand total of the last row (%i centavos)', (phase, expected) => {
      expect(lines(preview)).toBe(127);
      expect(total(preview, sheet, phase)).toBe(expected);
      const grand = preview.reconciliations.find((r) => r.row === 245 && r.phase === phase);
      expect(grand).toMatchObject({ statedMinor: expected, differenceMinor: 0 });
    });

    it('nests dotted codes by their significant groups and checks the parents as subtotals', () => {
      const iptu = preview.rows.find((r) => r.code === '1112.50.0.1.00.00 110.000')!;
      expect(iptu).toMatchObject({ kind: 'line', parentCode: '1112.50.0.1.00.00' });
      expect(preview.rows.find((r) => r.row === 2)?.kind).toBe('subtotal');
    });

    it('says where a parent row does not add up', () => {
      const off = preview.issues.filter((i) => i.code === 'total-mismatch').map((i) => i.row);
      expect(new Set(off)).toEqual(new Set([83]));
    });
  });

  describe('the Czech budget execution report', () => {
    const preview = importSample(
      'cz_decin_fin212m_plneni_rozpoctu_2014.xlsx',
      {},
      'cz_decin_fin212m.json',
    );
    const sheet = 'R051_Fin';
    const side = (d: string) => (r: ImportPreview['rows'][number]) => r.direction === d;

    // Paragraf + Položka rows of sections I and II, summed from a cell dump, in haléř.
    it.each([
      ['revenue', 119, 61_124_610_000, 70_767_610_000, 161_381_178_898],
      ['expenditure', 425, 65_041_210_000, 82_484_110_000, 158_668_731_407],
    ])(
      'reads %s: %i lines that add up to CELKEM',
      (direction, count, planned, revised, executed) => {
        expect(preview.rows.filter((r) => r.kind === 'line' && side(direction)(r))).toHaveLength(
          count,
        );
        expect(total(preview, sheet, 'original', side(direction))).toBe(planned);
        expect(total(preview, sheet, 'revised', side(direction))).toBe(revised);
        expect(total(preview, sheet, 'executed', side(direction))).toBe(executed);
      },
    );

    it('closes every "Celkem za" and CELKEM row without a difference, pages and footers aside', () => {
      expect(preview.reconciliations.length).toBeGreaterThan(300);
      expect(preview.reconciliations.filter((r) => r.differenceMinor !== 0)).toEqual([]);
      expect(preview.sheets[0]?.rowCounts.header).toBe(26);
    });

    it('reports the sections the template leaves out', () => {
      expect(preview.issues.filter((i) => i.code === 'table-left-out')).toHaveLength(4);
    });
  });

  describe('the South African long-format file', () => {
    const preview = importSample(
      'za_treasury_income_expenditure_sample_2015q4.csv',
      {},
      'za_treasury_income_expenditure.json',
    );
    const sheet = preview.sheets[0]!.name;

    // Two municipalities and three years in one file: one budget is read, the others named.
    it('reads the latest year with both forecast and actual figures: Tshwane (TSH) 2015', () => {
      expect([preview.entity, preview.fiscalYear, lines(preview)]).toEqual(['TSH', 2015, 8]);
      expect(total(preview, sheet, 'executed')).toBe(4_835_716_800);
      expect(total(preview, sheet, 'original')).toBe(1_749_723_900);
      expect(total(preview, sheet, 'revised')).toBe(0);
    });

    it('counts the rows of the other budgets it leaves out and names them in a warning', () => {
      const left = preview.issues.find((i) => i.code === 'rows-left-out');
      expect(left?.message).toMatch(
        /^38 lignes .*BUF 2012 \(21 lignes\), BUF 2015 \(7 lignes\), TSH 2016/,
      );
      const warning = preview.issues.find((i) => i.code === 'several-budgets');
      expect(warning?.severity).toBe('warning');
      expect(warning?.message).toContain('« TSH 2015 »');
    });

    it('reports the indicative years it leaves out and the lines without a phase', () => {
      const left = preview.issues.filter((i) => i.code === 'long-phase-left-out');
      expect(left.map((i) => i.message).join(' ')).toMatch(/IBY1.*IBY2|IBY2.*IBY1/);
      expect(preview.issues.some((i) => i.code === 'long-phase-missing')).toBe(true);
    });

    it('does not guess revenue or expenditure from INCEXP codes, and says so', () => {
      expect(preview.rows.filter((r) => r.kind === 'line' && r.direction !== null)).toEqual([]);
      expect(preview.issues.find((i) => i.code === 'direction-unknown')?.severity).toBe('warning');
    });

    it('keeps only the entity and year asked for', () => {
      const buf2012 = importSample(
        'za_treasury_income_expenditure_sample_2015q4.csv',
        { entity: 'BUF', year: 2012 },
        'za_treasury_income_expenditure.json',
      );
      expect([buf2012.entity, buf2012.fiscalYear, lines(buf2012)]).toEqual(['BUF', 2012, 5]);
      expect(buf2012.rows.every((r) => r.keyValues?.['Demarcation Code'] === 'BUF')).toBe(true);
    });
  });

  describe('the Oklahoma City budget and actuals, joined', () => {
    const budget = importSample(
      'us_oklahoma_city_FY2015_budget_detail.csv',
      {},
      'us_oklahoma_city_budget.json',
    );
    const actuals = importSample(
      'us_oklahoma_city_FY2015_actuals.csv',
      {},
      'us_oklahoma_city_actuals.json',
    );

    it('sums the budget rows that share fund, unit and account', () => {
      expect(lines(budget)).toBe(1084);
      expect(total(budget, budget.sheets[0]!.name, 'original')).toBe(120_526_525_200);
    });

    // Distinct (fund, unit, account) keys of each file, compared in a throwaway script.
    it('reports matched, budget-only and actuals-only lines', () => {
      const joined = joinPreviews(budget, actuals, {
        key: [
          { budget: 'FundCode', actuals: 'Fund' },
          { budget: 'OperatingUnit', actuals: 'Oper Unit' },
          { budget: 'Account', actuals: 'Account' },
        ],
      });
      expect([joined.matched, joined.onlyInBudget, joined.onlyInActuals]).toEqual([789, 295, 931]);
      const sum = (phase: string) =>
        joined.preview.rows.flatMap((r) => r.amounts).filter((a) => a.phase === phase).reduce((n, a) => n + a.valueMinor, 0); // prettier-ignore
      expect(sum('original')).toBe(120_526_525_200);
      expect(sum('executed')).toBe(102_748_666_378);
    });
  });

  describe('the empty Malagasy template', () => {
    const preview = importSample('mg_collectivite_compte_administratif_modele_vide.xlsx');

    it('reads the empty model with every figure at zero and nothing to reconcile wrongly', () => {
      expect(preview.rows.flatMap((r) => r.amounts).every((a) => a.valueMinor === 0)).toBe(true);
      expect(preview.reconciliations.filter((r) => r.differenceMinor !== 0)).toEqual([]);
    });
  });
}

if (hasPublicSamples) describePublicSamples();
else describe.skip('the public samples (absent here)', () => it.skip('need the samples folder'));
