import type Database from 'better-sqlite3';
import type { BudgetVersion } from '../../src-shared/model';

/** What carrying the reviews over to a corrected budget kept and left behind. */
export interface ReviewsCarried {
  kept: number;
  dropped: number;
}

/**
 * The budget that a new import of this entity, year and version corrects: the current one, not
 * one that a correction already superseded. Null when the version is new.
 */
export function findCurrentVersion(
  db: Database.Database,
  entityId: number,
  fiscalYear: number | null,
  version: BudgetVersion,
): number | null {
  const row = db
    .prepare(
      `SELECT id FROM budget WHERE entity_id = ? AND fiscal_year IS ? AND version = ?
         AND replaced_by IS NULL
       ORDER BY id DESC LIMIT 1`,
    )
    .get(entityId, fiscalYear, version) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Marks the old budget as superseded by the new one and copies the reviews whose flag the new
 * budget still raises (same rule, sheet, row and code); the others stay with the old budget.
 */
export function supersedeBudget(
  db: Database.Database,
  oldId: number,
  newId: number,
): ReviewsCarried {
  db.prepare('UPDATE budget SET replaced_by = ? WHERE id = ?').run(newId, oldId);
  const kept = db
    .prepare(
      `INSERT INTO review (budget_id, flag_key, status, note, reviewer, at)
       SELECT ?, flag_key, status, note, reviewer, at FROM review
       WHERE budget_id = ? AND flag_key IN (SELECT flag_key FROM flag WHERE budget_id = ?)
       ON CONFLICT (budget_id, flag_key) DO NOTHING`,
    )
    .run(newId, oldId, newId).changes;
  const total = db.prepare('SELECT count(*) FROM review WHERE budget_id = ?').pluck().get(oldId);
  return { kept, dropped: (total as number) - kept };
}

export interface StoredVersion {
  budgetId: number;
  fiscalYear: number | null;
  version: BudgetVersion;
  sha256: string;
  replacedBy: number | null;
}

/** Every budget of an entity, superseded ones included, by year, then version, then import. */
export function listVersions(db: Database.Database, entityName: string): StoredVersion[] {
  return db
    .prepare(
      `SELECT budget.id AS budgetId, fiscal_year AS fiscalYear, version, import.sha256,
         replaced_by AS replacedBy
       FROM budget JOIN entity ON entity.id = budget.entity_id
       JOIN import ON import.id = budget.import_id
       WHERE entity.name = ? ORDER BY fiscal_year, version, budget.id`,
    )
    .all(entityName) as StoredVersion[];
}
