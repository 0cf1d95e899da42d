import * as XLSX from 'xlsx';

// A1 references as SheetJS finds them in a formula: columns up to XFD, rows up to 1 048 576,
// not inside a name or a function call.
const REFERENCE =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/**
 * The formula of a cell that shares its master's formula: the master's text with each relative
 * reference moved by the distance between the two cells, as SheetJS computes it. Throws, as
 * SheetJS does, when a reference would move left of column A.
 */
export function shiftFormula(formula: string, masterAddress: string, cellAddress: string): string {
  const master = XLSX.utils.decode_cell(masterAddress);
  const cell = XLSX.utils.decode_cell(cellAddress);
  const rows = cell.r - master.r;
  const cols = cell.c - master.c;
  return formula.replace(
    REFERENCE,
    (_, before: string, colFixed: string, col: string, rowFixed: string, row: string) =>
      before +
      (colFixed === '$'
        ? colFixed + col
        : XLSX.utils.encode_col(XLSX.utils.decode_col(col) + cols)) +
      (rowFixed === '$'
        ? rowFixed + row
        : XLSX.utils.encode_row(XLSX.utils.decode_row(row) + rows)),
  );
}
