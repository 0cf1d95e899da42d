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

export interface StoredPart {
  phase: Phase;
  cell: string;
  valueMinor: number;
  sourceText: string | null;
}

/** The cells behind the summed amounts of one line, in reading order; none for a plain line. */
export function readAmountParts(db: Database.Database, lineId: number): StoredPart[] {
  return db
    .prepare(
      `SELECT amount.phase, amount_part.cell, amount_part.value_minor AS valueMinor,
         amount_part.source_text AS sourceText
       FROM amount_part JOIN amount ON amount.id = amount_part.amount_id
       WHERE amount.line_id = ? ORDER BY amount.id, amount_part.id`,
    )
    .all(lineId) as StoredPart[];
}

/** The line-key values a grouped or pivoted line was built from, or null. */
export function readKeyValues(
  db: Database.Database,
  lineId: number,
): Record<string, string> | null {
  const row = db.prepare('SELECT key_values_json FROM line WHERE id = ?').get(lineId) as
    { key_values_json: string | null } | undefined;
  return row?.key_values_json ? (JSON.parse(row.key_values_json) as Record<string, string>) : null;
}
