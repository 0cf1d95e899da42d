import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../src-shared/model';
import { readGrid, type ReadResult } from '../src-main/import/read-grid';
import { readGridIsolated } from '../src-main/import/read-isolated';
import {
  buildOle,
  buildWorkbook,
  deflatedZeros,
  editZip,
  PNG_BYTES,
  unzip,
  writeZip,
} from './fixtures/hostile/build-files';

const encode = (text: string) => new TextEncoder().encode(text);
const HANG_MS = 10_000;

/** Reads within the 10 s a hostile file is allowed, and returns what came back. */
function timedRead(bytes: Uint8Array, fileName: string): { result: ReadResult; elapsedMs: number } {
  const startedMs = Date.now();
  const result = readGrid(bytes, fileName);
  const elapsedMs = Date.now() - startedMs;
  expect(elapsedMs).toBeLessThan(HANG_MS);
  return { result, elapsedMs };
}

function refused(bytes: Uint8Array, fileName: string): ImportIssue {
  const { result } = timedRead(bytes, fileName);
  if (result.ok) throw new Error(`${fileName} was accepted`);
  expect(result.issue.file).toBe(fileName);
  expect(result.issue.message).toContain(`« ${fileName} »`);
  return result.issue;
}

function accepted(bytes: Uint8Array, fileName: string) {
  const { result } = timedRead(bytes, fileName);
  if (!result.ok) throw new Error(result.issue.message);
  return result.grid;
}

/** An xlsx whose one sheet is a zip bomb: the workbook parts are real, the sheet is zeros. */
function bombWorkbook(declaredSize: number): Uint8Array {
  const parts = unzip(buildWorkbook({ S: [['a']] })).filter(
    (part) => !part.name.includes('sheet1'),
  );
  const sheet = {
    name: 'xl/worksheets/sheet1.xml',
    data: deflatedZeros(1100),
    deflated: true,
    declaredSize,
  };
  return writeZip([...parts, sheet]);
}

/** SheetJS refuses to write a cell past Excel's limit, so the XML is edited afterwards. */
function longCellWorkbook(): Uint8Array {
  const xlsx = buildWorkbook({
    Dépenses: [
      ['Code', 'Libellé'],
      ['70', 'LONG-CELL'],
    ],
  });
  return editZip(xlsx, (_, text) =>
    text.includes('LONG-CELL') ? text.replace('LONG-CELL', 'x'.repeat(40_000)) : undefined,
  );
}

