import type { GridCell, GridSheet, MergedRange } from '../grid';

/** The cell at a 0-based row and column, or null when the row is short or the cell empty. */
export function cellAt(sheet: GridSheet, row: number, col: number): GridCell | null {
  const cell = sheet.rows[row]?.[col] ?? null;
  if (!cell || cell.type === 'empty') return cell?.formulaWithoutValue ? cell : null;
  return cell;
}

/** The text a cell shows: the formatted text when known, else its value written plainly. */
export function textOf(cell: GridCell | null): string {
  if (!cell) return '';
  if (cell.type === 'string' || cell.type === 'error') return String(cell.value ?? '').trim();
  if (cell.text !== null && cell.text !== undefined && cell.text.trim() !== '')
    return cell.text.trim();
  return cell.value === null ? '' : String(cell.value).trim();
}

/** The text at a position, without following merges. */
export function textAt(sheet: GridSheet, row: number, col: number): string {
  return textOf(cellAt(sheet, row, col));
}

/** The merged block covering a position, or null. */
export function mergeAt(sheet: GridSheet, row: number, col: number): MergedRange | null {
  for (const m of sheet.merges) {
    if (row >= m.startRow && row <= m.endRow && col >= m.startCol && col <= m.endCol) return m;
  }
  return null;
}

/** The text at a position, taking a merged block's text from its top-left cell. */
export function mergedTextAt(sheet: GridSheet, row: number, col: number): string {
  const m = mergeAt(sheet, row, col);
  return m ? textAt(sheet, m.startRow, m.startCol) : textAt(sheet, row, col);
}

/** Number of columns the sheet uses (the longest row). */
export function widthOf(sheet: GridSheet): number {
  let width = 0;
  for (const row of sheet.rows) {
    for (let c = (row?.length ?? 0) - 1; c >= width; c -= 1) {
      if (row?.[c]) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

/** 0-based indexes of the non-empty cells of a row. */
export function filledColumns(sheet: GridSheet, row: number): number[] {
  const cells = sheet.rows[row] ?? [];
  const cols: number[] = [];
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (cell && (cell.formulaWithoutValue || textOf(cell) !== '')) cols.push(col);
  }
  return cols;
}

/**
 * filledColumns and the non-blank texts of those cells (as textAt reads them), in one pass over
 * the row: what every data row needs.
 */
export function filledTexts(sheet: GridSheet, row: number): { cols: number[]; texts: string[] } {
  const cells = sheet.rows[row] ?? [];
  const cols: number[] = [];
  const texts: string[] = [];
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (!cell) continue;
    const text = textOf(cell);
    if (!cell.formulaWithoutValue && text === '') continue;
    cols.push(col);
    // cellAt reads an empty cell without a formula as no cell at all.
    if (text !== '' && (cell.type !== 'empty' || cell.formulaWithoutValue)) texts.push(text);
  }
  return { cols, texts };
}

/** True for a cell that holds a number, or text that is only a number (codes stored as text). */
export function isNumericCell(cell: GridCell | null): boolean {
  if (!cell) return false;
  if (cell.type === 'number') return true;
  return cell.type === 'string' && /^[-(]?[\d\s.,'\u00a0\u202f]*\d[\d\s.,]*\)?$/.test(textOf(cell));
}
