import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { fromRoot } from '../paths';
import { StoreError } from './store-error';

/** Marks a file as ours: 'BCLR' as a 32-bit integer, read back by `PRAGMA application_id`. */
export const APPLICATION_ID = 0x42434c52;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** The migration files, in order; versions must run 1, 2, 3… with no gap. */
export function loadMigrations(dir = fromRoot('src-main', 'store', 'migrations')): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const sha256 = createHash('sha256').update(sql).digest('hex');
      return { version: Number(match?.[1]), name: match?.[2] ?? '', sql, sha256 };
    })
    .sort((a, b) => a.version - b.version);

  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version} is out of sequence in ${dir}`);
  });
  return migrations;
}

function appliedHistory(db: Database.Database): { version: number; name: string }[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
}

/**
 * Refuses a database this version cannot safely use: not ours, from a newer version, or with a
 * migration history we do not know. Returns the schema version it is at.
 */
export function checkSchema(db: Database.Database, migrations: Migration[]): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tableCount = (
    db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
      n: number;
    }
  ).n;

  if (tableCount > 0 && appId !== APPLICATION_ID) {
    throw new StoreError('store-foreign', 'Ce fichier SQLite n’est pas une base Budget Clair.');
  }
  const latest = migrations.length;
  if (version > latest) {
    throw new StoreError(
      'store-newer',
      `Cette base a été écrite par une version plus récente de Budget Clair (schéma ${version} ; ` +
        `cette version connaît jusqu’au schéma ${latest}). Ouvrez-la avec la version plus récente.`,
    );
  }

  const history = appliedHistory(db);
  const known = history.every((h) => migrations[h.version - 1]?.name === h.name);
  if (!known || history.length !== version) {
    throw new StoreError(
      'store-unknown-history',
      'Cette base a un historique de migrations que cette version de Budget Clair ne connaît pas.',
    );
  }
  return version;
}

/**
 * Applies the pending migrations forward, each in its own transaction. Foreign keys are off
 * meanwhile, as SQLite asks for a table rebuild (a dropped table would otherwise cascade its
 * deletes), and every reference is checked before each migration commits.
 */
export function applyMigrations(db: Database.Database, migrations: Migration[], from: number) {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    applyEach(db, migrations, from);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

function applyEach(db: Database.Database, migrations: Migration[], from: number) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare(
    'INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
  );

  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`migration ${m.version} leaves ${broken.length} broken reference(s)`);
      }
      record.run(m.version, m.name, m.sha256, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}
