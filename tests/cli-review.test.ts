import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { SAMPLE_PATH, sampleGrandTotal } from './sample-facts';
import { tempFolder } from './store-helpers';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [fromRoot('bin', 'budget-clair.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUDGET_CLAIR_LOG: 'error' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (...args: string[]) => JSON.parse(cli(...args, '--json').stdout);

let folder: ReturnType<typeof tempFolder>;
let db: string;
beforeAll(() => {
  folder = tempFolder('budget-clair-cli-review-');
  db = join(folder.dir, 'review.sqlite');
  expect(cli('import', SAMPLE_PATH, '--db', db).code).toBe(0);
}, 60_000);
afterAll(() => folder.remove());

describe('budget-clair review and log', () => {
  it('stores a review that flags --json then shows, and logs it', () => {
    const flag = json('flags', '--db', db).flags.find(
      (f: { rule: string }) => f.rule === 'over-execution',
    );
    const run = cli('review', '--db', db, '--flag', String(flag.id), '--status', 'explained', '--note', 'Avenant au marché', '--reviewer', 'A. Camara'); // prettier-ignore
    const after = json('flags', '--db', db).flags.find((f: { id: number }) => f.id === flag.id);
    const log = json('log', '--db', db).operations;

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('expliqué par A. Camara');
    expect(after.review).toMatchObject({ status: 'explained', note: 'Avenant au marché', reviewer: 'A. Camara' }); // prettier-ignore
    expect(log.at(-1)).toMatchObject({ actor: 'cli', kind: 'review', parameters: { flagId: flag.id } }); // prettier-ignore
  });

  it('refuses a review of a flag that does not exist, and one with an unknown status', () => {
    const missing = cli('review', '--db', db, '--flag', '99999', '--status', 'confirmed', '--note', 'x', '--reviewer', 'y'); // prettier-ignore
    const status = cli('review', '--db', db, '--flag', '1', '--status', 'maybe', '--note', 'x', '--reviewer', 'y'); // prettier-ignore

    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/pas de signalement n° 99999/);
    expect(status.code).toBe(2);
  });

  it('prints the operations log as a table, the import first', () => {
    const run = cli('log', '--db', db);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/\bimport\b/);
  });
});

describe('basis and executed stage', () => {
  it('judges against the original forecast on request and says so', () => {
    const summary = json('summary', '--db', db, '--basis', 'original');
    const text = cli('summary', '--db', db, '--basis', 'original').stdout;
    const [original] = sampleGrandTotal('DEPENSES');

    expect(summary.basis).toBe('original');
    expect(summary.byDirection.find((g: { direction: string }) => g.direction === 'expenditure').basis).toBe(original); // prettier-ignore
    expect(text).toContain('Prévu = prévisions initiales ; exécuté : recettes = émis, dépenses = mandaté'); // prettier-ignore
  });

  it('stores a new executed stage for the budget, computes the flags again and logs both', () => {
    const [, , , , paid] = sampleGrandTotal('DEPENSES');
    const run = cli('summary', '--db', db, '--stage', 'expenditure=paid', '--json');
    const summary = JSON.parse(run.stdout);
    const text = cli('flags', '--db', db, '--lang', 'en').stdout;
    const kinds = json('log', '--db', db).operations.map((o: { kind: string }) => o.kind);

    expect(summary.executedStage).toEqual({ revenue: 'assessed', expenditure: 'paid' });
    expect(summary.totals.expenditure.executed).toBe(paid);
    expect(text).toContain('executed: revenue = assessed, expenditure = paid');
    expect(kinds.slice(-2)).toEqual(['executed-stage', 'analyse']);
  });

  it('refuses a stage that is not one of its side', () => {
    const run = cli('flags', '--db', db, '--stage', 'revenue=paid');

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--stage attend/);
  });
});
