import type Database from 'better-sqlite3';

export interface RuleSettingsRow {
  /** Only the thresholds that differ from the defaults, as saved. */
  overrides: unknown;
  savedAt: string;
}

/** The saved rule settings of the store, or null when nobody saved any. */
export function readRuleSettings(db: Database.Database): RuleSettingsRow | null {
  const row = db
    .prepare('SELECT overrides_json, saved_at FROM rule_settings WHERE id = 1')
    .get() as { overrides_json: string; saved_at: string } | undefined;
  return row
    ? { overrides: JSON.parse(row.overrides_json) as unknown, savedAt: row.saved_at }
    : null;
}

/** Replaces the rule settings of the store; the latest save wins. */
export function writeRuleSettings(
  db: Database.Database,
  overrides: unknown,
  savedAt: string,
): void {
  db.prepare(
    `INSERT INTO rule_settings (id, overrides_json, saved_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET overrides_json = excluded.overrides_json,
       saved_at = excluded.saved_at`,
  ).run(JSON.stringify(overrides), savedAt);
}
