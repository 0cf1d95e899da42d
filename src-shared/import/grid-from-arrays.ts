import type { Grid, GridCell, GridSheet, MergedRange } from '../grid';

/** A cell as a table literal writes it: a number, a text, `=formula` (no saved value) or null. */
export type CellLiteral = string | number | null | GridCell;

/** Builds one cell: numbers become number cells, `=…` a formula without a saved value. */
export function cellOf(literal: CellLiteral): GridCell | null {
  if (literal === null || literal === '') return null;
  if (typeof literal === 'object') return literal;
  if (typeof literal === 'number') {
    return { type: 'number', value: literal, text: String(literal), format: null, formula: null, formulaWithoutValue: false };
  }
  if (literal.startsWith('=')) {
    return { type: 'empty', value: null, text: null, format: null, formula: literal.slice(1), formulaWithoutValue: true };
  }
  return { type: 'string', value: literal, text: literal, format: null, formula: null, formulaWithoutValue: false };
} // prettier-ignore

/** A sheet from rows of literals, with optional merges and hidden rows (0-based). */
export function sheetOf(
  name: string,
  rows: CellLiteral[][],
  extra: { merges?: MergedRange[]; hiddenRows?: number[]; hidden?: boolean } = {},
): GridSheet {
  return {
    name,
    hidden: extra.hidden ?? false,
    rows: rows.map((row) => row.map(cellOf)),
    merges: extra.merges ?? [],
    hiddenRows: extra.hiddenRows ?? [],
    hiddenCols: [],
  };
}

/**
 * A Grid built by hand, for tests and for callers that hold a table already (pasted cells).
 * The format defaults to xlsx; pass `csv` with a delimiter to mimic a text file.
 */
export function gridOf(
  sheets: GridSheet[],
  extra: { fileName?: string; format?: Grid['format']; delimiter?: string | null } = {},
): Grid {
  return {
    fileName: extra.fileName ?? 'test.xlsx',
    format: extra.format ?? 'xlsx',
    encoding: extra.format === 'csv' ? 'utf-8' : null,
    delimiter: extra.delimiter ?? null,
    sheets,
    notes: [],
  };
}
