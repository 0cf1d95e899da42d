import type Database from 'better-sqlite3';
import type { Flag, Review, Severity } from '../../src-shared/model';
import { batchInserter } from './batch-insert';

/**
 * What a review is attached to: the rule and the place it points at, not the flag's row id, so
 * that an explanation survives the flags being computed again.
 */
export function flagKey(flag: Pick<Flag, 'rule' | 'sheet' | 'row' | 'code' | 'cells'>): string {
  return [flag.rule, flag.sheet ?? '', flag.row ?? '', flag.code ?? '', flag.cells.join(',')].join(
    '|',
  );
}

/** Replaces a budget's flags with a new analysis; reviews stay and re-attach by key. */
export function replaceFlags(
  db: Database.Database,
  budgetId: number,
  flags: Flag[],
  settingsHash: string,
): void {
  const insertRows = batchInserter(
    db,
    `INSERT INTO flag (budget_id, flag_key, rule, severity, line_id, cells_json, message,
       values_json, settings_hash)`,
    9,
  );
  const seen = new Map<string, number>();
  const values: unknown[] = [];

  db.prepare('DELETE FROM flag WHERE budget_id = ?').run(budgetId);
  for (const flag of flags) {
    const base = flagKey(flag);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const key = count === 1 ? base : `${base}#${count}`;
    values.push(
      budgetId,
      key,
      flag.rule,
      flag.severity,
      flag.lineId,
      JSON.stringify(flag.cells),
      flag.message,
      JSON.stringify(flag.values),
      settingsHash,
    );
  }
  insertRows(values);
}

interface FlagRow {
  id: number;
  budget_id: number;
  rule: string;
  severity: Severity;
  line_id: number | null;
  cells_json: string;
  message: string;
  values_json: string;
  code: string | null;
  label: string | null;
  sheet: string | null;
  row: number | null;
  status: Review['status'] | null;
  note: string | null;
  reviewer: string | null;
  at: string | null;
}

const SELECT = `SELECT flag.*, line.code, line.label, line.sheet, line.row,
    review.status, review.note, review.reviewer, review.at
  FROM flag
  LEFT JOIN line ON line.id = flag.line_id
  LEFT JOIN review ON review.budget_id = flag.budget_id AND review.flag_key = flag.flag_key`;

function fromRow(r: FlagRow): Flag {
  const review =
    r.status === null
      ? null
      : { status: r.status, note: r.note ?? '', reviewer: r.reviewer ?? '', at: r.at ?? '' };
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity,
    lineId: r.line_id,
    code: r.code,
    label: r.label,
    sheet: r.sheet,
    row: r.row,
    cells: JSON.parse(r.cells_json) as string[],
    message: r.message,
    values: JSON.parse(r.values_json) as Flag['values'],
    review,
  };
}

export function listFlags(db: Database.Database, budgetId: number): Flag[] {
  const rows = db
    .prepare(`${SELECT} WHERE flag.budget_id = ? ORDER BY flag.id`)
    .all(budgetId) as FlagRow[];
  return rows.map(fromRow);
}

export function getFlag(db: Database.Database, flagId: number): Flag | null {
  const row = db.prepare(`${SELECT} WHERE flag.id = ?`).get(flagId) as FlagRow | undefined;
  return row ? fromRow(row) : null;
}

/** Records a person's review of a flag (one per flag key, the latest wins). */
export function saveReview(db: Database.Database, flagId: number, review: Review): Flag | null {
  const flag = db.prepare('SELECT budget_id, flag_key FROM flag WHERE id = ?').get(flagId) as
    { budget_id: number; flag_key: string } | undefined;
  if (!flag) return null;
  db.prepare(
    `INSERT INTO review (budget_id, flag_key, status, note, reviewer, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (budget_id, flag_key) DO UPDATE SET status = excluded.status,
       note = excluded.note, reviewer = excluded.reviewer, at = excluded.at`,
  ).run(flag.budget_id, flag.flag_key, review.status, review.note, review.reviewer, review.at);
  return getFlag(db, flagId);
}

/** The fingerprint of the settings the budget's flags were computed with; null without flags. */
export function flagsSettingsHash(db: Database.Database, budgetId: number): string | null {
  const hash = db
    .prepare('SELECT settings_hash FROM flag WHERE budget_id = ? LIMIT 1')
    .pluck()
    .get(budgetId) as string | undefined;
  return hash ?? null;
}

/** How many flags of each severity a budget has, counted in SQL: no flag is read back. */
export function countFlagsBySeverity(
  db: Database.Database,
  budgetId: number,
): Record<Severity, number> {
  const rows = db
    .prepare('SELECT severity, count(*) AS n FROM flag WHERE budget_id = ? GROUP BY severity')
    .all(budgetId) as { severity: Severity; n: number }[];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const row of rows) counts[row.severity] = row.n;
  return counts;
}
