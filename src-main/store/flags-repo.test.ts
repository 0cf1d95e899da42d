import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flag } from '../../src-shared/model';
import { tempFolder } from '../../tests/store-helpers';
import { ensureEntity, insertBudget } from './budgets-repo';
import { flagKey, replaceFlags } from './flags-repo';
import { insertImport } from './imports-repo';
import { insertLines } from './lines-repo';
import { openStore, type Store } from './open-store';

let folder: ReturnType<typeof tempFolder>;
let stores: Store[];
beforeEach(() => {
  folder = tempFolder();
  stores = [];
});
afterEach(() => {
  for (const store of stores) store.close();
  folder.remove();
});

function storeWithBudget(name: string): { db: Database.Database; budgetId: number } {
  const store = openStore(join(folder.dir, name));
  stores.push(store);
  const importId = insertImport(store.db, {
    fileName: 'ca.xlsx',
    sha256: 'b'.repeat(64),
    sizeBytes: 1,
    format: 'xlsx',
    encoding: null,
    sheets: ['DEPENSES'],
    mapping: { columns: [] },
    rowCounts: {},
    issues: [],
    startedAt: '2024-01-01T10:00:00.000Z',
    finishedAt: '2024-01-01T10:00:01.000Z',
  });
  const entityId = ensureEntity(store.db, { name: 'Commune de Test' });
  const budgetId = insertBudget(store.db, {
    entityId,
    fiscalYear: 2019,
    currency: 'GNF',
    currencyExponent: 0,
    version: 'compte-administratif',
    executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    importId,
  });
  const rows = Array.from({ length: 30 }, (_, i) => ({
    sheet: 'DEPENSES',
    row: i + 1,
    kind: 'line' as const,
    reason: 'test',
    code: String(600 + i),
    label: `Ligne ${i}`,
    direction: 'expenditure' as const,
    section: 'operating' as const,
    parentCode: null,
    level: 0,
    amounts: [],
    statedRatePercent: null,
    hidden: false,
  }));
  insertLines(store.db, budgetId, rows);
  return { db: store.db, budgetId };
}

/** The flags as one INSERT per flag stored them, the reference for the batched statement. */
function replaceFlagsOneByOne(
  db: Database.Database,
  budgetId: number,
  flags: Flag[],
  hash: string,
) {
  const insert = db.prepare(
    `INSERT INTO flag (budget_id, flag_key, rule, severity, line_id, cells_json, message,
       values_json, settings_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seen = new Map<string, number>();
  db.prepare('DELETE FROM flag WHERE budget_id = ?').run(budgetId);
  for (const flag of flags) {
    const base = flagKey(flag);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const key = count === 1 ? base : `${base}#${count}`;
    const { rule, severity, lineId, message } = flag;
    const cells = JSON.stringify(flag.cells);
    insert.run(
      budgetId,
      key,
      rule,
      severity,
      lineId,
      cells,
      message,
      JSON.stringify(flag.values),
      hash,
    );
  }
}

// More flags than one batch holds, some with the same key and some on no line.
function manyFlags(count: number): Flag[] {
  return Array.from({ length: count }, (_, i) => ({
    rule: i % 3 === 0 ? 'over-execution' : 'zero-execution',
    severity: i % 5 === 0 ? 'error' : 'warning',
    lineId: i % 7 === 0 ? null : (i % 30) + 1,
    code: String(600 + (i % 30)),
    label: null,
    sheet: 'DEPENSES',
    row: (i % 30) + 1,
    cells: i % 4 === 0 ? [] : [`F${i % 11}`, `G${i % 13}`],
    message: `message ${i % 17}`,
    values: { executedMinor: i * 1000, ratePercent: i / 7 },
    review: null,
  }));
}

describe('replaceFlags', () => {
  it('stores the same rows, ids and keys as one insert per flag would', () => {
    const batched = storeWithBudget('batched.sqlite');
    const single = storeWithBudget('single.sqlite');
    const all = (db: Database.Database) => db.prepare('SELECT * FROM flag ORDER BY id').all();

    for (const [count, hash] of [
      [0, 'h0'],
      [451, 'h1'],
      [200, 'h2'],
      [1203, 'h3'],
    ] as const) {
      const flags = manyFlags(count);
      replaceFlags(batched.db, batched.budgetId, flags, hash);
      replaceFlagsOneByOne(single.db, single.budgetId, flags, hash);

      expect(all(batched.db)).toEqual(all(single.db));
    }
    expect(all(batched.db)).toHaveLength(1203);
  });
});
