import type { GridSheet } from '../grid';
import { normaliseHeader, normalisesTo } from './normalise-header';
import { cellAt, filledColumns, isNumericCell, mergeAt, mergedTextAt, textAt } from './sheet-cells';
import { matchHeader } from './vocabulary';

/** The header of a table: its rows, the name of each column and where the data begins. */
export interface HeaderBlock {
  /** 0-based rows of the header, top to bottom, legend rows included. */
  rows: number[];
  /** 0-based rows such as "A | B | C=A+B": part of the header, no names in them. */
  legendRows: number[];
  /** Each column that has a name: the parts from top to bottom and the joined name. */
  columns: { col: number; parts: string[]; name: string }[];
  firstDataRow: number;
  /** How many distinct fields the header names; how sure we are it is the header. */
  score: number;
}

const SEARCH_ROWS = 80;
const LEGEND_TOKEN = /^(?:[A-Z]{1,2}|\(?\d{1,2}\)?|[A-Z0-9()]+\s*=\s*[A-Z0-9()+\-*/×÷.\s]+)$/i;

/**
 * A row of letters and formulas naming the columns ("A | B | C=A+B | G=D/A*100", or the
 * "a | b | text | 1 | 2 | 3" of printed reports): texts only, two thirds of them such tokens
 * and the others single short words.
 */
export function isLegendRow(sheet: GridSheet, row: number): boolean {
  const cols = filledColumns(sheet, row);
  if (cols.length < 2) return false;
  const texts = cols.map((c) => [cellAt(sheet, row, c), textAt(sheet, row, c)] as const);
  if (texts.some(([cell]) => cell?.type !== 'string')) return false;
  const tokens = texts.filter(([, t]) => LEGEND_TOKEN.test(t)).length;
  const others = texts.filter(([, t]) => !LEGEND_TOKEN.test(t));
  return tokens >= (2 / 3) * texts.length && others.every(([, t]) => /^\p{Ll}{1,6}$/u.test(t));
}

/** Distinct fields the texts of a row name. */
function rowScore(sheet: GridSheet, row: number): number {
  const fields = new Set<string>();
  for (const col of filledColumns(sheet, row)) {
    const cell = cellAt(sheet, row, col);
    if (!cell || cell.type !== 'string' || isNumericCell(cell)) continue;
    const text = textAt(sheet, row, col);
    if (text.length > 120 || /:\s*\S/.test(text)) continue;
    const match = matchHeader([text]);
    if (match) fields.add(match.field);
  }
  return fields.size;
}

/** A row that can be part of a header: texts only, no figures, no title sentence. */
function isTextRow(sheet: GridSheet, row: number): boolean {
  const cols = filledColumns(sheet, row);
  if (cols.length === 0) return false;
  return cols.every((c) => {
    const cell = cellAt(sheet, row, c);
    return (
      !!cell &&
      cell.type === 'string' &&
      !isNumericCell(cell) &&
      !/:\s*\S/.test(textAt(sheet, row, c))
    );
  });
}

function spansWidth(sheet: GridSheet, row: number, from: number, to: number): boolean {
  const cols = filledColumns(sheet, row);
  if (cols.length !== 1) return false;
  const m = mergeAt(sheet, row, cols[0] ?? 0);
  return !!m && m.endCol - m.startCol + 1 >= 0.7 * (to - from + 1);
}

/** True when a cell of `upper` is merged across columns that `lower` names separately. */
function groupsBelow(sheet: GridSheet, upper: number, lower: number): boolean {
  return filledColumns(sheet, upper).some((c) => {
    const m = mergeAt(sheet, upper, c);
    if (!m || m.endCol === m.startCol) return false;
    const under = filledColumns(sheet, lower).filter((x) => x >= m.startCol && x <= m.endCol);
    return under.length >= 2;
  });
}

