import * as XLSX from 'xlsx';
import { columnHeader } from './column-headers';
import { messagesFor } from './messages';
import type { ReportInput, ReportLang } from './report-input';
import { looksLikeFormula, revealInvisible } from './safe-text';
import { allViews, type Cell, type Column, type TableView } from './table-views';

const MAX_WIDTH = 60;

function numberFormat(column: Column, exponent: number): string {
  if (column.kind === 'amount') return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
  if (column.kind === 'percent') return '0.0';
  return '0';
}

function toCell(value: Cell, column: Column, exponent: number): XLSX.CellObject | null {
  if (value === null) return null;
  // Numbers go in as numbers with a format; only text is made safe.
  if (typeof value === 'number') return { t: 'n', v: value, z: numberFormat(column, exponent) };
  return { t: 's', v: revealInvisible(value) };
}

function widthOf(value: Cell): number {
  if (value === null) return 0;
  // A formatted amount gains a separator every three digits.
  if (typeof value === 'number') return Math.ceil(String(Math.round(value)).length * 1.35) + 1;
  return Math.max(...value.split('\n').map((part) => part.length));
}

/** A sheet and the addresses of its text cells that a spreadsheet would run as formulas. */
interface BuiltSheet {
  sheet: XLSX.WorkSheet;
  formulaLike: Set<string>;
}

function toSheet(view: TableView, exponent: number, lang: ReportLang): BuiltSheet {
  const headers = view.columns.map((c) => columnHeader(c.key, lang));
  const data: (XLSX.CellObject | null)[][] = [
    headers.map((h) => ({ t: 's', v: h })),
    ...view.rows.map((row) => row.map((v, i) => toCell(v, view.columns[i]!, exponent))),
  ];
  const formulaLike = new Set<string>();
  data.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.t === 's' && looksLikeFormula(String(cell.v))) {
        formulaLike.add(XLSX.utils.encode_cell({ r, c }));
      }
    }),
  );
  const sheet = XLSX.utils.aoa_to_sheet(data);
  sheet['!cols'] = headers.map((h, i) => ({
    wch: Math.min(
      MAX_WIDTH,
      Math.max(h.length + 2, ...view.rows.map((r) => widthOf(r[i] ?? null) + 2)),
    ),
  }));
  sheet['!autofilter'] = { ref: sheet['!ref'] ?? 'A1' };
  return { sheet, formulaLike };
}

const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" ' +
  'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

const QUOTED_XF =
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"/>';

/** Adds a cell style with quotePrefix to styles.xml and returns the package and its index. */
function addQuotedStyle(xml: string): { xml: string; index: number } {
  const match = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!match) throw new Error('no cellXfs in styles.xml');
  const index = (match[2]!.match(/<xf\b/g) ?? []).length;
  const replaced = `<cellXfs count="${index + 1}">${match[2]}${QUOTED_XF}</cellXfs>`;
  return { xml: xml.replace(match[0], replaced), index };
}

/** Points each listed cell of a sheet's XML at the quoted style. */
function quoteCells(xml: string, refs: Set<string>, style: number): string {
  if (refs.size === 0) return xml;
  return xml.replace(
    /<c r="([A-Z]+\d+)"([^>]*?)(\/?)>/g,
    (whole, ref: string, attrs: string, end) => {
      if (!refs.has(ref)) return whole;
      return `<c r="${ref}"${attrs.replace(/\s+s="\d+"/, '')} s="${style}"${end}>`;
    },
  );
}

/**
 * SheetJS's community build writes neither frozen panes nor the quotePrefix style, so both are
 * added to the written package: the header row is frozen, and text that looks like a formula
 * ("=HYPERLINK(…)", "-15 %") is marked as text by its style, the way a spreadsheet does when a
 * user types an apostrophe, so that the cell shows the text as it is and never runs it.
 */
function finishPackage(xlsx: Buffer, formulaLike: Set<string>[]): Buffer {
  const zip = XLSX.CFB.read(xlsx, { type: 'buffer' });
  const read = (i: number) => Buffer.from(zip.FileIndex[i]!.content as Uint8Array).toString('utf8');
  const write = (i: number, text: string) => {
    const entry = zip.FileIndex[i]!;
    entry.content = Buffer.from(text, 'utf8');
    entry.size = entry.content.length;
  };
  const stylesAt = zip.FullPaths.findIndex((p: string) => p.endsWith('/xl/styles.xml'));
  if (stylesAt < 0) throw new Error('no styles.xml in the written workbook');
  const styled = addQuotedStyle(read(stylesAt));
  write(stylesAt, styled.xml);
  for (const [i, path] of zip.FullPaths.entries()) {
    const sheet = /\/xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
    if (!sheet) continue;
    const xml = read(i);
    const frozen = xml.replace('<sheetView workbookViewId="0"/>', FROZEN_VIEW);
    if (frozen === xml) throw new Error(`no sheet view to freeze in ${path}`);
    write(i, quoteCells(frozen, formulaLike[Number(sheet[1]) - 1] ?? new Set(), styled.index));
  }
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}

/**
 * The four views of the budget as a workbook, one sheet each, typed and formatted, with headers
 * in the report's language.
 */
export function renderWorkbook(input: ReportInput): Buffer {
  const m = messagesFor(input.lang);
  const book = XLSX.utils.book_new();
  const formulaLike: Set<string>[] = [];
  for (const view of allViews(input)) {
    const built = toSheet(view, input.budget.currencyExponent, input.lang);
    formulaLike.push(built.formulaLike);
    XLSX.utils.book_append_sheet(book, built.sheet, m[`sheet.${view.name}`]);
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
  return finishPackage(written, formulaLike);
}
