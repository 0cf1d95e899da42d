import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { importFile, sha256Hex } from '../src-main/services/import-service';
import { openStore } from '../src-main/store/open-store';
import { editZip } from './fixtures/hostile/build-files';
import { SAMPLE_PATH } from './sample-facts';
import { seededRandom } from './seeded-random';
import { tempFolder } from './store-helpers';

// A facilitator closes the lid mid-import: the importing process dies without warning. Each
// iteration starts a process that imports copies of the sample one after another and kills it
// with SIGKILL at a random moment; the database must then be whole and hold whole imports only.
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 36);

/** What one whole import of the sample leaves in a store, to compare every survivor with. */
interface Fingerprint {
  lines: number;
  amounts: number;
  flags: number;
  totals: string;
}

function fingerprintOf(db: Database.Database, budgetId: number): Fingerprint {
  const count = (sql: string) => db.prepare(sql).pluck().get(budgetId) as number;
  const totals = db
    .prepare(
      `SELECT phase, sum(value_minor) AS total FROM amount JOIN line ON line.id = amount.line_id
       WHERE line.budget_id = ? GROUP BY phase ORDER BY phase`,
    )
    .all(budgetId);
  return {
    lines: count('SELECT count(*) FROM line WHERE budget_id = ?'),
    amounts: count(
      'SELECT count(*) FROM amount JOIN line ON line.id = amount.line_id WHERE budget_id = ?',
    ),
    flags: count('SELECT count(*) FROM flag WHERE budget_id = ?'),
    totals: JSON.stringify(totals),
  };
}

const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
const CHILD_SOURCE = `
import { readFileSync } from 'node:fs';
import { register } from ${JSON.stringify(TSX_API)};
register();
const { openStore } = await import(${JSON.stringify(pathToFileURL(fromRoot('src-main/store/open-store.ts')).href)});
const { importFile } = await import(${JSON.stringify(pathToFileURL(fromRoot('src-main/services/import-service.ts')).href)});
const [dbPath, ...files] = process.argv.slice(2);
const store = openStore(dbPath);
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const outcome = await importFile(store, { fileName: 'ca-2019.xlsx', bytes, options: {}, actor: 'crash' });
  if (!outcome.ok) process.exit(3);
  process.stdout.write('committed ' + outcome.preview.file.sha256 + '\\n');
}
store.close();
`;

interface ChildRun {
  confirmed: string[];
  /** Milliseconds from the start of the process to each confirmation. */
  confirmedAtMs: number[];
  killed: boolean;
}

