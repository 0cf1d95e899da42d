import type Database from 'better-sqlite3';
import type { Basis } from '../../src-shared/analysis/figures';
import type { Summary } from '../../src-shared/analysis/summary-model';

// JSON has no -0, NaN or infinity: a share of a negative total can be -0, which a formatter
// shows as "-0 %". Such numbers are kept as a tagged object, so a kept summary reads back as it
// was computed.
const TAG = '$number';

function keepNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
  return { [TAG]: Object.is(value, -0) ? '-0' : String(value) };
}

function readNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(TAG in value)) return value;
  return Number((value as Record<typeof TAG, string>)[TAG]);
}

/** The summary as kept in summary_json, every number as it was. */
export function summaryToJson(summary: Summary): string {
  return JSON.stringify(summary, keepNumber);
}

export function summaryFromJson(json: string): Summary {
  // The reviver costs a walk of every value; most summaries have no tagged number.
  return (json.includes(`"${TAG}"`) ? JSON.parse(json, readNumber) : JSON.parse(json)) as Summary;
}

export interface StoredSummary {
  format: number;
  /** The budget description the summary was computed for, as JSON. */
  budgetJson: string;
  summary: Summary;
}

export function readStoredSummary(
  db: Database.Database,
  budgetId: number,
  basis: Basis,
): StoredSummary | null {
  const row = db
    .prepare(
      `SELECT format, budget_json, summary_json FROM budget_summary
       WHERE budget_id = ? AND basis = ?`,
    )
    .get(budgetId, basis) as
    { format: number; budget_json: string; summary_json: string } | undefined;
  if (!row) return null;
  return {
    format: row.format,
    budgetJson: row.budget_json,
    summary: summaryFromJson(row.summary_json),
  };
}

/** Keeps a budget's summary on one basis, replacing the one it had. */
export function writeStoredSummary(
  db: Database.Database,
  budgetId: number,
  basis: Basis,
  stored: StoredSummary,
  computedAt: string,
): void {
  db.prepare(
    `INSERT INTO budget_summary (budget_id, basis, format, budget_json, summary_json, computed_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (budget_id, basis) DO UPDATE SET format = excluded.format,
       budget_json = excluded.budget_json, summary_json = excluded.summary_json,
       computed_at = excluded.computed_at`,
  ).run(
    budgetId,
    basis,
    stored.format,
    stored.budgetJson,
    summaryToJson(stored.summary),
    computedAt,
  );
}

/** What a kept summary was computed for, without reading the summary itself. */
export function readSummaryStamp(
  db: Database.Database,
  budgetId: number,
  basis: Basis,
): Omit<StoredSummary, 'summary'> | null {
  const row = db
    .prepare('SELECT format, budget_json FROM budget_summary WHERE budget_id = ? AND basis = ?')
    .get(budgetId, basis) as { format: number; budget_json: string } | undefined;
  return row ? { format: row.format, budgetJson: row.budget_json } : null;
}
