import * as XLSX from 'xlsx';
import { messagesFor } from './messages';
import type { ReportInput } from './report-input';
import { safeCellText } from './safe-text';
import { allViews, type Cell, type Column, type TableView } from './table-views';

const MAX_WIDTH = 60;

function numberFormat(column: Column, exponent: number): string {
  if (column.kind === 'amount') return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
  if (column.kind === 'percent') return '0.0';
  return '0';
}

function toCell(value: Cell, column: Column, exponent: number): XLSX.CellObject | null {
  if (value === null) return null;
  // Numbers go in as numbers with a format; only text is neutralised.
  if (typeof value === 'number') return { t: 'n', v: value, z: numberFormat(column, exponent) };
  return { t: 's', v: safeCellText(value) };
}

function widthOf(value: Cell): number {
  if (value === null) return 0;
  // A formatted amount gains a separator every three digits.
  if (typeof value === 'number') return Math.ceil(String(Math.round(value)).length * 1.35) + 1;
  return Math.max(...value.split('\n').map((part) => part.length));
}

function toSheet(view: TableView, exponent: number): XLSX.WorkSheet {
  const data: (XLSX.CellObject | null)[][] = [
    view.columns.map((c) => ({ t: 's', v: c.key })),
    ...view.rows.map((row) => row.map((v, i) => toCell(v, view.columns[i]!, exponent))),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(data);
  sheet['!cols'] = view.columns.map((c, i) => ({
    wch: Math.min(
      MAX_WIDTH,
      Math.max(c.key.length + 2, ...view.rows.map((r) => widthOf(r[i] ?? null) + 2)),
    ),
  }));
  sheet['!autofilter'] = { ref: sheet['!ref'] ?? 'A1' };
  return sheet;
}

const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" ' +
  'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

/**
 * SheetJS's community build does not write frozen panes; the header row is frozen by editing
 * each sheet's view in the written package.
 */
function freezeHeaderRows(xlsx: Buffer): Buffer {
  const zip = XLSX.CFB.read(xlsx, { type: 'buffer' });
  for (const [i, path] of zip.FullPaths.entries()) {
    if (!/\/xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const entry = zip.FileIndex[i]!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const frozen = xml.replace('<sheetView workbookViewId="0"/>', FROZEN_VIEW);
    if (frozen === xml) throw new Error(`no sheet view to freeze in ${path}`);
    entry.content = Buffer.from(frozen, 'utf8');
    entry.size = entry.content.length;
  }
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}

/** The four views of the budget as a workbook, one sheet each, typed and formatted. */
export function renderWorkbook(input: ReportInput): Buffer {
  const m = messagesFor(input.lang);
  const book = XLSX.utils.book_new();
  for (const view of allViews(input)) {
    XLSX.utils.book_append_sheet(
      book,
      toSheet(view, input.budget.currencyExponent),
      m[`sheet.${view.name}`],
    );
  }
  book.Props = {
    Title: `${input.budget.entity} ${input.budget.fiscalYear ?? ''}`.trim(),
    Author: 'Budget Clair',
  };
  const written = XLSX.write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    compression: true,
  }) as Buffer;
  return freezeHeaderRows(written);
}
