import { columnHeader } from './column-headers';
import type { ReportInput, ReportLang } from './report-input';
import { revealInvisible, safeCellText } from './safe-text';
import { linesView, type Cell, type TableView } from './table-views';

export type CsvMode = 'safe' | 'raw';

// Excel guesses the encoding of a CSV without one; the BOM makes it read UTF-8 (accents).
const BOM = '\uFEFF';

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim()
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

function formatCell(cell: Cell, mode: CsvMode): string {
  if (cell === null) return '';
  // Numbers are written as numbers, never neutralised: -1500 stays -1500.
  if (typeof cell === 'number') return String(cell);
  return quote(mode === 'safe' ? safeCellText(cell) : cell);
}

/**
 * A table as CSV: comma-separated, CRLF, UTF-8 with a BOM. `safe` (the default) reveals
 * invisible characters and neutralises text that a spreadsheet would run as a formula; `raw`
 * keeps every text as stored, for programs. The header row holds the machine names unless
 * `headersIn` names a language for people to read.
 */
export function tableToCsv(
  view: TableView,
  mode: CsvMode = 'safe',
  { bom = true, headersIn }: { bom?: boolean; headersIn?: ReportLang } = {},
): string {
  const names = view.columns.map((c) => (headersIn ? columnHeader(c.key, headersIn) : c.key));
  const header = names.map((name) => quote(mode === 'safe' ? revealInvisible(name) : name));
  const rows = view.rows.map((row) => row.map((cell) => formatCell(cell, mode)).join(','));
  return `${bom ? BOM : ''}${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * The budget's lines and amounts as CSV: `safe` for people, with headers in the report's
 * language; `raw` for programs, with the machine names.
 */
export function renderLinesCsv(input: ReportInput, mode: CsvMode = 'safe'): string {
  return tableToCsv(linesView(input), mode, mode === 'safe' ? { headersIn: input.lang } : {});
}
