import type Database from 'better-sqlite3';
import type { BudgetInfo, BudgetVersion, ExecutedStage } from '../../src-shared/model';

export interface EntityRef {
  name: string;
  kind?: string;
  country?: string;
}

export interface NewBudget {
  entityId: number;
  fiscalYear: number | null;
  currency: string;
  currencyExponent: number;
  version: BudgetVersion;
  executedStage: ExecutedStage;
  importId: number;
}

/** The entity's id, created on first sight; entities are matched by name, kind and country. */
export function ensureEntity(db: Database.Database, entity: EntityRef): number {
  const kind = entity.kind ?? 'commune';
  const country = entity.country ?? '';
  db.prepare('INSERT OR IGNORE INTO entity (name, kind, country) VALUES (?, ?, ?)').run(
    entity.name,
    kind,
    country,
  );
  const row = db
    .prepare('SELECT id FROM entity WHERE name = ? AND kind = ? AND country = ?')
    .get(entity.name, kind, country) as { id: number };
  return row.id;
}

export function setPopulation(
  db: Database.Database,
  entityId: number,
  year: number,
  count: number,
) {
  db.prepare(
    `INSERT INTO population (entity_id, year, count) VALUES (?, ?, ?)
     ON CONFLICT (entity_id, year) DO UPDATE SET count = excluded.count`,
  ).run(entityId, year, count);
}

export function insertBudget(db: Database.Database, budget: NewBudget): number {
  const result = db
    .prepare(
      `INSERT INTO budget (entity_id, fiscal_year, currency, currency_exponent, version,
         executed_revenue, executed_expenditure, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      budget.entityId,
      budget.fiscalYear,
      budget.currency,
      budget.currencyExponent,
      budget.version,
      budget.executedStage.revenue,
      budget.executedStage.expenditure,
      budget.importId,
    );
  return Number(result.lastInsertRowid);
}

interface BudgetRow {
  id: number;
  entity: string;
  fiscal_year: number | null;
  currency: string;
  currency_exponent: number;
  version: BudgetVersion;
  executed_revenue: ExecutedStage['revenue'];
  executed_expenditure: ExecutedStage['expenditure'];
  file_name: string;
  sha256: string;
  finished_at: string;
  line_count: number;
  population: number | null;
}

const SELECT = `SELECT budget.*, entity.name AS entity, import.file_name, import.sha256,
    import.finished_at,
    (SELECT count(*) FROM line WHERE line.budget_id = budget.id AND line.kind = 'line')
      AS line_count,
    (SELECT count FROM population p WHERE p.entity_id = budget.entity_id
       AND p.year = budget.fiscal_year) AS population
  FROM budget
  JOIN entity ON entity.id = budget.entity_id
  JOIN import ON import.id = budget.import_id`;

function fromRow(row: BudgetRow): BudgetInfo {
  return {
    id: row.id,
    entity: row.entity,
    fiscalYear: row.fiscal_year,
    currency: row.currency,
    currencyExponent: row.currency_exponent,
    version: row.version,
    executedStage: { revenue: row.executed_revenue, expenditure: row.executed_expenditure },
    sourceFile: row.file_name,
    sourceSha256: row.sha256,
    importedAt: row.finished_at,
    lineCount: row.line_count,
    population: row.population,
  };
}

/** Every current budget, the latest import first; one a corrected file superseded is left out. */
export function listBudgets(db: Database.Database): BudgetInfo[] {
  const rows = db
    .prepare(`${SELECT} WHERE budget.replaced_by IS NULL ORDER BY budget.id DESC`)
    .all() as BudgetRow[];
  return rows.map(fromRow);
}

export function getBudget(db: Database.Database, budgetId: number): BudgetInfo | null {
  const row = db.prepare(`${SELECT} WHERE budget.id = ?`).get(budgetId) as BudgetRow | undefined;
  return row ? fromRow(row) : null;
}

export function latestBudgetId(db: Database.Database): number | null {
  const row = db.prepare('SELECT max(id) AS id FROM budget').get() as { id: number | null };
  return row.id;
}

/** Sets which stage counts as executed on each side of one budget. */
export function setExecutedStage(
  db: Database.Database,
  budgetId: number,
  stage: ExecutedStage,
): void {
  db.prepare('UPDATE budget SET executed_revenue = ?, executed_expenditure = ? WHERE id = ?').run(
    stage.revenue,
    stage.expenditure,
    budgetId,
  );
}
