import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

const BIN = fromRoot('bin', 'budget-clair.mjs');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUDGET_CLAIR_LOG: 'error' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let folder: ReturnType<typeof tempFolder>;
let db: string;
beforeAll(() => {
  folder = tempFolder('budget-clair-cli-robust-');
  db = join(folder.dir, 'robust.sqlite');
  expect(cli('import', SAMPLE_PATH, '--db', db).code).toBe(0);
}, 60_000);
afterAll(() => folder.remove());

describe('the command line as a new user meets it', () => {
  it('ends quietly with 0 when the reader of its output stops early', () => {
    // head -c 0 closes the pipe before the command writes: every write then meets EPIPE.
    const script = `"${process.execPath}" "${BIN}" flags --db "${db}" | head -c 0; echo "status=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout.trim()).toBe('status=0');
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it.each(['--help', '-h'])('prints the usage of export alone for export %s, exit 0', (flag) => {
    const result = cli('export', flag);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Utilisation :\n {2}budget-clair export {2}--db CHEMIN/);
    expect(result.stdout).toContain('--format pdf|citizen|slides|html|xlsx|csv|csv-raw|fdp|arrow');
    expect(result.stdout).toContain('ÉTAPES :');
    expect(result.stdout).not.toContain('budget-clair import');
    expect(result.stderr).toBe('');
  });

  it('prints the usage of a command whatever else stands before the help flag', () => {
    const result = cli('import', 'budget.xlsx', '--db', db, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('budget-clair import FICHIER --db CHEMIN');
    expect(result.stdout).toContain('[--dry-run] [--json]');
    expect(result.stdout).not.toContain('budget-clair join');
  });

  it('says on an internal error that the detail is on stderr, and gives it there', () => {
    const result = cli('export', '--db', db, '--format', 'csv', '--out', '/dev/full');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENOSPC');
    expect(result.stderr).toContain('Le détail technique est écrit ci-dessus');
    expect(result.stderr).not.toContain('journal');
  });

  it('prints rates with one decimal, as the reports do, and says « Alertes »', () => {
    const result = cli('summary', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dépenses .* 76,0\u00a0%$/m);
    expect(result.stdout).toMatch(/^Alertes — erreur : \d+, attention : \d+, information : \d+$/m);
  });
});
