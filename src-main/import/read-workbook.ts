import * as XLSX from 'xlsx';
import {
  cellAddress,
  columnLetter,
  type Grid,
  type GridCell,
  type GridSheet,
  type MergedRange,
} from '../../src-shared/grid';
import type { ReadLimits } from './limits';
import { fail, gridNote, type Failure, type GridNote } from './read-issue';

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'ods';
export type WorkbookRead = { ok: true; grid: Grid } | Failure;

/** Formula cells without a saved value, by sheet name: address → formula (xlsx-formula-scan.ts). */
export type FormulasWithoutValue = Map<string, Map<string, string>>;

// Error codes of the file formats, for error cells that come without their text.
const ERROR_TEXT = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

/** SheetJS's options for every workbook; exported so the bench times SheetJS alone with them. */
export const PARSE_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  // The declared range lies both ways (rows lost, or a million empty ones): read what is there.
  nodim: true,
  cellHTML: false,
  cellFormula: true,
  cellDates: false,
  cellNF: true,
  // cellText gives the formatted text a person sees. cellStyles is what makes SheetJS read
  // hidden rows and columns; it also adds stub cells for styled empty ones, dropped below.
  cellText: true,
  cellStyles: true,
  bookVBA: false,
};

function parseWorkbook(bytes: Uint8Array, fileName: string): XLSX.WorkBook | Failure {
  try {
    return XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), PARSE_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(reason)) {
      return fail(
        'password-protected',
        `« ${fileName} » est protégé par un mot de passe. Retirez le mot de passe dans votre tableur et importez-le à nouveau.`,
        fileName,
      );
    }
    return fail(
      'workbook-unreadable',
      `« ${fileName} » n'a pas pu être lu comme un classeur ; il est peut-être abîmé. Détail technique : « ${reason} ».`,
      fileName,
    );
  }
}

function dateSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function convertCell(cell: XLSX.CellObject): GridCell | null {
  const format = typeof cell.z === 'string' ? cell.z : null;
  const formula = typeof cell.f === 'string' ? cell.f : null;
  const text = typeof cell.w === 'string' ? cell.w : null;
  const base = { format, formula, formulaWithoutValue: false };
  switch (cell.t) {
    case 's':
      return {
        ...base,
        type: 'string',
        value: String(cell.v ?? ''),
        text: text ?? String(cell.v ?? ''),
      };
    case 'n': {
      const isDate = format !== null && XLSX.SSF.is_date(format);
      return { ...base, type: isDate ? 'date' : 'number', value: Number(cell.v), text };
    }
    case 'b':
      return { ...base, type: 'boolean', value: Boolean(cell.v), text };
    case 'e': {
      const errorText = text ?? ERROR_TEXT.get(Number(cell.v)) ?? '#ERROR';
      return { ...base, type: 'error', value: errorText, text: errorText };
    }
    case 'd': {
      const value = cell.v instanceof Date ? dateSerial(cell.v) : Number(cell.v);
      return { ...base, type: 'date', value, text };
    }
    default:
      return formula === null ? null : { ...base, type: 'empty', value: null, text };
  }
}

function hiddenIndexes(infos: ({ hidden?: boolean } | undefined)[] | undefined): number[] {
  const hidden: number[] = [];
  infos?.forEach((info, index) => {
    if (info?.hidden) hidden.push(index);
  });
  return hidden;
}

/**
 * SheetJS drops a formula cell that has no saved value, or gives it 0 when it keeps it. Put
 * each one back as an empty cell that says so: an uncomputed total must never read as zero.
 */
function placeFormulasWithoutValue(
  rows: (GridCell | null)[][],
  withoutValue: Map<string, string> | undefined,
  limits: ReadLimits,
) {
  for (const [address, formula] of withoutValue ?? []) {
    const { r, c } = XLSX.utils.decode_cell(address);
    if (r < 0 || c < 0 || r >= limits.maxRows || c >= limits.maxColumns) continue;
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length < c) row.push(null);
    row[c] = {
      type: 'empty',
      value: null,
      text: null,
      format: row[c]?.format ?? null,
      formula: row[c]?.formula ?? (formula || null),
      formulaWithoutValue: true,
    };
  }
}

/** A sheet's cells in rows (holes and nulls are empty), with what lies beside them. */
export interface SheetCells<T> {
  data: (T | null | undefined)[][];
  merges: MergedRange[];
  hiddenRows: number[];
  hiddenCols: number[];
}

/**
 * Checks a sheet against the limits and turns its cells into a GridSheet, whatever read them.
 * A null `convert` says the cells are GridCells already: their rows are then kept, not copied.
 */
