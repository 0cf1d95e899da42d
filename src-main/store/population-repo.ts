import type Database from 'better-sqlite3';

/** The entity and fiscal year a budget belongs to, for figures kept per entity and year. */
export function entityYearOf(
  db: Database.Database,
  budgetId: number,
): { entityId: number; entity: string; year: number | null } | null {
  const row = db
    .prepare(
      `SELECT entity.id AS entityId, entity.name AS entity, budget.fiscal_year AS year
       FROM budget JOIN entity ON entity.id = budget.entity_id WHERE budget.id = ?`,
    )
    .get(budgetId) as { entityId: number; entity: string; year: number | null } | undefined;
  return row ?? null;
}
