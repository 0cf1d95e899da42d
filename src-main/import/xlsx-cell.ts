import * as XLSX from 'xlsx';
import type { GridCell } from '../../src-shared/grid';

/** A cell as SheetJS would hold it after reading, before read-workbook.ts converts it. */
export type RawCell =
  | { t: 's'; v: string | undefined }
  | { t: 'n'; v: number }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string | undefined }
  /** A stub: cellStyles makes SheetJS keep empty cells (sheetStubs), with their format. */
  | { t: 'z' };

type ValueCell = Exclude<RawCell, { t: 'z' }>;

// Error codes by text, and back: SheetJS keeps the code as the value and the text as the text.
const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
  '#WTF?': 0xff,
};
const ERROR_TEXTS = new Map(Object.entries(ERROR_CODES).map(([text, code]) => [code, text]));

const dateFormats = new Map<string, boolean>();

function isDateFormat(format: string): boolean {
  let isDate = dateFormats.get(format);
  if (isDate === undefined) {
    isDate = Boolean(XLSX.SSF.is_date(format));
    dateFormats.set(format, isDate);
  }
  return isDate;
}

/** The text SheetJS's cellText gives: General has its own short paths, the rest is SSF.format. */
function formattedText(cell: ValueCell, formatId: number, format: string, date1904: boolean) {
  if (formatId === 0) {
    switch (cell.t) {
      case 'n':
        return (cell.v | 0) === cell.v ? cell.v.toString(10) : XLSX.SSF.format('General', cell.v);
      case 's':
        return cell.v;
      case 'b':
        return cell.v ? 'TRUE' : 'FALSE';
    }
  }
  if (cell.t === 'n') return formatNumber(format, cell.v, date1904);
  return applyFormat(format, cell.v, date1904);
}

function applyFormat(
  format: string,
  value: string | number | boolean | undefined,
  date1904: boolean,
) {
  try {
    return XLSX.SSF.format(format, value as string | number | boolean, { date1904 });
  } catch {
    // SheetJS swallows a format it cannot apply and leaves the cell without its text.
    return undefined;
  }
}

// Budgets repeat their amounts (zeros above all); SSF.format parses the format anew on every
// call, so its results are kept, per format, up to a bound.
const MAX_REMEMBERED = 20_000;
const formatted = new Map<string, Map<number, string | undefined>>();

/** `#,##0` of a whole number, as SSF writes it; the test holds the two to the same text. */
export function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? `-${out}` : out;
}

function formatNumber(format: string, value: number, date1904: boolean) {
  if (format === '#,##0' && Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return groupThousands(value);
  }
  // A Map holds 0 and -0 as one key, and SSF may write them apart.
  if (Object.is(value, -0)) return applyFormat(format, value, date1904);
  const key = date1904 ? `1904|${format}` : format;
  let known = formatted.get(key);
  if (!known) formatted.set(key, (known = new Map()));
  if (known.has(value)) return known.get(value);
  const text = applyFormat(format, value, date1904);
  if (known.size < MAX_REMEMBERED) known.set(value, text);
  return text;
}

/**
 * The GridCell that read-workbook.ts would make of this SheetJS cell: same type, value, text and
 * format, so that both paths give one Grid.
 */
export function toGridCell(
  cell: RawCell,
  formatId: number,
  format: string,
  formula: string | null,
  date1904: boolean,
): GridCell | null {
  if (cell.t === 'z') {
    if (formula === null) return null;
    return { type: 'empty', value: null, text: null, format, formula, formulaWithoutValue: false };
  }
  if (cell.t === 'e') {
    const code = cell.v === undefined ? undefined : ERROR_CODES[cell.v];
    const text = cell.v || (code === undefined ? undefined : ERROR_TEXTS.get(code));
    const errorText = text ?? '#ERROR';
    return {
      type: 'error',
      value: errorText,
      text: errorText,
      format,
      formula,
      formulaWithoutValue: false,
    };
  }
  const text = formattedText(cell, formatId, format, date1904);
  switch (cell.t) {
    case 's':
      return {
        type: 'string',
        value: cell.v ?? '',
        text: text ?? cell.v ?? '',
        format,
        formula,
        formulaWithoutValue: false,
      };
    case 'n':
      return {
        type: isDateFormat(format) ? 'date' : 'number',
        value: cell.v,
        text: text ?? null,
        format,
        formula,
        formulaWithoutValue: false,
      };
    case 'b':
      return {
        type: 'boolean',
        value: cell.v,
        text: text ?? null,
        format,
        formula,
        formulaWithoutValue: false,
      };
  }
}