function columnsOf(sheet: GridSheet, rows: number[], legendRows: number[]): HeaderBlock['columns'] {
  const named = rows.filter((r) => !legendRows.includes(r));
  const width = Math.max(...named.map((r) => sheet.rows[r]?.length ?? 0), 0);
  const columns: HeaderBlock['columns'] = [];
  for (let col = 0; col < width; col += 1) {
    const parts: string[] = [];
    for (const r of named) {
      const text = mergedTextAt(sheet, r, col).replace(/\s+/g, ' ');
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    if (parts.length > 0) columns.push({ col, parts, name: parts.join(' / ') });
  }
  return columns;
}

/**
 * Finds a sheet's table header in its first rows: the row that names most fields, joined with
 * the rows above that group it (a merged "PRÉVISIONS" over "Initiales | Définitives") and the
 * rows below that it groups ("Budget Estimates" over "Rec | Dev | Total"), up to three named
 * rows, plus a legend row ("A | B | C=A+B"). `fixedRows` (0-based) come from a template.
 * Returns null when no row names at least two fields.
 */
export function findHeader(sheet: GridSheet, fixedRows?: number[]): HeaderBlock | null {
  if (fixedRows && fixedRows.length > 0) {
    const rows = [...fixedRows].sort((a, b) => a - b);
    const legendRows = rows.filter((r) => isLegendRow(sheet, r));
    const last = rows[rows.length - 1] ?? 0;
    const score = Math.max(...rows.map((r) => rowScore(sheet, r)));
    return {
      rows,
      legendRows,
      columns: columnsOf(sheet, rows, legendRows),
      firstDataRow: last + 1,
      score,
    };
  }

  let best = -1;
  let bestScore = 1;
  const limit = Math.min(sheet.rows.length, SEARCH_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const score = rowScore(sheet, r);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  if (best < 0) return null;

  const cols = filledColumns(sheet, best);
  const [from, to] = [cols[0] ?? 0, cols[cols.length - 1] ?? 0];
  let top = best;
  while (
    top > 0 &&
    best - top < 2 &&
    isTextRow(sheet, top - 1) &&
    !spansWidth(sheet, top - 1, from, to)
  ) {
    if (rowScore(sheet, top - 1) === 0 && !groupsBelow(sheet, top - 1, top)) break;
    top -= 1;
  }
  let bottom = best;
  const legendRows: number[] = [];
  while (bottom + 1 < sheet.rows.length && bottom - top < 3) {
    const next = bottom + 1;
    if (isLegendRow(sheet, next)) legendRows.push(next);
    else if (
      !isTextRow(sheet, next) ||
      !(groupsBelow(sheet, bottom, next) || rowScore(sheet, next) > 0)
    )
      break;
    bottom = next;
  }

  const rows = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
  return {
    rows,
    legendRows,
    columns: columnsOf(sheet, rows, legendRows),
    firstDataRow: bottom + 1,
    score: bestScore,
  };
}

// Normalised texts of each header row by column, computed once per header rather than per row.
const headerTexts = new WeakMap<
  HeaderBlock,
  { sheet: GridSheet; rows: number[]; texts: { cols: number[]; texts: string[] }[] }
>();

function headerRowTexts(sheet: GridSheet, header: HeaderBlock) {
  const cached = headerTexts.get(header);
  if (cached && cached.sheet === sheet && cached.rows === header.rows) return cached.texts;
  const texts = header.rows.map((h) => {
    const cols = filledColumns(sheet, h);
    return { cols, texts: cols.map((c) => normaliseHeader(textAt(sheet, h, c))) };
  });
  headerTexts.set(header, { sheet, rows: header.rows, texts });
  return texts;
}

/**
 * True when a data row repeats a header row, as printed reports do at the top of every page:
 * at least two thirds of that header row's texts (two at least) stand in the same columns.
 */
export function isRepeatedHeader(sheet: GridSheet, row: number, header: HeaderBlock): boolean {
  return headerRowTexts(sheet, header).some(({ cols, texts }) => {
    if (cols.length < 2) return false;
    let needed = 2;
    while (needed < (2 / 3) * cols.length) needed++;
    // Stop at the first miss too many: a data row is told apart from a header in a few cells.
    let misses = 0;
    let same = 0;
    for (let i = 0; i < cols.length && misses <= cols.length - needed; i++) {
      const text = texts[i]!;
      if (text !== '' && normalisesTo(textAt(sheet, row, cols[i]!), text)) same++;
      else misses++;
    }
    return same >= needed;
  });
}