export function convertSheet<T>(
  name: string,
  sheet: SheetCells<T>,
  convert: ((cell: T) => GridCell | null) | null,
  hidden: boolean,
  withoutValue: Map<string, string> | undefined,
  fileName: string,
  limits: ReadLimits,
): GridSheet | Failure {
  const data = sheet.data;
  if (data.length > limits.maxRows) {
    return fail(
      'too-many-rows',
      `La feuille « ${name} » de « ${fileName} » a ${data.length} lignes ; la limite est de ${limits.maxRows}.`,
      fileName,
      { sheet: name },
    );
  }

  const rows: (GridCell | null)[][] = [];
  let cells = 0;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: (GridCell | null)[] =
      convert === null && source ? (source as (GridCell | null)[]) : [];
    rows.push(row);
    if (!source) continue;
    if (source.length > limits.maxColumns) {
      return fail(
        'too-many-columns',
        `La ligne ${r + 1} de la feuille « ${name} » de « ${fileName} » a ${source.length} colonnes ; la limite est de ${limits.maxColumns}.`,
        fileName,
        { sheet: name, row: r + 1 },
      );
    }
    cells += source.length;
    if (cells > limits.maxCells) {
      return fail(
        'too-many-cells',
        `La feuille « ${name} » de « ${fileName} » dépasse la limite de ${limits.maxCells} cellules.`,
        fileName,
        { sheet: name, row: r + 1 },
      );
    }
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      const converted = cell ? (convert ? convert(cell) : (cell as unknown as GridCell)) : null;
      if (typeof converted?.value === 'string' && converted.value.length > limits.maxCellChars) {
        return fail(
          'cell-too-long',
          `La cellule ${cellAddress(r, c)} de la feuille « ${name} » de « ${fileName} » contient ${converted.value.length} caractères ; la limite est de ${limits.maxCellChars}, celle d'Excel.`,
          fileName,
          { sheet: name, row: r + 1, column: columnLetter(c) },
        );
      }
      row[c] = converted;
    }
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();

  placeFormulasWithoutValue(rows, withoutValue, limits);
  return {
    name,
    hidden,
    rows,
    merges: sheet.merges,
    hiddenRows: sheet.hiddenRows,
    hiddenCols: sheet.hiddenCols,
  };
}

function sheetCellsOf(sheet: XLSX.WorkSheet): SheetCells<XLSX.CellObject> {
  return {
    data: (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][],
    merges: (sheet['!merges'] ?? []).map((range) => ({
      startRow: range.s.r,
      startCol: range.s.c,
      endRow: range.e.r,
      endCol: range.e.c,
    })),
    hiddenRows: hiddenIndexes(sheet['!rows']),
    hiddenCols: hiddenIndexes(sheet['!cols']),
  };
}

/**
 * SheetJS keeps sheets in a plain object, so a sheet named `__proto__` became that object's
 * prototype rather than a property. Look names up as own properties, and that one apart.
 */
function sheetByName(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  if (Object.hasOwn(workbook.Sheets, name)) return workbook.Sheets[name];
  if (name !== '__proto__') return undefined;
  const prototype: unknown = Object.getPrototypeOf(workbook.Sheets);
  return prototype && prototype !== Object.prototype ? (prototype as XLSX.WorkSheet) : undefined;
}

/** One sheet as a reader hands it over: converted, with its count of formulas lacking a value. */
export type SheetRead = { ok: true; sheet: GridSheet; withoutValueCount: number } | Failure;

/**
 * The workbook around its sheets, the same whichever reader read them: the sheet limit, the
 * macros note, a note for each sheet that could not be read (`readSheet` gives null) and for
 * the formulas that have no saved value.
 */
export function assembleWorkbook(
  fileName: string,
  format: WorkbookFormat,
  names: string[],
  hasMacros: boolean,
  readSheet: (index: number, name: string) => SheetRead | null,
  limits: ReadLimits,
): WorkbookRead {
  if (names.length > limits.maxSheets) {
    return fail(
      'too-many-sheets',
      `« ${fileName} » a ${names.length} feuilles ; la limite est de ${limits.maxSheets}.`,
      fileName,
    );
  }

  const notes: GridNote[] = [];
  if (hasMacros) {
    notes.push(
      gridNote(
        'info',
        'macros-ignored',
        'Le classeur contient des macros ; elles ont été ignorées, jamais exécutées.',
      ),
    );
  }
  const sheets: GridSheet[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const read = readSheet(i, name);
    if (!read) {
      notes.push(
        gridNote('warning', 'sheet-unreadable', `La feuille « ${name} » n'a pas pu être lue.`, {
          sheet: name,
        }),
      );
      continue;
    }
    if (!read.ok) return read;
    const missing = read.withoutValueCount;
    if (missing > 0) {
      notes.push(
        gridNote(
          'warning',
          'formula-without-value',
          missing === 1
            ? `Une cellule à formule de la feuille « ${name} » n'a pas de valeur enregistrée.`
            : `${missing} cellules à formule de la feuille « ${name} » n'ont pas de valeur enregistrée.`,
          { sheet: name },
        ),
      );
    }
    sheets.push(read.sheet);
  }
  return { ok: true, grid: { fileName, format, encoding: null, delimiter: null, sheets, notes } };
}

/** Reads a workbook whose format and zip were already checked, into a Grid, through SheetJS. */
export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  format: WorkbookFormat,
  limits: ReadLimits,
  formulasWithoutValue: FormulasWithoutValue = new Map(),
): WorkbookRead {
  const workbook = parseWorkbook(bytes, fileName);
  if ('ok' in workbook) return workbook;
  const sheetInfo = workbook.Workbook?.Sheets ?? [];
  return assembleWorkbook(
    fileName,
    format,
    workbook.SheetNames,
    format === 'xlsm' || Boolean(workbook.vbaraw),
    (i, name) => {
      const sheet = sheetByName(workbook, name);
      if (!sheet) return null;
      const hidden = (sheetInfo[i]?.Hidden ?? 0) !== 0;
      const withoutValue = formulasWithoutValue.get(name);
      const converted = convertSheet(
        name,
        sheetCellsOf(sheet),
        convertCell,
        hidden,
        withoutValue,
        fileName,
        limits,
      );
      if ('ok' in converted) return converted;
      return { ok: true, sheet: converted, withoutValueCount: withoutValue?.size ?? 0 };
    },
    limits,
  );
}
