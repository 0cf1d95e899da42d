import type Database from 'better-sqlite3';
import type { BudgetLine, ImportedRow, Phase, RowKind } from '../../src-shared/model';
import { BATCH_ROWS, batchInserter } from './batch-insert';

/** Rows that only shape the sheet carry nothing to analyse or trace. */
const NOT_STORED: ReadonlySet<RowKind> = new Set(['blank', 'header']);

/**
 * The chapter of a row: the code at the top of its parent chain within its sheet, or its own
 * code when it has no parent. Rows without a code (subtotals) take their parent's chapter.
 */
export function chapterResolver(rows: ImportedRow[]): (row: ImportedRow) => string | null {
  const parents = new Map<string, string | null>();
  for (const r of rows) if (r.code) parents.set(`${r.sheet}\u0000${r.code}`, r.parentCode);

  return (row) => {
    let code = row.code ?? row.parentCode;
    for (let hops = 0; code && hops < 20; hops++) {
      const parent = parents.get(`${row.sheet}\u0000${code}`);
      if (!parent) return code;
      code = parent;
    }
    return code ?? null;
  };
}

/** The next rowid SQLite would give an INTEGER PRIMARY KEY, named ahead so batches can use it. */
function nextId(db: Database.Database, table: 'line' | 'amount'): number {
  return db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number;
}

/**
 * Stores the rows of an import with their amounts. Returns how many detail lines it held, and
 * the stored lines as readLines would give them back, so that the analysis of a budget just
 * stored need not read it again.
 */
export function insertBudgetLines(
  db: Database.Database,
  budgetId: number,
  rows: ImportedRow[],
): { detailLines: number; lines: BudgetLine[] } {
  const insertLineRows = batchInserter(
    db,
    `INSERT INTO line (id, budget_id, sheet, row, kind, code, label, direction, section, chapter,
       parent_code, level, hidden, stated_rate, key_values_json)`,
    15,
  );
  const insertAmountRows = batchInserter(
    db,
    'INSERT INTO amount (id, line_id, phase, value_minor, cell, source_text)',
    6,
  );
  const insertPartRows = batchInserter(
    db,
    'INSERT INTO amount_part (amount_id, cell, value_minor, source_text)',
    4,
  );
  const chapterOf = chapterResolver(rows);
  let lineId = nextId(db, 'line');
  let amountId = nextId(db, 'amount');
  let detailLines = 0;
  const lines: BudgetLine[] = [];
  let lineValues: unknown[] = [];
  let amountValues: unknown[] = [];
  let partValues: unknown[] = [];
  // Lines, then their amounts, then the parts: each row's parent exists when its key is checked.
  const flush = () => {
    insertLineRows(lineValues);
    insertAmountRows(amountValues);
    insertPartRows(partValues);
    lineValues = [];
    amountValues = [];
    partValues = [];
  };

  for (const row of rows) {
    if (NOT_STORED.has(row.kind)) continue;
    const line = storedLine(row, lineId, chapterOf(row));
    lineValues.push(
      lineId,
      budgetId,
      row.sheet,
      row.row,
      row.kind,
      row.code,
      row.label,
      row.direction,
      row.section,
      line.chapter,
      row.parentCode,
      row.level,
      row.hidden ? 1 : 0,
      row.statedRatePercent,
      row.keyValues ? JSON.stringify(row.keyValues) : null,
    );
    for (const a of row.amounts) {
      amountValues.push(amountId, lineId, a.phase, a.valueMinor, a.cell, a.sourceText);
      for (const p of a.parts ?? []) partValues.push(amountId, p.cell, p.valueMinor, p.sourceText);
      line.amounts[a.phase] = a.valueMinor;
      line.cells[a.phase] = a.cell;
      amountId++;
    }
    lines.push(line);
    lineId++;
    if (row.kind === 'line') detailLines++;
    if (lines.length % BATCH_ROWS === 0) flush();
  }
  flush();
  return { detailLines, lines };
}

/** Stores the rows of an import with their amounts; returns how many detail lines it held. */
export function insertLines(db: Database.Database, budgetId: number, rows: ImportedRow[]): number {
  return insertBudgetLines(db, budgetId, rows).detailLines;
}

/** A row as readLines builds it from the store, amounts still to be filled in. */
/**
 * The lines an import would store, as the analysis reads them, numbered from 1: what a dry run
 * analyses without writing anything.
 */
export function linesOfRows(rows: ImportedRow[]): BudgetLine[] {
  const chapterOf = chapterResolver(rows);
  const lines: BudgetLine[] = [];
  for (const row of rows) {
    if (NOT_STORED.has(row.kind)) continue;
    const line = storedLine(row, lines.length + 1, chapterOf(row));
    for (const a of row.amounts) {
      line.amounts[a.phase] = a.valueMinor;
      line.cells[a.phase] = a.cell;
    }
    lines.push(line);
  }
  return lines;
}

function storedLine(row: ImportedRow, id: number, chapter: string | null): BudgetLine {
  return {
    id,
    sheet: row.sheet,
    row: row.row,
    kind: row.kind,
    code: row.code,
    label: row.label,
    direction: row.direction,
    section: row.section,
    chapter,
    parentCode: row.parentCode,
    level: row.level,
    hidden: row.hidden,
    amounts: {},
    cells: {},
    statedRatePercent: row.statedRatePercent,
    ...(row.keyValues ? { keyValues: { ...row.keyValues } } : {}),
  };
}

interface LineRow {
  id: number;
  sheet: string;
  row: number;
  kind: RowKind;
  code: string | null;
  label: string | null;
  direction: BudgetLine['direction'];
  section: BudgetLine['section'];
  chapter: string | null;
  parent_code: string | null;
  level: number;
  hidden: number;
  stated_rate: number | null;
  key_values_json: string | null;
}

/** The stored rows of a budget in sheet order, each with its amounts and source cells. */
export function readLines(db: Database.Database, budgetId: number): BudgetLine[] {
  const rows = db
    .prepare('SELECT * FROM line WHERE budget_id = ? ORDER BY id')
    .all(budgetId) as LineRow[];
  const amounts = db
    .prepare(
      `SELECT amount.line_id, amount.phase, amount.value_minor, amount.cell FROM amount
       JOIN line ON line.id = amount.line_id WHERE line.budget_id = ?`,
    )
    .all(budgetId) as { line_id: number; phase: Phase; value_minor: number; cell: string }[];

  const byLine = new Map<number, BudgetLine>();
  const lines = rows.map((r) => {
    const line: BudgetLine = {
      id: r.id,
      sheet: r.sheet,
      row: r.row,
      kind: r.kind,
      code: r.code,
      label: r.label,
      direction: r.direction,
      section: r.section,
      chapter: r.chapter,
      parentCode: r.parent_code,
      level: r.level,
      hidden: r.hidden === 1,
      amounts: {},
      cells: {},
      statedRatePercent: r.stated_rate,
      ...(r.key_values_json
        ? { keyValues: JSON.parse(r.key_values_json) as Record<string, string> }
        : {}),
    };
    byLine.set(r.id, line);
    return line;
  });
  for (const a of amounts) {
    const line = byLine.get(a.line_id);
    if (!line) continue;
    line.amounts[a.phase] = a.value_minor;
    line.cells[a.phase] = a.cell;
  }
  return lines;
}
