import type Database from 'better-sqlite3';

/** The saved deck settings of a budget as stored JSON, or null when none were saved. */
export function readDeckJson(db: Database.Database, budgetId: number): unknown {
  const row = db.prepare('SELECT settings_json FROM deck WHERE budget_id = ?').get(budgetId) as
    { settings_json: string } | undefined;
  return row ? (JSON.parse(row.settings_json) as unknown) : null;
}

/** Replaces the deck settings of a budget; the latest save wins. */
export function writeDeckJson(db: Database.Database, budgetId: number, settings: unknown): void {
  db.prepare(
    `INSERT INTO deck (budget_id, settings_json, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (budget_id) DO UPDATE SET settings_json = excluded.settings_json,
       saved_at = excluded.saved_at`,
  ).run(budgetId, JSON.stringify(settings), new Date().toISOString());
}
