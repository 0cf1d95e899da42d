import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPublicSamples, noteIfAbsent, PUBLIC_SAMPLES } from './public-samples';
import { runCli } from '../src-main/cli/run-cli';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

const PUBLIC = PUBLIC_SAMPLES;
const present = hasPublicSamples;
noteIfAbsent('import-store-join');

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) }); // prettier-ignore
  return { code, stdout, stderr };
}

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => {
  folder = tempFolder('budget-clair-join-');
});
afterAll(() => folder.remove());

const KEY = 'FundCode=Fund,OperatingUnit=Oper Unit,Account=Account';

describe.skipIf(!present)('budget-clair join', () => {
  const files = [
    join(PUBLIC, 'us_oklahoma_city_FY2015_budget_detail.csv'),
    join(PUBLIC, 'us_oklahoma_city_FY2015_actuals.csv'),
  ];

  it('joins the Oklahoma City budget and actuals on fund, unit and account, and stores them', async () => {
    const db = join(folder.dir, 'okc.sqlite');
    const run = await cli('join', ...files, '--key', KEY, '--db', db, '--json');
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    const store = new Database(db, { readonly: true });
    const sums = store
      .prepare(
        `SELECT phase, sum(value_minor) AS total FROM amount
         WHERE phase IN ('original', 'executed') GROUP BY phase ORDER BY phase`,
      )
      .all();
    const lines = store.prepare("SELECT count(*) FROM line WHERE kind = 'line'").pluck().get();
    store.close();

    expect(run.code).toBe(0);
    expect(report.join).toEqual({ matched: 789, onlyInBudget: 295, onlyInActuals: 931 });
    expect(report).toMatchObject({ lines: 2015, currency: 'USD', version: 'compte-administratif' });
    expect(lines).toBe(2015);
    expect(sums).toEqual([
      { phase: 'executed', total: 102_748_666_378 },
      { phase: 'original', total: 120_526_525_200 },
    ]);
  }, 60_000);

  it('stores the same pair joined twice as one budget', async () => {
    const db = join(folder.dir, 'twice.sqlite');
    await cli('join', ...files, '--key', KEY, '--db', db, '--json');
    const again = JSON.parse((await cli('join', ...files, '--key', KEY, '--db', db, '--json')).stdout) as { duplicate: boolean }; // prettier-ignore

    expect(again.duplicate).toBe(true);
  }, 60_000);

  it('refuses a key that names no actuals column', async () => {
    const run = await cli(
      'join',
      ...files,
      '--key',
      'FundCode',
      '--db',
      join(folder.dir, 'k.sqlite'),
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--key attend/);
  });
});

describe('budget-clair import --version', () => {
  it('stores the version the user gives and prints it with the contract fields', async () => {
    const db = join(folder.dir, 'version.sqlite');
    const run = await cli('import', SAMPLE_PATH, '--db', db, '--version', 'revised', '--json');
    const report = JSON.parse(run.stdout) as Record<string, unknown>;

    expect(run.code).toBe(0);
    expect(report.version).toBe('revised');
    for (const field of ['budgetId', 'entity', 'year', 'currency', 'lines', 'totals', 'issues', 'rowCounts']) {
      expect(report).toHaveProperty(field);
    } // prettier-ignore
  }, 60_000);

  it('refuses a version it does not know', async () => {
    const run = await cli('import', SAMPLE_PATH, '--db', join(folder.dir, 'v.sqlite'), '--version', 'draft'); // prettier-ignore

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--version attend/);
  });
});
