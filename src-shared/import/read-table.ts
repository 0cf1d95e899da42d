import { formatAmount } from '../format/amount';
import type { Grid, GridSheet } from '../grid';
import type { Direction, ImportedRow, ImportIssue, Reconciliation } from '../model';
import { classifyRows, contextOf } from './classify-rows';
import type { HeaderBlock } from './find-header';
import { groupTransactions, pivotLong } from './group-rows';
import { mapColumns, type ColumnPlan, type FieldOverrides } from './map-columns';
import type { LongPick } from './long-budgets';
import type { SheetMapping } from './mapping';
import { PHASE_WORDS } from './phase-words';
import { readRows } from './read-rows';
import { reconcile } from './reconcile';

/** One table read: its rows as the preview shows them, with what it found on the way. */
export interface TableReading {
  rows: ImportedRow[];
  issues: ImportIssue[];
  reconciliations: Reconciliation[];
  plan: ColumnPlan;
  rowCounts: Record<string, number>;
  direction: Direction | null;
  /** The entity and year a long table holding several budgets was read as. */
  pick?: LongPick;
}

export interface TableContext {
  grid: Grid;
  sheet: GridSheet;
  money: { currency: string; exponent: number; unitMultiplier: number };
  decimalMark: '.' | ',' | null;
  user: FieldOverrides;
  forced: Direction | null;
  year: number | null;
  entity: string | null;
}

const SILENT_KINDS = new Set(['header', 'note', 'banner', 'blank', 'heading']);

/** The fields to map: a long table's amount column is read as one figure, re-phased later. */
function fieldsOf(mapping: SheetMapping): FieldOverrides {
  const fields: FieldOverrides = { ...mapping.fields };
  if (mapping.long) fields.executed = mapping.long.amount;
  return fields;
}

/**
 * Reads one table under its header, up to `endRow`: maps the columns, reads the rows, pivots a
 * long table or groups transactions when the mapping says so, classifies, and checks the
 * file's own totals. Null when no amount column was recognised.
 */
export function readTable(
  ctx: TableContext,
  header: HeaderBlock,
  mapping: SheetMapping,
  endRow: number,
): TableReading | null {
  const { grid, sheet } = ctx;
  const plan = mapColumns(sheet, header, { template: fieldsOf(mapping), user: ctx.user });
  if (plan.amounts.length === 0) return null;

  const fallback = grid.delimiter === ';' || grid.delimiter === '\t' ? ',' : '.';
  const read = { grid, sheet, header, plan, ...ctx.money, decimalMark: ctx.decimalMark };
  let table = readRows(read, fallback, { endRow, blankIsZero: mapping.blankIsZero });
  const place = { sheet, header, file: grid.fileName };
  let pick: LongPick | undefined;
  if (mapping.long) {
    const pivoted = pivotLong(place, table, mapping.long, ctx);
    pick = pivoted.pick;
    table = pivoted;
  } else if (mapping.grain === 'transaction' && mapping.key?.length)
    table = groupTransactions(place, table, mapping.key, mapping.once ?? []);
  const sheetContext = contextOf(sheet.name);
  const direction =
    mapping.direction ?? sheetContext.direction ?? contextOf(grid.fileName).direction;
  const section = mapping.section ?? sheetContext.section;
  const classes = classifyRows(table.raws, {
    direction,
    section,
    forced: ctx.forced,
    accountClasses: mapping.accountClasses,
  });

  const rows: ImportedRow[] = [];
  const rowCounts: Record<string, number> = {};
  const kindAt = new Map(table.raws.map((r, i) => [r.row + 1, classes[i]!.kind]));
  const issues = table.issues.filter(
    (i) => i.row === null || !SILENT_KINDS.has(kindAt.get(i.row) ?? ''),
  );
  table.raws.forEach((raw, i) => {
    const c = classes[i]!;
    rowCounts[c.kind] = (rowCounts[c.kind] ?? 0) + 1;
    if (c.kind === 'blank') return;
    if (raw.hidden) issues.push({ severity: 'info', code: 'hidden-row', file: grid.fileName, sheet: sheet.name, row: raw.row + 1, column: null, message: `Ligne ${raw.row + 1} : ligne masquée dans le fichier (${c.kind === 'line' ? 'exclue des totaux par défaut' : 'gardée pour contrôle'})` });
    if (c.kind === 'unclassified') issues.push({ severity: 'warning', code: 'unclassified-row', file: grid.fileName, sheet: sheet.name, row: raw.row + 1, column: null, message: `Ligne ${raw.row + 1} : ligne non reconnue (${c.reason})` });
    rows.push({ sheet: sheet.name, row: raw.row + 1, kind: c.kind, reason: c.reason, code: raw.code, label: raw.label, direction: c.direction, section: c.section, parentCode: c.parentCode, level: c.level, amounts: table.amounts[i]!, statedRatePercent: table.rates[i] ?? null, hidden: raw.hidden, ...(raw.keyValues ? { keyValues: raw.keyValues } : {}) });
  }); // prettier-ignore

  const undirected = rows.filter((r) => r.kind === 'line' && r.direction === null);
  if (undirected.length > 0) issues.push({ severity: 'warning', code: 'direction-unknown', file: grid.fileName, sheet: sheet.name, row: undirected[0]!.row, column: null, message: `${undirected.length} ligne${undirected.length > 1 ? 's' : ''} dont le fichier ne dit pas si ce sont des recettes ou des dépenses, à partir de la ligne ${undirected[0]!.row} : elles restent hors des totaux ; précisez le sens (--direction, ou « direction » dans le modèle)` }); // prettier-ignore
  const reconciliations = reconcile(sheet.name, table.raws, classes);
  const amount = (minor: number) =>
    formatAmount(minor, ctx.money.currency, ctx.money.exponent, 'fr');
  for (const rec of reconciliations.filter((x) => x.differenceMinor !== 0)) {
    const cell = table.amounts[table.raws.findIndex((r) => r.row + 1 === rec.row)]?.find((a) => a.phase === rec.phase)?.cell ?? null;
    issues.push({ severity: 'warning', code: 'total-mismatch', file: grid.fileName, sheet: sheet.name, row: rec.row, column: cell?.replace(/\d+$/, '') ?? null, message: `Ligne ${rec.row} « ${rec.label} », ${PHASE_WORDS[rec.phase]} : le total indiqué ${amount(rec.statedMinor)} diffère de la somme des lignes, ${amount(rec.computedMinor)} (écart ${amount(rec.differenceMinor)}).` });
  } // prettier-ignore
  for (const rec of reconciliations.filter((x) => x.hiddenMinor)) {
    issues.push({ severity: 'info', code: 'hidden-in-total', file: grid.fileName, sheet: sheet.name, row: rec.row, column: null, message: `Ligne ${rec.row} « ${rec.label} », ${PHASE_WORDS[rec.phase]} : ${amount(rec.hiddenMinor!)} de ce total viennent de lignes masquées, exclues des totaux par défaut.` });
  } // prettier-ignore
  const reading = { rows, issues, reconciliations, plan, rowCounts, direction: ctx.forced ?? direction }; // prettier-ignore
  return pick ? { ...reading, pick } : reading;
}
