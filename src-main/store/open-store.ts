import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../log';
import { applyMigrations, checkSchema, loadMigrations } from './migrate';
import { StoreError } from './store-error';

const log = createLogger('store');

export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  readonly readonly: boolean;
  close(): void;
}

export interface OpenStoreOptions {
  readonly?: boolean;
  /** Skip `integrity_check` for a file this process has just created or checked. */
  trusted?: boolean;
  /** Where the migration files are; tests point it at a shorter history. */
  migrationsDir?: string;
}

export type StoreCheck = { ok: true } | { ok: false; problems: string[] };

function integrityProblems(db: Database.Database): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((text) => text !== 'ok');
  } catch (error) {
    // Damage bad enough stops the check itself ("database disk image is malformed").
    return [(error as Error).message];
  }
}

/** Runs SQLite's `integrity_check` on a file, read only; for a database from elsewhere. */
export function checkStore(path: string): StoreCheck {
  if (!existsSync(path)) return { ok: false, problems: [`${path} does not exist`] };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(db);
    return problems.length === 0 ? { ok: true } : { ok: false, problems };
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  } finally {
    db?.close();
  }
}

function backupPath(path: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.schema-${version}.${stamp}.bak`;
}

function openConnection(path: string, readonly: boolean): Database.Database {
  if (readonly && !existsSync(path)) {
    throw new StoreError('store-missing', `Il n’y a pas de base à ${path}.`);
  }
  if (!readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly, fileMustExist: readonly, timeout: 5000 });
  try {
    // The first read proves the file is SQLite at all.
    db.pragma('schema_version', { simple: true });
  } catch {
    db.close();
    throw new StoreError('store-not-sqlite', `${path} n’est pas un fichier de base de données.`);
  }
  return db;
}

/**
 * Opens (or creates) a store: WAL with `synchronous=FULL` so a commit survives a power cut,
 * foreign keys on, schema brought forward after a backup. A database that is damaged, foreign,
 * newer or of unknown history is refused with a StoreError.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const existed = existsSync(path) && statSync(path).size > 0;
  const db = openConnection(path, readonly);

  try {
    if (existed && !options.trusted) {
      const problems = integrityProblems(db);
      if (problems.length > 0) {
        throw new StoreError('store-corrupt', `La base ${path} est endommagée : ${problems[0]}`);
      }
    }
    // Judged before any pragma that writes: a file that is refused is left exactly as it came.
    const migrations = loadMigrations(options.migrationsDir);
    const version = checkSchema(db, migrations);
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    if (version < migrations.length) {
      if (readonly) {
        throw new StoreError(
          'store-outdated-readonly',
          'Cette base doit être mise à jour, ce qui est impossible en lecture seule.',
        );
      }
      if (version > 0) {
        const target = backupPath(path, version);
        db.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
        log.info(`backed up schema ${version} before migrating`);
      }
      applyMigrations(db, migrations, version);
      log.info(`migrated from schema ${version} to ${migrations.length}`);
    }
  } catch (error) {
    db.close();
    throw error;
  }

  return { db, path, readonly, close: () => db.close() };
}
