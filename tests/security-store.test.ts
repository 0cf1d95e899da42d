import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { createHandlers } from '../src-main/services/handlers';
import { importFile } from '../src-main/services/import-service';
import { openStore } from '../src-main/store/open-store';
import { StoreError } from '../src-main/store/store-error';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

// The store's promises (SECURITY.md): what is saved stays, a file from elsewhere is judged
// before it is used, and a refused file is left exactly as it came.
let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder('budget-clair-security-store-')));
afterEach(() => folder.remove());

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function refusalCode(path: string): string {
  try {
    openStore(path).close();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'opened';
}

describe('the store', () => {
  it('runs in WAL mode with synchronous FULL and foreign keys enforced', () => {
    const store = openStore(join(folder.dir, 'pragmas.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(() =>
      store.db.prepare('INSERT INTO budget_line_that_is_absent VALUES (1)').run(),
    ).toThrow();
    expect(() =>
      store.db
        .prepare(
          "INSERT INTO line (budget_id, sheet, row, kind, level, hidden) VALUES (999, 'S', 1, 'line', 0, 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('keeps its migrations forward only, one numbered file each', () => {
    const files = readdirSync(fromRoot('src-main/store/migrations')).sort();
    expect(files.length).toBeGreaterThan(0);
    files.forEach((file, i) => expect(file).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+\\.sql$`)));
    for (const file of files) {
      const sql = readFileSync(fromRoot('src-main/store/migrations', file), 'utf8');
      // The runner alone sets the version, after the file ran whole in its transaction.
      expect(sql).not.toMatch(/\buser_version\s*=/i);
    }
  }); // prettier-ignore

  it('refuses an SQLite file of another program without changing a byte of it', () => {
    const path = join(folder.dir, 'other-office.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY); INSERT INTO accounts VALUES (1);');
    other.close();
    const before = sha(path);

    expect(refusalCode(path)).toBe('store-foreign');
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database from a newer version without changing a byte of it', () => {
    const path = join(folder.dir, 'newer.sqlite');
    openStore(path).close();
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 99');
    db.close();
    const before = sha(path);

    expect(refusalCode(path)).toBe('store-newer');
    expect(sha(path)).toBe(before);
  });

  it('runs the integrity check on a database from elsewhere and refuses a damaged one', () => {
    const path = join(folder.dir, 'damaged.sqlite');
    const store = openStore(path);
    const insert = store.db.prepare("INSERT INTO entity (name) VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run(`Commune ${i} ${'x'.repeat(60)}`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const fd = openSync(path, 'r+');
    // The header of a b-tree page: what integrity_check walks, so the damage cannot hide.
    writeSync(fd, Buffer.alloc(200, 0xff), 0, 200, 4096 * 2);
    closeSync(fd);

    expect(refusalCode(path)).toBe('store-corrupt');
  }); // prettier-ignore
});

describe('one transaction per review', () => {
  it('saves nothing of a review whose log entry cannot be written', async () => {
    const store = openStore(join(folder.dir, 'review.sqlite'));
    const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
    const outcome = await importFile(store, { fileName: 'ca.xlsx', bytes, options: {} });
    if (!outcome.ok) throw new Error('the sample did not import');
    const handlers = createHandlers(store);
    const flagId = (await handlers['flags.list']({ budgetId: outcome.budgetId }))[0]?.id ?? 0;
    store.db.exec(`CREATE TEMP TRIGGER log_fails BEFORE INSERT ON operation
      BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);

    await expect(
      handlers['flags.review']({ flagId, status: 'explained', note: 'n', reviewer: 'T' }),
    ).rejects.toThrow(/disk gone/);
    expect(store.db.prepare('SELECT count(*) FROM review').pluck().get()).toBe(0);
    store.close();
  });
});
