import type { GridSheet } from '../grid';
import { isLegendRow, type HeaderBlock } from './find-header';
import type { SheetMapping, TableMapping } from './mapping';
import { normaliseHeader } from './normalise-header';
import { cellAt, filledColumns, isNumericCell, mergedTextAt, textAt } from './sheet-cells';

/** One table of a sheet: rows `from` (its title) to `to` (exclusive), read with `mapping`. */
export interface TableSegment {
  from: number;
  to: number;
  mapping: SheetMapping;
}

/**
 * Cuts a sheet into the tables a template lists: each starts at the first row, after the
 * previous table's start, whose leftmost text begins with the table's `start` (compared
 * normalised), and ends where the next one starts. Rows above the first table (a cover block)
 * belong to none. Tables a template lists but the sheet lacks are returned in `missing`.
 */
export function tableSegments(
  sheet: GridSheet,
  base: SheetMapping,
  tables: readonly TableMapping[],
): { segments: TableSegment[]; missing: string[] } {
  const starts: { row: number; table: TableMapping }[] = [];
  const missing: string[] = [];
  let from = 0;
  for (const table of tables) {
    const wanted = normaliseHeader(table.start);
    let found = -1;
    for (let r = from; r < sheet.rows.length && found < 0; r += 1) {
      const first = filledColumns(sheet, r)[0];
      if (first !== undefined && normaliseHeader(textAt(sheet, r, first)).startsWith(wanted))
        found = r;
    }
    if (found < 0) missing.push(table.start);
    else {
      starts.push({ row: found, table });
      from = found + 1;
    }
  }
  const segments = starts.map(({ row, table }, i) => {
    const own: SheetMapping = { ...table };
    delete (own as Partial<TableMapping>).start;
    const mapping = {
      ...base,
      ...own,
      fields: { ...base.fields, ...own.fields },
      tables: undefined,
    };
    return { from: row, to: starts[i + 1]?.row ?? sheet.rows.length, mapping };
  });
  return { segments, missing };
}

/** True when a header cell's text is the named header (normalised, whole or inside it). */
function names(sheet: GridSheet, row: number, col: number, wanted: string): boolean {
  const text = normaliseHeader(mergedTextAt(sheet, row, col));
  return text !== '' && (text === wanted || text.includes(wanted));
}

/**
 * The header of a table in rows `from`–`to`: the first row where at least two of the template's
 * header texts stand, with the legend row under it ("a | b | text | 1 | 2 | 3"). Used where the
 * headers are in a language the vocabulary does not know. Null when no row qualifies.
 */
export function findHeaderByNames(
  sheet: GridSheet,
  headerTexts: readonly string[],
  from: number,
  to: number,
): HeaderBlock | null {
  const wanted = headerTexts.map(normaliseHeader).filter((w) => w && !/^[A-Z]{1,3}$/.test(w));
  for (let r = from; r < Math.min(to, from + 40); r += 1) {
    const cols = filledColumns(sheet, r);
    const hits = wanted.filter((w) => cols.some((c) => names(sheet, r, c, w))).length;
    if (hits < Math.min(2, wanted.length)) continue;
    const rows = [r];
    const legendRows: number[] = [];
    if (r + 1 < to && isLegendRow(sheet, r + 1)) {
      rows.push(r + 1);
      legendRows.push(r + 1);
    }
    const columns = cols
      .filter((c) => {
        const cell = cellAt(sheet, r, c);
        return cell?.type === 'string' && !isNumericCell(cell);
      })
      .map((col) => {
        const name = mergedTextAt(sheet, r, col).replace(/\s+/g, ' ');
        return { col, parts: [name], name };
      });
    return { rows, legendRows, columns, firstDataRow: rows[rows.length - 1]! + 1, score: hits };
  }
  return null;
}
