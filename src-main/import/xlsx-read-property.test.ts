import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from './limits';
import { readGrid, readXlsxFast } from './read-grid';

// Formats a budget file may carry: built in, custom, dates, text, fractions, colours, currency.
const FORMATS = [
  undefined,
  '0',
  '0.00',
  '#,##0',
  '#,##0.00',
  '# ##0,00',
  '0%',
  '0.0%',
  '0.00E+00',
  '# ?/?',
  'dd/mm/yyyy',
  'd-mmm-yy',
  'hh:mm:ss',
  '@',
  '[Red]-#,##0.00',
  '#,##0.00 "€";-#,##0.00 "€"',
  '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
];

const cellArb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e21, 44197.5),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('A&B <c>', '  espaces ', 'é€ ☺ 😀', '_x0041_', 'ligne\r\nsuite', '=1+1'),
  fc.boolean(),
  fc.constant(null),
);

const sheetArb = fc.record({
  rows: fc.array(fc.array(cellArb, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  formats: fc.array(fc.constantFrom(...FORMATS), { minLength: 48, maxLength: 48 }),
  hiddenRow: fc.integer({ min: -1, max: 7 }),
  hiddenCol: fc.integer({ min: -1, max: 5 }),
  merge: fc.boolean(),
  bookSST: fc.boolean(),
  date1904: fc.boolean(),
  formulas: fc.array(
    fc.constantFrom('SUM(A1:B2)', 'A1&"x"', '_xlfn.CONCAT(A1,B1)', 'IF(A1>0,1,"<")'),
    {
      maxLength: 4,
    },
  ),
  secondSheetHidden: fc.constantFrom(undefined, 0, 1, 2),
});

type SheetSpec = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function write(spec: SheetSpec) {
  const sheet = XLSX.utils.aoa_to_sheet(spec.rows);
  let i = 0;
  for (const [r, row] of spec.rows.entries()) {
    for (const c of row.keys()) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      const format = spec.formats[i++ % spec.formats.length];
      if (cell && format) cell.z = format;
    }
  }
  // Formulas on the first cells, some with a value and some (a number cell's) without.
  spec.formulas.forEach((formula, c) => {
    const address = XLSX.utils.encode_cell({ r: 0, c });
    const cell = sheet[address];
    if (cell) cell.f = formula;
    else sheet[address] = { t: 'n', f: formula } as XLSX.CellObject;
  });
  if (spec.formulas.length > 0) {
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    range.e.c = Math.max(range.e.c, spec.formulas.length - 1);
    sheet['!ref'] = XLSX.utils.encode_range(range);
  }
  if (spec.hiddenRow >= 0)
    sheet['!rows'] = Object.assign([], { [spec.hiddenRow]: { hidden: true } });
  if (spec.hiddenCol >= 0)
    sheet['!cols'] = Object.assign([], { [spec.hiddenCol]: { hidden: true } });
  if (spec.merge) sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }];
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Budget');
  workbook.Workbook = { WBProps: { date1904: spec.date1904 } };
  if (spec.secondSheetHidden !== undefined) {
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Annexe', 1]]), 'Annexe');
    workbook.Workbook.Sheets = [{ Hidden: 0 }, { Hidden: spec.secondSheetHidden }];
  }
  const options = { type: 'buffer', bookType: 'xlsx', bookSST: spec.bookSST } as const;
  return new Uint8Array(XLSX.write(workbook, options) as Buffer);
}

describe('the fast xlsx reader on generated workbooks', () => {
  it('gives the Grid SheetJS gives for any mix of values, formats and hidden parts', () => {
    fc.assert(
      fc.property(sheetArb, (spec) => {
        const bytes = write(spec);
        const fast = readXlsxFast(bytes, 'budget.xlsx', 'xlsx', resolveLimits());
        expect(fast).not.toHaveProperty('unsupported');
        expect(fast).toStrictEqual(readGrid(bytes, 'budget.xlsx', { xlsxReader: 'sheetjs' }));
      }),
      { numRuns: 200 },
    );
  });
});
