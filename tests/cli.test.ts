import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../src-shared/format/amount';
import { fromRoot } from '../src-main/paths';
import { SAMPLE_PATH, sampleGrandTotal, sampleRowOf } from './sample-facts';
import { tempFolder } from './store-helpers';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [fromRoot('bin', 'budget-clair.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUDGET_CLAIR_LOG: 'error' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function count(dbPath: string, table: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

let folder: ReturnType<typeof tempFolder>;
let db: string;
let imported: ReturnType<typeof cli>;
beforeAll(() => {
  folder = tempFolder('budget-clair-cli-');
  db = join(folder.dir, 'cli.sqlite');
  imported = cli('import', SAMPLE_PATH, '--db', db, '--json');
});
afterAll(() => folder.remove());

describe('budget-clair import', () => {
  it('imports the bundled sample and reproduces its own TOTAL GÉNÉRAL rows', () => {
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout);
    const [rOriginal, rRevised, rAssessed, rCollected] = sampleGrandTotal('RECETTES');
    const [dOriginal, dRevised, dCommitted, dOrdered, dPaid] = sampleGrandTotal('DEPENSES');

    expect(result).toMatchObject({ entity: 'Commune de Ndébaya (fictive)', year: 2019 });
    expect(result.currency).toBe('GNF');
    expect(result.totals).toEqual({
      revenue: {
        planned: rOriginal,
        revised: rRevised,
        executed: rAssessed,
        committed: null,
        paid: null,
        collected: rCollected,
      },
      expenditure: {
        planned: dOriginal,
        revised: dRevised,
        executed: dOrdered,
        committed: dCommitted,
        paid: dPaid,
        collected: null,
      },
    });
  });

  it('counts only detail lines, not headings, subtotals or totals', () => {
    const result = JSON.parse(imported.stdout);

    expect(result.lines).toBe(43);
    expect(result.rowCounts.line).toBe(43);
    expect(result.rowCounts.subtotal + result.rowCounts.total).toBeGreaterThanOrEqual(18);
  });

  it('recognises the same file imported twice and keeps one budget', () => {
    const again = cli('import', SAMPLE_PATH, '--db', db, '--json');
    const first = JSON.parse(imported.stdout);
    const second = JSON.parse(again.stdout);

    expect(again.code).toBe(0);
    expect(second).toMatchObject({ budgetId: first.budgetId, duplicate: true });
    expect(count(db, 'budget')).toBe(1);
    expect(count(db, 'import')).toBe(1);
  });

  it('exits 2 and writes nothing for a file that cannot be imported', () => {
    const bad = join(folder.dir, 'not-a-workbook.xlsx');
    writeFileSync(bad, 'this is a text file, not a spreadsheet\n'.repeat(20));
    const badDb = join(folder.dir, 'refused.sqlite');
    const run = cli('import', bad, '--db', badDb, '--json');

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).issues[0].severity).toBe('error');
    if (existsSync(badDb)) {
      expect(count(badDb, 'import')).toBe(0);
      expect(count(badDb, 'budget')).toBe(0);
    }
  });

  it('exits 2 with the usage on a command line it does not understand', () => {
    const run = cli('import', SAMPLE_PATH, '--db', db, '--direction', 'sideways');

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Utilisation/);
  });
});

describe('budget-clair flags', () => {
  it('reports exactly the anomalies planted in the sample', () => {
    const run = cli('flags', '--db', db, '--json');
    const { flags } = JSON.parse(run.stdout) as {
      flags: { rule: string; sheet: string | null; row: number | null; severity: string }[];
    };
    // The digit tests only say that a commune's few lines are too few for a verdict.
    const digitTests = flags.filter((f) => f.rule.startsWith('benford'));
    const found = flags
      .filter((f) => !f.rule.startsWith('benford'))
      .map((f) => `${f.rule} ${f.sheet} ${f.row}`)
      .sort();
    const planted = [
      ['over-execution', 'DEPENSES', '622'],
      ['over-execution', 'DEPENSES', '6281'],
      ['unbudgeted-execution', 'RECETTES', '7081'],
      ['unbudgeted-execution', 'DEPENSES', '6285'],
      ['zero-execution', 'DEPENSES', '2132'],
      ['revenue-shortfall', 'RECETTES', '132'],
      ['subtotal-mismatch', 'DEPENSES', 'Sous-total chapitre 61'],
    ].map(([rule, sheet, text]) => `${rule} ${sheet} ${sampleRowOf(sheet ?? '', text ?? '')}`);

    expect(run.code).toBe(0);
    expect(found).toEqual(planted.sort());
    expect(digitTests.every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('budget-clair summary', () => {
  it('prints rates by section and chapter as JSON', () => {
    const run = cli('summary', '--db', db, '--json');
    const summary = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(summary.bySection).toHaveLength(4);
    expect(summary.byChapter.length).toBeGreaterThanOrEqual(12);
    expect(summary.bySection.every((s: { ratePercent: number }) => s.ratePercent > 0)).toBe(true);
  });

  it('speaks French with amounts in French format by default', () => {
    const run = cli('summary', '--db', db);
    const revised = sampleGrandTotal('RECETTES')[1] ?? 0;

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Par chapitre');
    expect(run.stdout).toContain(formatAmount(revised, 'GNF', 0, 'fr'));
  });

  it('exits 2 with a clear message when the database has no budget', () => {
    const empty = join(folder.dir, 'empty.sqlite');
    const bad = join(folder.dir, 'empty-table.csv');
    writeFileSync(bad, 'Code;Libellé\n');
    expect(cli('import', bad, '--db', empty).code).toBe(2);
    const run = cli('summary', '--db', empty);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/aucun budget/);
  });
});

describe('budget-clair export', () => {
  it('writes an HTML report that names the commune and the year', () => {
    const out = join(folder.dir, 'rapport.html');
    const run = cli('export', '--db', db, '--format', 'html', '--out', out);

    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
