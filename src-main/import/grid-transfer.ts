import type { CellType, Grid, GridCell, GridSheet } from '../../src-shared/grid';
import type { ReadResult } from './read-grid';

/**
 * A Grid flattened into typed arrays and one table of distinct strings, so that the read worker
 * hands it over by transfer: a structured clone of a million cell objects costs more than the
 * rest of a CSV read (about 1,5 s at 100 000 lines).
 */
export interface PackedSheet extends Omit<GridSheet, 'rows'> {
  rowLengths: Int32Array;
  /** Per cell: 0 for no cell, else CELL_TYPES index + 1, with the value's kind and flags. */
  tags: Uint16Array;
  numbers: Float64Array;
  /** Per cell, four indexes into `strings` (value, text, format, formula); -1 for null. */
  stringRefs: Int32Array;
}

export type PackedGrid = Omit<Grid, 'sheets'> & { sheets: PackedSheet[]; strings: string[] };
export type PackedResult = { ok: true; grid: PackedGrid } | Extract<ReadResult, { ok: false }>;

const CELL_TYPES: readonly CellType[] = ['string', 'number', 'boolean', 'date', 'error', 'empty'];
const TYPE_INDEX: Record<CellType, number> = {
  string: 1,
  number: 2,
  boolean: 3,
  date: 4,
  error: 5,
  empty: 6,
};
// Bits above the type: how the value is held, and formulaWithoutValue.
const VALUE_NUMBER = 1 << 4;
const VALUE_STRING = 2 << 4;
const VALUE_BOOLEAN = 3 << 4;
const VALUE_MASK = 3 << 4;
const WITHOUT_VALUE = 1 << 6;

function packSheet(sheet: GridSheet, stringIndex: (text: string | null) => number): PackedSheet {
  const cellCount = sheet.rows.reduce((sum, row) => sum + row.length, 0);
  const rowLengths = new Int32Array(sheet.rows.length);
  const tags = new Uint16Array(cellCount);
  const numbers = new Float64Array(cellCount);
  const stringRefs = new Int32Array(cellCount * 4);
  let i = 0;
  sheet.rows.forEach((row, r) => {
    rowLengths[r] = row.length;
    for (let c = 0; c < row.length; c++, i++) {
      const cell = row[c];
      if (!cell) continue;
      let tag = TYPE_INDEX[cell.type];
      const value = cell.value;
      let valueRef = -1;
      if (typeof value === 'number') {
        tag |= VALUE_NUMBER;
        numbers[i] = value;
      } else if (typeof value === 'string') {
        tag |= VALUE_STRING;
        valueRef = stringIndex(value);
      } else if (typeof value === 'boolean') {
        tag |= VALUE_BOOLEAN;
        numbers[i] = value ? 1 : 0;
      }
      if (cell.formulaWithoutValue) tag |= WITHOUT_VALUE;
      tags[i] = tag;
      stringRefs[i * 4] = valueRef;
      // A CSV cell's text is its value: one look-up instead of two.
      stringRefs[i * 4 + 1] =
        valueRef >= 0 && cell.text === value ? valueRef : stringIndex(cell.text);
      stringRefs[i * 4 + 2] = stringIndex(cell.format);
      stringRefs[i * 4 + 3] = stringIndex(cell.formula);
    }
  });
  const { name, hidden, merges, hiddenRows, hiddenCols } = sheet;
  return { name, hidden, merges, hiddenRows, hiddenCols, rowLengths, tags, numbers, stringRefs };
}

/** Packs a read's Grid; returns it with the buffers to transfer. */
export function packResult(result: ReadResult): {
  packed: PackedResult;
  transfer: ArrayBuffer[];
} {
  if (!result.ok) return { packed: result, transfer: [] };
  const strings: string[] = [''];
  const seen = new Map<string, number>();
  // A workbook repeats its shared strings; a CSV's fields are mostly distinct figures, and
  // looking each up costs more than sending it twice (about 0,3 s at 100 000 lines).
  const isDistinct = result.grid.format === 'csv';
  const stringIndex = (text: string | null) => {
    if (text === null) return -1;
    if (text === '') return 0;
    if (isDistinct) return strings.push(text) - 1;
    let index = seen.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      seen.set(text, index);
    }
    return index;
  };
  const sheets = result.grid.sheets.map((sheet) => packSheet(sheet, stringIndex));
  const transfer = sheets.flatMap((s) =>
    [s.rowLengths, s.tags, s.numbers, s.stringRefs].map((a) => a.buffer as ArrayBuffer),
  );
  return { packed: { ok: true, grid: { ...result.grid, sheets, strings } }, transfer };
}

function unpackSheet(sheet: PackedSheet, strings: string[]): GridSheet {
  const { rowLengths, tags, numbers, stringRefs, ...rest } = sheet;
  const text = (ref: number) => (ref < 0 ? null : strings[ref]!);
  const rows: (GridCell | null)[][] = [];
  let i = 0;
  for (const length of rowLengths) {
    const row: (GridCell | null)[] = new Array<GridCell | null>(length);
    for (let c = 0; c < length; c++, i++) {
      const tag = tags[i]!;
      const type = CELL_TYPES[(tag & 15) - 1];
      if (type === undefined) {
        row[c] = null;
        continue;
      }
      const held = tag & VALUE_MASK;
      row[c] = {
        type,
        value:
          held === VALUE_NUMBER
            ? numbers[i]!
            : held === VALUE_STRING
              ? text(stringRefs[i * 4]!)
              : held === VALUE_BOOLEAN
                ? numbers[i] === 1
                : null,
        text: text(stringRefs[i * 4 + 1]!),
        format: text(stringRefs[i * 4 + 2]!),
        formula: text(stringRefs[i * 4 + 3]!),
        formulaWithoutValue: (tag & WITHOUT_VALUE) !== 0,
      };
    }
    rows.push(row);
  }
  return { ...rest, rows };
}

/** The Grid packResult packed, cell for cell. */
export function unpackResult(packed: PackedResult): ReadResult {
  if (!packed.ok) return packed;
  const { strings, sheets, ...grid } = packed.grid;
  return { ok: true, grid: { ...grid, sheets: sheets.map((s) => unpackSheet(s, strings)) } };
}
