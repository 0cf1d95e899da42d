import type Database from 'better-sqlite3';
import type { Phase } from '../../src-shared/model';

export interface StoredAmount {
  phase: Phase;
  valueMinor: number;
  cell: string;
  sourceText: string | null;
}

/** The amounts of one line of one budget with the text each cell had; null if no such line. */
export function readLineAmounts(
  db: Database.Database,
  budgetId: number,
  lineId: number,
): StoredAmount[] | null {
  const found = db
    .prepare('SELECT 1 FROM line WHERE id = ? AND budget_id = ?')
    .get(lineId, budgetId);
  if (!found) return null;
  return db
    .prepare(
      `SELECT phase, value_minor AS valueMinor, cell, source_text AS sourceText
       FROM amount WHERE line_id = ? ORDER BY id`,
    )
    .all(lineId) as StoredAmount[];
}
