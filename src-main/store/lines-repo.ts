import type Database from 'better-sqlite3';
import type { BudgetLine, ImportedRow, Phase, RowKind } from '../../src-shared/model';

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

/** Stores the rows of an import with their amounts; returns how many detail lines it held. */
export function insertLines(db: Database.Database, budgetId: number, rows: ImportedRow[]): number {
  const insertLine = db.prepare(
    `INSERT INTO line (budget_id, sheet, row, kind, code, label, direction, section, chapter,
       parent_code, level, hidden, stated_rate, key_values_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAmount = db.prepare(
    'INSERT INTO amount (line_id, phase, value_minor, cell, source_text) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPart = db.prepare(
    'INSERT INTO amount_part (amount_id, cell, value_minor, source_text) VALUES (?, ?, ?, ?)',
  );
  const chapterOf = chapterResolver(rows);
  let detailLines = 0;

  for (const row of rows) {
    if (NOT_STORED.has(row.kind)) continue;
    const lineId = Number(
      insertLine.run(
        budgetId,
        row.sheet,
        row.row,
        row.kind,
        row.code,
        row.label,
        row.direction,
        row.section,
        chapterOf(row),
        row.parentCode,
        row.level,
        row.hidden ? 1 : 0,
        row.statedRatePercent,
        row.keyValues ? JSON.stringify(row.keyValues) : null,
      ).lastInsertRowid,
    );
    for (const a of row.amounts) {
      const amountId = insertAmount.run(
        lineId,
        a.phase,
        a.valueMinor,
        a.cell,
        a.sourceText,
      ).lastInsertRowid;
      for (const p of a.parts ?? []) insertPart.run(amountId, p.cell, p.valueMinor, p.sourceText);
    }
    if (row.kind === 'line') detailLines++;
  }
  return detailLines;
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