/** Runs the importing process and kills it after `delayMs`; returns the imports it confirmed. */
function importUntilKilled(childPath: string, db: string, files: string[], delayMs: number) {
  return new Promise<ChildRun>((resolve, reject) => {
    const startedMs = Date.now();
    const confirmedAtMs: number[] = [];
    const child = spawn(process.execPath, [childPath, db, ...files], {
      env: { ...process.env, BUDGET_CLAIR_ROOT: fromRoot(), BUDGET_CLAIR_LOG: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      confirmedAtMs.push(Date.now() - startedMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      const confirmed = [...stdout.matchAll(/^committed ([0-9a-f]{64})$/gm)].map((m) => m[1]!);
      resolve({ confirmed, confirmedAtMs, killed: signal === 'SIGKILL' });
    });
  });
}

let folder: ReturnType<typeof tempFolder>;
let reference: Fingerprint;
const sample = new Uint8Array(readFileSync(SAMPLE_PATH));

/** The sample with one extra, unread zip part: the same budget under different bytes. */
function variant(n: number): Uint8Array {
  return editZip(sample, () => undefined, [{ name: `docProps/variant-${n}.xml`, data: `${n}` }]);
}

function writeVariant(n: number): { path: string; sha: string } {
  const bytes = variant(n);
  const path = join(folder.dir, `variant-${n}.xlsx`);
  writeFileSync(path, bytes);
  return { path, sha: sha256Hex(bytes) };
}

beforeAll(async () => {
  folder = tempFolder('budget-clair-crash-');
  const store = openStore(join(folder.dir, 'reference.sqlite'));
  const outcome = await importFile(store, { fileName: 'ca.xlsx', bytes: variant(0), options: {} });
  if (!outcome.ok) throw new Error('the sample variant did not import');
  reference = fingerprintOf(store.db, outcome.budgetId);
  store.close();
});
afterAll(() => folder.remove());

describe('an import killed at random moments', () => {
  it(`leaves a sound database holding whole imports only (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const childPath = join(folder.dir, 'import-child.mjs');
    writeFileSync(childPath, CHILD_SOURCE);
    const db = join(folder.dir, 'crash.sqlite');
    const confirmed = new Set<string>();
    let pending: { path: string; sha: string }[] = [];
    // One run to the end shows how long this machine takes, so the kills cover the whole import.
    const calibration = await importUntilKilled(
      childPath,
      join(folder.dir, 'calibration.sqlite'),
      [1, 2].map((n) => writeVariant(n).path),
      60_000,
    );
    const firstMs = calibration.confirmedAtMs[0] ?? 1000;
    const lastMs = calibration.confirmedAtMs.at(-1) ?? firstMs;
    const minDelayMs = Math.round(firstMs * 0.6);
    const maxDelayMs = Math.round(lastMs + 200);
    let nextVariant = 3;
    let kills = 0;
    let lost = 0;
    const partial = new Set<number>();
    let firstPartial: Fingerprint | null = null;

    for (let i = 0; i < ITERATIONS; i++) {
      // Files not confirmed yet are tried again: a half-written import must not block its retry.
      pending = pending.filter((file) => !confirmed.has(file.sha));
      while (pending.length < 4) pending.push(writeVariant(nextVariant++));
      const delayMs = minDelayMs + Math.floor(random() * (maxDelayMs - minDelayMs));
      const run = await importUntilKilled(
        childPath,
        db,
        pending.map((file) => file.path),
        delayMs,
      );
      if (run.killed) kills++;
      run.confirmed.forEach((sha) => confirmed.add(sha));

      const after = new Database(db);
      try {
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(after.pragma('foreign_key_check')).toEqual([]);
        const stored = after.prepare('SELECT sha256 FROM import').pluck().all() as string[];
        const budgets = after.prepare('SELECT id FROM budget').pluck().all() as number[];
        expect(budgets).toHaveLength(stored.length);
        for (const id of budgets) {
          const found = fingerprintOf(after, id);
          if (JSON.stringify(found) === JSON.stringify(reference)) continue;
          partial.add(id);
          firstPartial ??= found;
        }
        lost += [...confirmed].filter((sha) => !stored.includes(sha)).length;
      } finally {
        after.close();
      }
    }

    process.stderr.write(
      `crash test: seed ${SEED}, kills between ${minDelayMs} and ${maxDelayMs} ms, ` +
        `${ITERATIONS} iterations, ${kills} kills, ` +
        `${confirmed.size} imports confirmed, ${partial.size} partial, ${lost} lost\n`,
    );
    expect({ partial: partial.size, lost, firstPartial }).toEqual({
      partial: 0,
      lost: 0,
      firstPartial: null,
    });
    expect(kills).toBeGreaterThan(ITERATIONS / 2);
    expect(confirmed.size).toBeGreaterThan(0);
    openStore(db).close();
  }, 120_000);

  it('writes nothing when the analysis fails after the lines were stored', async () => {
    const store = openStore(join(folder.dir, 'analysis-fails.sqlite'));
    // A failing flag insert stands in for a crash between storing lines and storing flags.
    store.db.exec(`CREATE TEMP TRIGGER flag_fails BEFORE INSERT ON flag
      BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    const request = { fileName: 'ca.xlsx', bytes: variant(0), options: {} };

    await expect(importFile(store, request)).rejects.toThrow(/disk gone/);
    for (const table of ['import', 'budget', 'line', 'amount', 'flag', 'operation']) {
      expect(store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    store.close();
  });
});
