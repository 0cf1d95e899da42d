import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { createHandlers } from '../src-main/services/handlers';
import { getBudget } from '../src-main/store/budgets-repo';
import { listFlags } from '../src-main/store/flags-repo';
import { readLines } from '../src-main/store/lines-repo';
import { loadMigrations } from '../src-main/store/migrate';
import { openStore } from '../src-main/store/open-store';
import { summarise } from '../src-shared/analysis/summarise';
import { tempFolder } from './store-helpers';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

/** A database at schema 2, the one before lines could repeat a row, holding one budget. */
function storeAtSchemaTwo(path: string): void {
  const dir = join(folder.dir, 'migrations-2');
  mkdirSync(dir);
  for (const file of ['0001-initial.sql', '0002-deck.sql']) {
    copyFileSync(fromRoot('src-main/store/migrations', file), join(dir, file));
  }
  const store = openStore(path, { migrationsDir: dir });
  const { db } = store;
  db.exec(`
    INSERT INTO entity (id, name) VALUES (1, 'Commune de Test');
    INSERT INTO import (id, file_name, sha256, size_bytes, format, sheets_json, mapping_json,
      row_counts_json, issues_json, started_at, finished_at)
      VALUES (1, 'ca.xlsx', 'abc', 10, 'xlsx', '[]', 'null', '{}', '[]', 't', 't');
    INSERT INTO budget (id, entity_id, fiscal_year, currency, currency_exponent, version,
      executed_revenue, executed_expenditure, import_id)
      VALUES (7, 1, 2019, 'GNF', 0, 'compte-administratif', 'assessed', 'ordered', 1);
    INSERT INTO line (id, budget_id, sheet, row, kind, code, label, direction, section, chapter,
      parent_code, level, hidden, stated_rate)
      VALUES (40, 7, 'DEPENSES', 12, 'line', '6011', 'Salaires', 'expenditure', 'operating',
        '60', '60', 1, 0, 95.5);
    INSERT INTO amount (id, line_id, phase, value_minor, cell, source_text)
      VALUES (90, 40, 'revised', 1000, 'E12', '1 000');
    INSERT INTO flag (id, budget_id, flag_key, rule, severity, line_id, cells_json, message,
      values_json, settings_hash)
      VALUES (3, 7, 'k', 'over-execution', 'warning', 40, '[]', 'm', '{}', 'h');
    INSERT INTO review (budget_id, flag_key, status, note, reviewer, at)
      VALUES (7, 'k', 'explained', 'voté en DM', 'A. Camara', 't');
    INSERT INTO deck (budget_id, settings_json, saved_at) VALUES (7, '{}', 't');
  `);
  store.close();
}

function insertLine(db: Database.Database, row: number, section: string | null) {
  db.prepare(
    `INSERT INTO line (budget_id, sheet, row, kind, level, hidden, section)
     VALUES (7, 'DEPENSES', ?, 'line', 0, 0, ?)`,
  ).run(row, section);
}

describe('the migration that lets a sheet row give one line per section', () => {
  it('creates the part table and the key column on an empty database', () => {
    const store = openStore(join(folder.dir, 'new.sqlite'));
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('line')").pluck().all();
    const parts = store.db.prepare("SELECT name FROM pragma_table_info('amount_part')").pluck();

    expect(columns).toContain('key_values_json');
    expect(parts.all()).toEqual(['id', 'amount_id', 'cell', 'value_minor', 'source_text']);
    expect(store.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('keeps every line, amount, flag, review and deck of a schema-2 database, ids included', () => {
    const path = join(folder.dir, 'old.sqlite');
    storeAtSchemaTwo(path);
    const store = openStore(path);
    const { db } = store;

    expect(db.prepare('SELECT id, code, stated_rate FROM line').all()).toEqual([
      { id: 40, code: '6011', stated_rate: 95.5 },
    ]);
    expect(db.prepare('SELECT line_id, value_minor FROM amount').get()).toEqual({
      line_id: 40,
      value_minor: 1000,
    });
    expect(db.prepare('SELECT line_id FROM flag').pluck().get()).toBe(40);
    expect(db.prepare('SELECT note FROM review').pluck().get()).toBe('voté en DM');
    expect(db.prepare('SELECT count(*) FROM deck').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    store.close();
  });

  it('accepts one row twice in two sections and refuses it twice in one', () => {
    const path = join(folder.dir, 'old.sqlite');
    storeAtSchemaTwo(path);
    const store = openStore(path);

    insertLine(store.db, 20, 'operating');
    insertLine(store.db, 20, 'investment');
    insertLine(store.db, 21, null);
    expect(() => insertLine(store.db, 20, 'operating')).toThrow(/UNIQUE/);
    expect(() => insertLine(store.db, 21, null)).toThrow(/UNIQUE/);
    store.close();
  });

  it('still deletes the lines, amounts and parts of a deleted budget', () => {
    const path = join(folder.dir, 'old.sqlite');
    storeAtSchemaTwo(path);
    const store = openStore(path);
    const { db } = store;
    db.prepare(
      "INSERT INTO amount_part (amount_id, cell, value_minor) VALUES (90, 'E12', 1000)",
    ).run();

    db.exec('DELETE FROM flag; DELETE FROM review; DELETE FROM deck; DELETE FROM budget');
    expect(db.prepare('SELECT count(*) FROM line').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM amount_part').pluck().get()).toBe(0);
    store.close();
  });
});

describe('the migration that keeps the summaries of budgets', () => {
  const kept = (db: Database.Database) =>
    db.prepare('SELECT budget_id, basis FROM budget_summary ORDER BY basis').all();

  it('creates an empty summary table on an empty database', () => {
    const store = openStore(join(folder.dir, 'new.sqlite'));

    expect(kept(store.db)).toEqual([]);
    store.close();
  });

  it('computes the summary of an older budget when it is first asked for, and keeps it', async () => {
    const path = join(folder.dir, 'old.sqlite');
    storeAtSchemaTwo(path);
    const store = openStore(path);
    const { db } = store;
    const budget = getBudget(db, 7);
    if (!budget) throw new Error('budget 7 did not survive the migrations');
    const fromLines = summarise(budget, readLines(db, 7), { basis: 'revised', flags: listFlags(db, 7) }); // prettier-ignore

    expect(kept(db)).toEqual([]);
    expect(await createHandlers(store)['budgets.summary']({ budgetId: 7 })).toEqual(fromLines);
    expect(kept(db)).toEqual([{ budget_id: 7, basis: 'revised' }]);
    expect(await createHandlers(store)['budgets.summary']({ budgetId: 7 })).toEqual(fromLines);
    store.close();
  });

  it('deletes the summaries of a deleted budget', async () => {
    const path = join(folder.dir, 'old.sqlite');
    storeAtSchemaTwo(path);
    const store = openStore(path);
    const { db } = store;
    await createHandlers(store)['budgets.summary']({ budgetId: 7, basis: 'original' });

    db.exec('DELETE FROM flag; DELETE FROM review; DELETE FROM deck; DELETE FROM budget');
    expect(kept(db)).toEqual([]);
    store.close();
  });
});
