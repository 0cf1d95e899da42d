import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_MESSAGES } from '../src-main/cli/cli-messages';
import { fromRoot } from '../src-main/paths';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

const ENTITY = 'Commune de Ndébaya (fictive)';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [fromRoot('bin', 'budget-clair.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUDGET_CLAIR_LOG: 'error' },
    timeout: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the sample for one year. The note row changes so that each copy is a file of its
 * own; `changed` also triples the 612 line's execution (a jump) and recodes 613 as 6135.
 */
function sampleCopy(path: string, year: number, changed: boolean): string {
  const wb = XLSX.read(readFileSync(SAMPLE_PATH), { type: 'buffer', cellStyles: true });
  const sheet = wb.Sheets.DEPENSES as XLSX.WorkSheet;
  sheet.A4 = { t: 's', v: `DONNÉES FICTIVES — copie pour l'exercice ${year}` };
  if (changed) {
    sheet.F12 = { t: 'n', v: 3 * Number((sheet.F12 as XLSX.CellObject).v) };
    sheet.A13 = { t: 's', v: '6135' };
  }
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

let folder: ReturnType<typeof tempFolder>;
let db: string;
const ids: Record<number, number> = {};
beforeAll(() => {
  folder = tempFolder('budget-clair-cli-analysis-');
  db = join(folder.dir, 'years.sqlite');
  for (const year of [2017, 2018, 2019]) {
    const file = sampleCopy(join(folder.dir, `sample-${year}.xlsx`), year, year === 2018);
    const run = cli('import', file, '--db', db, '--year', String(year), '--json');
    expect(run.code).toBe(0);
    ids[year] = JSON.parse(run.stdout).budgetId;
  }
}, 120_000);
afterAll(() => folder.remove());

describe('budget-clair pefa', () => {
  it('grades PI-1 to PI-3 over the three stored years, with each year’s figure', () => {
    const run = cli('pefa', '--db', db, '--entity', ENTITY, '--json');
    const result = JSON.parse(run.stdout);
    const dimensions = result.indicators.flatMap((i: { dimensions: unknown[] }) => i.dimensions);

    expect(run.code).toBe(0);
    expect(result).toMatchObject({ entity: ENTITY, fiscalYears: [2017, 2018, 2019], graded: true });
    expect(result.indicators.map((i: { id: string }) => i.id)).toEqual(['PI-1', 'PI-2', 'PI-3']);
    expect(dimensions.map((d: { id: string }) => d.id)).toEqual([
      'PI-1',
      'PI-2.1',
      'PI-2.2',
      'PI-2.3',
      'PI-3.1',
      'PI-3.2',
    ]);
    for (const indicator of result.indicators) expect(indicator.grade).toMatch(/^[A-D]\+?$/);
    const pi1 = result.indicators[0].dimensions[0].years;
    expect(pi1.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2017, 2018, 2019]);
    expect(pi1[0].valuePercent).toBeCloseTo(pi1[2].valuePercent, 9);
  });

  it('gives the figures and no grade for an entity with a single year', () => {
    const single = join(folder.dir, 'single.sqlite');
    expect(cli('import', SAMPLE_PATH, '--db', single).code).toBe(0);
    const json = JSON.parse(cli('pefa', '--db', single, '--entity', ENTITY, '--json').stdout);
    const text = cli('pefa', '--db', single, '--entity', ENTITY).stdout;

    expect(json.graded).toBe(false);
    expect(json.indicators.every((i: { grade: string | null }) => i.grade === null)).toBe(true);
    expect(json.indicators[0].dimensions[0].years[0].valuePercent).toBeGreaterThan(0);
    expect(text).toContain('pas de note');
    expect(cli('pefa', '--db', single, '--entity', ENTITY, '--lang', 'en').stdout).toContain(
      'no grade',
    );
  });
});

describe('budget-clair compare', () => {
  it('matches two years by code and finds the new, gone and recoded lines and the jump', () => {
    const run = cli('compare', '--db', db, '--budget', String(ids[2017]), '--budget', String(ids[2018]), '--json'); // prettier-ignore
    const result = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(result.mode).toBe('years');
    expect(result.counts).toMatchObject({ appeared: 1, disappeared: 1, recoded: 1 });
    expect(result.counts.matched).toBe(42);
    expect(result.recoded[0]).toMatchObject({ from: { code: '613' }, to: { code: '6135' } });
    expect(result.flags.map((f: { code: string }) => f.code)).toContain('612');
  });

  it('refuses a comparison that does not name exactly two budgets', () => {
    const run = cli('compare', '--db', db, '--budget', String(ids[2017]));

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deux budgets/);
  });
});

const MAGIC: [string, (path: string) => boolean][] = [
  ['pdf', (p) => readFileSync(p).subarray(0, 5).toString() === '%PDF-'],
  ['citizen', (p) => readFileSync(p).subarray(0, 5).toString() === '%PDF-'],
  ['slides', (p) => readFileSync(p).subarray(0, 5).toString() === '%PDF-'],
  ['html', (p) => readFileSync(p, 'utf8').startsWith('<!DOCTYPE html>')],
  ['xlsx', (p) => readFileSync(p).subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))],
  ['csv', (p) => readFileSync(p, 'utf8').split('\n').length > 40],
  ['csv-raw', (p) => readFileSync(p, 'utf8').split('\n').length > 40],
  ['arrow', (p) => readFileSync(p).subarray(0, 6).toString() === 'ARROW1'],
  ['fdp', (p) => Array.isArray(JSON.parse(readFileSync(join(p, 'datapackage.json'), 'utf8')).resources)], // prettier-ignore
];

describe('budget-clair export', () => {
  it.each(MAGIC)('writes a %s export of the right kind', (format, isRightKind) => {
    const out = join(folder.dir, `export.${format}`);
    const run = cli('export', '--db', db, '--budget', String(ids[2019]), '--format', format, '--out', out); // prettier-ignore

    expect(run.code).toBe(0);
    expect(statSync(out).isDirectory() || statSync(out).size > 0).toBe(true);
    expect(isRightKind(out)).toBe(true);
    expect(run.stderr).toContain('prévu = prévisions définitives');
  });

  it('puts the PEFA grades of the entity’s years in the report', () => {
    const out = join(folder.dir, 'pefa-report.html');
    expect(cli('export', '--db', db, '--format', 'html', '--out', out).code).toBe(0);

    expect(readFileSync(out, 'utf8')).toContain('PI-2.1');
  });

  it('refuses a format it does not know, with the list of those it knows', () => {
    const run = cli('export', '--db', db, '--format', 'docx', '--out', join(folder.dir, 'x'));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('csv-raw');
  });
});

describe('the command line catalogue', () => {
  it('has the same keys in French and English, none of them empty', () => {
    const { fr, en } = CLI_MESSAGES;

    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.values({ ...fr, ...en }).every((text) => text.trim() !== '')).toBe(true);
  });
});
