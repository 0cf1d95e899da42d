import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLinesCsv } from '../src-main/report/csv-export';
import { exportBudget } from '../src-main/report/export-budget';
import { renderFiscalDataPackage } from '../src-main/report/fdp-export';
import { neutraliseFormula } from '../src-main/report/safe-text';
import { HOSTILE_BIDI, HOSTILE_FORMULA, smallReportInput } from './report-fixture';
import { expectGolden } from './report-golden';

const input = smallReportInput('fr');

describe('the CSV export', () => {
  const safe = renderLinesCsv(input, 'safe');
  const raw = renderLinesCsv(input, 'raw');

  it('matches its golden files exactly, safe and raw', () => {
    expectGolden('lines.csv', safe);
    expectGolden('lines-raw.csv', raw);
  });

  it('starts with a BOM so that spreadsheets read UTF-8 accents', () => {
    expect(safe.startsWith('\uFEFF')).toBe(true);
    expect(safe).toContain('DÉPENSES');
  });

  it('names its columns in the report’s language, the raw file keeping machine names', () => {
    expect(safe.split('\r\n')[0]).toContain('Code,Libellé,Sens,Section,Chap.,Niveau,');
    expect(safe.split('\r\n')[0]).toContain('Prévisions initiales,Prévisions définitives');
    const english = renderLinesCsv(smallReportInput('en'), 'safe').split('\r\n')[0];
    expect(english).toContain('Code,Label,Direction,Section,Chapter,Level,Original budget');
    expect(english).toContain('Actual');
    expect(raw.startsWith('\uFEFFline_id,sheet,row,kind,code,label,')).toBe(true);
  });

  it('neutralises a formula label with a leading apostrophe', () => {
    expect(safe).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    expect(safe).toContain("'-15 % de remise");
    expect(safe).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });

  it('leaves a negative amount a number: -1500 is written -1500', () => {
    const row = safe.split('\r\n').find((r) => r.includes('Entretien des bâtiments'))!;
    expect(row.split(',')).toContain('-1500');
    expect(row).not.toContain("'-1500");
  });

  it('reveals a right-to-left override in the safe file and keeps it in the raw one', () => {
    expect(safe).not.toContain('\u202E');
    expect(safe).toContain('⟨U+202E⟩');
    expect(raw).toContain(HOSTILE_BIDI);
    expect(raw).toContain(`"=HYPERLINK(""http://example.invalid"",""x"")"`);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-x', "'-x"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Taxe', 'Taxe'],
  ])('neutralises %j as %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

describe('the Fiscal Data Package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-clair-fdp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches its golden datapackage.json and CSV exactly', () => {
    const { descriptor, csv } = renderFiscalDataPackage(input);
    expectGolden('datapackage.json', descriptor);
    expectGolden('fdp-budget-lines.csv', csv);
  });

  it('describes measures with currency, phase and direction over its CSV columns', async () => {
    await exportBudget('fdp', input, dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    const csv = readFileSync(join(dir, 'budget-lines.csv'), 'utf8');
    const header = csv.split('\r\n')[0]!.split(',');
    expect(pkg.profile).toBe('fiscal-data-package');
    const measures = Object.values(pkg.model.measures) as Record<string, string>[];
    expect(measures).toHaveLength(6);
    for (const m of measures) {
      expect(m.currency).toBe('GNF');
      expect(['approved', 'adjusted', 'executed']).toContain(m.phase);
      expect(['revenue', 'expenditure']).toContain(m.direction);
      expect(header).toContain(m.source);
    }
    const fields = pkg.resources[0].schema.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(header);
    expect(csv).not.toContain(`,${HOSTILE_FORMULA}`);
  });
});
