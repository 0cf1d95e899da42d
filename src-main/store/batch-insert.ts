import type Database from 'better-sqlite3';

// Rows per INSERT: one statement call stores many rows, well under SQLite's 32 766 parameters.
export const BATCH_ROWS = 200;

/**
 * Multi-row INSERTs of one table, prepared once per row count, so that a large import makes one
 * statement call per batch rather than one per row. Rows keep their order, so rowids given by
 * SQLite are the ones single-row INSERTs would have given.
 */
export function batchInserter(db: Database.Database, head: string, columns: number) {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const prepared = new Map<number, Database.Statement>();
  const statement = (rows: number) => {
    let found = prepared.get(rows);
    if (!found) {
      found = db.prepare(`${head} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      prepared.set(rows, found);
    }
    return found;
  };
  return (values: unknown[]) => {
    const step = BATCH_ROWS * columns;
    for (let from = 0; from < values.length; from += step) {
      // A list that fits one batch (every flush of lines does) goes as it is, without a copy.
      const batch = from === 0 && values.length <= step ? values : values.slice(from, from + step);
      statement(batch.length / columns).run(batch);
    }
  };
}
