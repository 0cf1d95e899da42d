import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { editZip } from '../../tests/fixtures/hostile/build-files';
import { readGrid } from './read-grid';

function write(build: (workbook: XLSX.WorkBook) => void, bookType: XLSX.BookType = 'xlsx') {
  const workbook = XLSX.utils.book_new();
  build(workbook);
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer);
}

function sheetOf(rows: unknown[][], extra: Record<string, unknown> = {}): XLSX.WorkSheet {
  return Object.assign(XLSX.utils.aoa_to_sheet(rows), extra);
}

function gridOf(bytes: Uint8Array, name = 'book.xlsx') {
  const result = readGrid(bytes, name);
  if (!result.ok) throw new Error(result.issue.message);
  return result.grid;
}

describe('readWorkbook through readGrid', () => {
  it.each(['xlsx', 'biff8', 'ods'] as const)(
    'reads strings, numbers and booleans of %s',
    (type) => {
      const bytes = write(
        (wb) => XLSX.utils.book_append_sheet(wb, sheetOf([['Code', 12.5, true]]), 'S'),
        type,
      );
      const [a, b, c] = gridOf(bytes).sheets[0]!.rows[0]!;
      expect([a?.type, a?.value, b?.type, b?.value, c?.type, c?.value]).toEqual([
        'string',
        'Code',
        'number',
        12.5,
        'boolean',
        true,
      ]);
    },
  );

  it('keeps the number format and the formatted text of a number', () => {
    const sheet = sheetOf([[1234.5]]);
    sheet.A1!.z = '#,##0.00';
    const cell = gridOf(write((wb) => XLSX.utils.book_append_sheet(wb, sheet, 'S'))).sheets[0]!
      .rows[0]![0];
    expect(cell).toMatchObject({
      type: 'number',
      value: 1234.5,
      format: '#,##0.00',
      text: '1,234.50',
    });
  });

  it('types a number with a date format as a date, keeping the serial number', () => {
    const sheet = sheetOf([[41933]]);
    sheet.A1!.z = 'dd/mm/yyyy';
    const cell = gridOf(write((wb) => XLSX.utils.book_append_sheet(wb, sheet, 'S'))).sheets[0]!
      .rows[0]![0];
    expect(cell).toMatchObject({ type: 'date', value: 41933, text: '21/10/2014' });
  });

  it('reads an error cell as an error with its text', () => {
    const sheet = sheetOf([[0, 0]]);
    sheet.C1 = { t: 'e', v: 0x07, f: 'A1/B1' };
    sheet['!ref'] = 'A1:C1';
    const cell = gridOf(write((wb) => XLSX.utils.book_append_sheet(wb, sheet, 'S'))).sheets[0]!
      .rows[0]![2];
    expect(cell).toMatchObject({ type: 'error', value: '#DIV/0!', formula: 'A1/B1' });
  });

  it('marks a formula without a saved value, and never gives it the value 0', () => {
    const sheet = sheetOf([[10, 4]]);
    sheet.C1 = { t: 'n', f: 'B1/A1' } as XLSX.CellObject;
    sheet['!ref'] = 'A1:C1';
    const grid = gridOf(write((wb) => XLSX.utils.book_append_sheet(wb, sheet, 'S')));
    expect(grid.sheets[0]!.rows[0]![2]).toMatchObject({
      type: 'empty',
      value: null,
      text: null,
      formula: 'B1/A1',
      formulaWithoutValue: true,
    });
    expect(grid.notes).toContainEqual(
      expect.objectContaining({
        code: 'formula-without-value',
        sheet: 'S',
        message: expect.stringMatching(
          /de la feuille « S » n('a|'ont) pas de valeur enregistrée\.$/,
        ),
      }),
    );
  });

  it('keeps the formula and the saved value of a computed cell', () => {
    const sheet = sheetOf([[10, 4]]);
    sheet.C1 = { t: 'n', v: 14, f: 'A1+B1' };
    sheet['!ref'] = 'A1:C1';
    const cell = gridOf(write((wb) => XLSX.utils.book_append_sheet(wb, sheet, 'S'))).sheets[0]!
      .rows[0]![2];
    expect(cell).toMatchObject({
      type: 'number',
      value: 14,
      formula: 'A1+B1',
      formulaWithoutValue: false,
    });
  });

  it('reports hidden rows, hidden columns, hidden sheets and merged ranges', () => {
    const bytes = write((wb) => {
      const sheet = sheetOf(
        [
          ['Prévisions', ''],
          ['BP', 'BS'],
          [1, 2],
          [3, 4],
        ],
        {
          '!rows': [undefined, undefined, { hidden: true }],
          '!cols': [undefined, { hidden: true }],
          '!merges': [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }],
        },
      );
      XLSX.utils.book_append_sheet(wb, sheet, 'Visible');
      XLSX.utils.book_append_sheet(wb, sheetOf([['x']]), 'Secret');
      wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    });
    const [visible, secret] = gridOf(bytes).sheets;
    expect(visible).toMatchObject({
      hidden: false,
      hiddenRows: [2],
      hiddenCols: [1],
      merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 1 }],
    });
    expect(secret?.hidden).toBe(true);
  });

  it('reads a workbook with macros and notes that they were ignored', () => {
    const xlsx = write((wb) => XLSX.utils.book_append_sheet(wb, sheetOf([['a']]), 'S'));
    const xlsm = editZip(xlsx, () => undefined, [
      { name: 'xl/vbaProject.bin', data: 'Attribute VB_Name' },
    ]);
    const grid = gridOf(xlsm, 'macro.xlsm');
    expect(grid.format).toBe('xlsm');
    expect(grid.sheets[0]!.rows[0]![0]?.value).toBe('a');
    expect(grid.notes).toContainEqual(expect.objectContaining({ code: 'macros-ignored' }));
  });
});
