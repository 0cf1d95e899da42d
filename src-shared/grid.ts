/**
 * The seam between bytes and meaning: every reader (xlsx, xls, ods, csv) produces a Grid, and
 * everything after it is pure and the same for all formats.
 */

/** What a cell held. `error` is a spreadsheet error value such as `#DIV/0!`. */
export type CellType = 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty';

export interface GridCell {
  type: CellType;
  /** The typed value: number for numbers and dates (serial), string for text and errors. */
  value: string | number | boolean | null;
  /** The text as the file shows it (formatted number, raw CSV field), when known. */
  text: string | null;
  /** Number format code, e.g. `#,##0.00`, when the file has one. */
  format: string | null;
  /** Formula without the leading `=`, when the cell has one. */
  formula: string | null;
  /** True when the cell has a formula and the file saved no value for it. */
  formulaWithoutValue: boolean;
}

/** A merged block, 0-based inclusive row and column indexes. */
export interface MergedRange {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface GridSheet {
  name: string;
  /** Hidden or very hidden sheet. */
  hidden: boolean;
  /** Dense rows, 0-based; a missing cell or a short row means empty. */
  rows: (GridCell | null)[][];
  merges: MergedRange[];
  /** 0-based indexes of hidden rows and columns. */
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface Grid {
  fileName: string;
  format: 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv';
  /** The text encoding a CSV was decoded with; null for workbooks. */
  encoding: string | null;
  /** CSV only: the delimiter found. */
  delimiter: string | null;
  sheets: GridSheet[];
  /** Things the reader noticed (macros ignored, encoding guessed, …), already located. */
  notes: {
    severity: 'error' | 'warning' | 'info';
    code: string;
    message: string;
    sheet: string | null;
    row: number | null;
    column: string | null;
  }[];
}

/** Column letters as a spreadsheet writes them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based row and column. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