const withDimension = (ref: string) => (name: string, text: string) =>
  name === 'xl/worksheets/sheet1.xml'
    ? text.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`)
    : undefined;

describe('hostile files', () => {
  it('refuses an empty file', () => {
    expect(refused(new Uint8Array(0), 'budget.xlsx').code).toBe('empty-file');
  });

  it('refuses a truncated zip with a message saying it is incomplete', () => {
    const xlsx = buildWorkbook({
      RECETTE: [
        ['Code', 'Prévu'],
        ['70', 1000],
      ],
    });
    const issue = refused(xlsx.subarray(0, xlsx.length - 200), 'cut.xlsx');
    expect(issue.code).toBe('zip-truncated');
    expect(issue.message).toMatch(/abîmé ou incomplet/);
  });

  it.each([
    ['honest', 1100 * 1024 * 1024, 'zip-too-large'],
    ['lying', 2048, 'zip-size-lie'],
  ])('refuses a zip bomb with %s size headers in under a second', (_, declaredSize, code) => {
    const bomb = bombWorkbook(declaredSize);
    const startedMs = Date.now();
    const issue = refused(bomb, 'bomb.xlsx');
    expect(Date.now() - startedMs).toBeLessThan(1000);
    expect(issue.code).toBe(code);
  });

  it('reads the 2 real rows of a sheet that declares A1:XFD1048576', () => {
    const xlsx = editZip(
      buildWorkbook({
        S: [
          ['Code', 'Prévu'],
          ['70', 5],
        ],
      }),
      withDimension('A1:XFD1048576'),
    );
    const { result, elapsedMs } = timedRead(xlsx, 'huge-range.xlsx');
    expect(result.ok && result.grid.sheets[0]!.rows.length).toBe(2);
    expect(elapsedMs).toBeLessThan(2000);
  });

  it('reads every row of a sheet that understates its range', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`7${i}`, i]);
    const xlsx = editZip(buildWorkbook({ S: rows }), withDimension('A1:A2'));
    const sheet = accepted(xlsx, 'short-range.xlsx').sheets[0]!;
    expect(sheet.rows.length).toBe(50);
    expect(sheet.rows[49]![1]?.value).toBe(49);
  });

  it('reads sheets and headers named __proto__ and constructor without touching any prototype', () => {
    const xlsx = buildWorkbook([
      [
        '__proto__',
        [
          ['__proto__', 'constructor', 'toString'],
          [1, 2, 3],
        ],
      ],
      ['constructor', [['hasOwnProperty']]],
    ]);
    const grid = accepted(xlsx, 'proto.xlsx');
    expect(grid.sheets.map((sheet) => sheet.name)).toEqual(['__proto__', 'constructor']);
    expect(grid.sheets[0]!.rows[0]!.map((cell) => cell?.value)).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
    const csv = accepted(encode('__proto__,constructor\n1,2\n'), 'proto.csv');
    expect(csv.sheets[0]!.rows[0]!.map((cell) => cell?.value)).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('refuses a password-protected workbook and says how to open it', () => {
    const issue = refused(buildOle(['EncryptionInfo', 'EncryptedPackage']), 'locked.xlsx');
    expect(issue.code).toBe('password-protected');
    expect(issue.message).toMatch(/retirez le mot de passe/);
  });

  it('reads a workbook with macros and says they were ignored', () => {
    const xlsm = editZip(buildWorkbook({ S: [['a', 1]] }), () => undefined, [
      { name: 'xl/vbaProject.bin', data: buildOle(['VBA', 'PROJECT']) },
    ]);
    const grid = accepted(xlsm, 'macro.xlsm');
    expect(grid.sheets[0]!.rows[0]!.map((cell) => cell?.value)).toEqual(['a', 1]);
    expect(grid.notes).toContainEqual(
      expect.objectContaining({
        code: 'macros-ignored',
        message: expect.stringMatching(/ignorées/),
      }),
    );
  });

  it.each([
    ['long.xlsx', longCellWorkbook(), 'Dépenses'],
    ['long.csv', encode(`Code,Libellé\n70,${'x'.repeat(40_000)}\n`), null],
  ])('refuses a 40 000-character cell in %s with its address', (name, bytes, sheet) => {
    const issue = refused(bytes, name);
    expect(issue).toMatchObject({ code: 'cell-too-long', sheet, row: 2, column: 'B' });
    expect(issue.message).toMatch(/La cellule B2 .*40000 caractères ; la limite est de 32767/);
  });

  it('reads a workbook of 200 sheets', () => {
    const sheets = Array.from({ length: 200 }, (_, i): [string, unknown[][]] => [
      `S${i + 1}`,
      [['Code'], [i]],
    ]);
    const grid = accepted(buildWorkbook(sheets), 'many.xlsx');
    expect(grid.sheets).toHaveLength(200);
    expect(grid.sheets[199]!.name).toBe('S200');
  });

  it('refuses a CSV with unbalanced quotes, naming the line where the quote opens', () => {
    const issue = refused(encode('Code;Libellé\n70;"Impôts\n71;Taxes\n'), 'quotes.csv');
    expect(issue).toMatchObject({ code: 'unbalanced-quote', row: 2 });
  });

  it('removes NUL bytes from a CSV and says so', () => {
    const grid = accepted(encode('Code\u0000,Prévu\n70,1\u0000000\n'), 'nul.csv');
    expect(grid.sheets[0]!.rows.map((row) => row.map((cell) => cell?.text))).toEqual([
      ['Code', 'Prévu'],
      ['70', '1000'],
    ]);
    expect(grid.notes).toContainEqual(expect.objectContaining({ code: 'nul-removed' }));
  });

  it('refuses a file of NUL bytes as not a spreadsheet', () => {
    expect(refused(new Uint8Array(4096), 'zeros.csv').code).toBe('not-a-spreadsheet');
  });

  it('refuses an image renamed .xlsx', () => {
    const issue = refused(PNG_BYTES, 'photo.xlsx');
    expect(issue.code).toBe('not-a-spreadsheet');
    expect(issue.message).toMatch(/c'est une image PNG/);
  });

  it('refuses a workbook with more rows than the limit, naming the sheet', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i]);
    const result = readGrid(buildWorkbook({ Recettes: rows }), 'rows.xlsx', {
      limits: { maxRows: 20 },
    });
    expect(!result.ok && result.issue).toMatchObject({ code: 'too-many-rows', sheet: 'Recettes' });
  });

  it('refuses a zip bomb in the isolated reader too, well before its time limit', async () => {
    const result = await readGridIsolated(
      bombWorkbook(2048),
      'bomb.xlsx',
      {},
      { timeoutMs: HANG_MS },
    );
    expect(!result.ok && result.issue.code).toBe('zip-size-lie');
  });
});
