import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { APPLICATION_ID, loadMigrations } from '../src-main/store/migrate';
import { checkStore, openStore } from '../src-main/store/open-store';
import { StoreError } from '../src-main/store/store-error';
import { tempFolder } from './store-helpers';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.remove());

function refusal(path: string, options = {}): StoreError {
  try {
    openStore(path, options).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('the store opened');
}

describe('openStore', () => {
  it('creates every table of the latest schema on an empty database', () => {
    const store = openStore(join(folder.dir, 'new.sqlite'));
    const tables = store.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();

    expect(tables).toEqual(
      expect.arrayContaining(['entity', 'population', 'import', 'budget', 'line', 'amount']),
    );
    expect(tables).toEqual(expect.arrayContaining(['flag', 'review', 'operation']));
    expect(store.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    store.close();
  });

  it('sets WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const store = openStore(join(folder.dir, 'pragmas.sqlite'));

    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('opens its own database again without migrating or backing up', () => {
    const path = join(folder.dir, 'again.sqlite');
    openStore(path).close();
    openStore(path).close();

    expect(readdirSync(folder.dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a database written by a newer version, saying so', () => {
    const path = join(folder.dir, 'newer.sqlite');
    openStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();

    const error = refusal(path);
    expect(error.code).toBe('store-newer');
    expect(error.message).toMatch(/version plus récente de Budget Clair \(schéma 99/);
  });

  it('refuses a migration history it does not know', () => {
    const path = join(folder.dir, 'history.sqlite');
    openStore(path).close();
    const db = new Database(path);
    db.prepare("UPDATE schema_migration SET name = 'from-elsewhere' WHERE version = 1").run();
    db.close();

    expect(refusal(path).code).toBe('store-unknown-history');
  });

  it('refuses an SQLite file that is not one of ours', () => {
    const path = join(folder.dir, 'foreign.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY)');
    db.close();

    expect(refusal(path).code).toBe('store-foreign');
  });

  it('refuses a file that is not a database at all', () => {
    const path = join(folder.dir, 'notes.sqlite');
    writeFileSync(path, 'these are not the pages of a database '.repeat(200));

    expect(refusal(path).code).toBe('store-not-sqlite');
    expect(checkStore(path).ok).toBe(false);
  });

  it('backs up a non-empty database before applying a new migration', () => {
    const dir = join(folder.dir, 'migrations');
    mkdirSync(dir);
    copyFileSync(
      fromRoot('src-main/store/migrations/0001-initial.sql'),
      join(dir, '0001-initial.sql'),
    );
    const path = join(folder.dir, 'old.sqlite');
    const old = openStore(path, { migrationsDir: dir });
    old.db.prepare("INSERT INTO entity (name) VALUES ('Commune de Test')").run();
    old.close();

    writeFileSync(
      join(dir, '0002-entity-note.sql'),
      "ALTER TABLE entity ADD COLUMN note TEXT NOT NULL DEFAULT '';",
    );
    const store = openStore(path, { migrationsDir: dir });
    expect(store.db.pragma('user_version', { simple: true })).toBe(2);
    store.close();

    const backups = readdirSync(folder.dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(folder.dir, backups[0] ?? ''), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM entity').pluck().all()).toEqual(['Commune de Test']);
    backup.close();
  });

  it('will not migrate a database opened read only', () => {
    const dir = join(folder.dir, 'migrations');
    mkdirSync(dir);
    copyFileSync(
      fromRoot('src-main/store/migrations/0001-initial.sql'),
      join(dir, '0001-initial.sql'),
    );
    const path = join(folder.dir, 'ro.sqlite');
    openStore(path, { migrationsDir: dir }).close();
    writeFileSync(join(dir, '0002-nothing.sql'), 'SELECT 1;');

    expect(refusal(path, { readonly: true, migrationsDir: dir }).code).toBe(
      'store-outdated-readonly',
    );
  });
});

describe('checkStore', () => {
  it('passes a healthy database', () => {
    const path = join(folder.dir, 'healthy.sqlite');
    openStore(path).close();

    expect(checkStore(path)).toEqual({ ok: true });
  });

  it('reports a missing file', () => {
    expect(checkStore(join(folder.dir, 'absent.sqlite')).ok).toBe(false);
  });
});
