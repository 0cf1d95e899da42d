import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../src-shared/desktop-api';
import type { ImportIssue } from '../src-shared/model';
import { callHandler } from '../src-main/services/call-handler';
import { createHandlers } from '../src-main/services/handlers';
import { importFile, type ImportOutcome } from '../src-main/services/import-service';
import { openStore, type Store } from '../src-main/store/open-store';
import {
  buildOle,
  buildWorkbook,
  deflatedZeros,
  editZip,
  PNG_BYTES,
  unzip,
  writeZip,
} from './fixtures/hostile/build-files';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

// The same hostile files as the reader's tests, now through the whole import service over a
// store that already holds a budget: what is refused must leave every table as it was.
const HANG_MS = 10_000;
const encode = (text: string) => new TextEncoder().encode(text);
const BUDGET_ROWS = [
  ['Code', 'Libellé', 'Prévu', 'Réalisé'],
  ['70', 'Produits des services', 1000, 900],
  ['73', 'Impôts et taxes', 5000, 5200],
];

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeAll(async () => {
  folder = tempFolder('budget-clair-hostile-');
  store = openStore(join(folder.dir, 'hostile.sqlite'));
  const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
  const outcome = await importFile(store, { fileName: 'sample.xlsx', bytes, options: {} });
  if (!outcome.ok) throw new Error('the sample did not import');
});
afterAll(() => {
  store.close();
  folder.remove();
});

/** Row counts of every table of the store, to prove a refusal wrote nothing. */
function tableCounts(): Record<string, number> {
  const tables = store.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, store.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  );
}

async function timedImport(bytes: Uint8Array, fileName: string) {
  const startedMs = Date.now();
  const outcome = await importFile(store, { fileName, bytes, options: {}, actor: 'test' });
  expect(Date.now() - startedMs).toBeLessThan(HANG_MS);
  return outcome;
}

/** Imports through the service and the IPC boundary; both must refuse, naming the file. */
async function refused(bytes: Uint8Array, fileName: string): Promise<ImportIssue> {
  const before = tableCounts();
  const outcome: ImportOutcome = await timedImport(bytes, fileName);
  if (outcome.ok) throw new Error(`${fileName} was imported`);
  const issue = outcome.issues[0]!;
  expect(issue).toMatchObject({ severity: 'error', file: fileName });
  expect(issue.message).toContain(fileName);

  const dataBase64 = Buffer.from(bytes).toString('base64');
  const reply = await callHandler(createHandlers(store), 'import.commit', { fileName, dataBase64 });
  expect(!reply.ok && reply.error).toMatchObject({ code: 'import-refused' });
  expect(!reply.ok && reply.error.message).toContain(fileName);
  expect(tableCounts()).toEqual(before);
  return issue;
}

async function imported(bytes: Uint8Array, fileName: string) {
  const outcome = await timedImport(bytes, fileName);
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  return outcome;
}

function bombWorkbook(declaredSize: number): Uint8Array {
  const parts = unzip(buildWorkbook({ S: BUDGET_ROWS })).filter((p) => !p.name.includes('sheet1'));
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(1100), deflated: true };
  return writeZip([...parts, { ...sheet, declaredSize }]);
}

const withDimension = (ref: string) => (name: string, text: string) =>
  name === 'xl/worksheets/sheet1.xml'
    ? text.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`)
    : undefined;

describe('hostile files through the import service', () => {
  it.each([
    ['an empty file', () => new Uint8Array(0), 'vide.xlsx', 'empty-file'],
    [
      'a truncated zip',
      () => buildWorkbook({ S: BUDGET_ROWS }).subarray(0, -200),
      'coupé.xlsx',
      'zip-truncated',
    ],
    [
      'a zip bomb with honest sizes',
      () => bombWorkbook(1100 * 1024 * 1024),
      'b1.xlsx',
      'zip-too-large',
    ],
    ['a zip bomb with lying sizes', () => bombWorkbook(2048), 'b2.xlsx', 'zip-size-lie'],
    [
      'a password-protected workbook',
      () => buildOle(['EncryptionInfo', 'EncryptedPackage']),
      'verrouillé.xlsx',
      'password-protected',
    ],
    ['an image renamed .xlsx', () => PNG_BYTES, 'photo.xlsx', 'not-a-spreadsheet'],
    ['a file of NUL bytes', () => new Uint8Array(4096), 'zéros.csv', 'not-a-spreadsheet'],
  ])('refuses %s, naming it and writing nothing', async (_, build, fileName, code) => {
    expect((await refused(build(), fileName)).code).toBe(code);
  });

  it.each([
    [
      'long.xlsx',
      () =>
        editZip(buildWorkbook({ Dépenses: [...BUDGET_ROWS, ['74', 'LONG-CELL', 1, 1]] }), (_, t) =>
          t.includes('LONG-CELL') ? t.replace('LONG-CELL', 'x'.repeat(40_000)) : undefined,
        ),
      'Dépenses',
      4,
    ],
    ['long.csv', () => encode(`Code;Libellé;Prévu\n70;${'x'.repeat(40_000)};1\n`), null, 2],
  ])(
    'refuses a 40 000-character cell in %s with its sheet and row',
    async (name, build, sheet, row) => {
      const issue = await refused(build(), name);
      expect(issue).toMatchObject({ code: 'cell-too-long', sheet, row, column: 'B' });
    },
  );

  it('refuses a CSV with unbalanced quotes, naming the row where the quote opens', async () => {
    const csv = encode('Code;Libellé;Prévu\n70;"Impôts;1000\n71;Taxes;200\n');
    expect(await refused(csv, 'guillemets.csv')).toMatchObject({
      code: 'unbalanced-quote',
      row: 2,
    });
  });

  it('refuses a workbook of 200 sheets without a budget line, and reads them all in time', async () => {
    const sheets = Array.from({ length: 200 }, (_, i): [string, unknown[][]] => [
      `S${i + 1}`,
      [['Note'], [`page ${i}`]],
    ]);
    expect((await refused(buildWorkbook(sheets), 'feuilles.xlsx')).code).toBe('no-lines');
  });

  it('imports only the real lines of a sheet that declares A1:XFD1048576', async () => {
    const xlsx = editZip(buildWorkbook({ S: BUDGET_ROWS }), withDimension('A1:XFD1048576'));
    const outcome = await imported(xlsx, 'plage-immense.xlsx');
    expect(outcome.preview.rows.filter((r) => r.kind === 'line')).toHaveLength(2);
  });

  it('imports every line of a sheet that understates its range', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`${600 + i}`, `Ligne ${i}`, 10 * i, i]);
    const xlsx = editZip(buildWorkbook({ S: [BUDGET_ROWS[0]!, ...rows] }), withDimension('A1:A2'));
    const outcome = await imported(xlsx, 'plage-courte.xlsx');
    expect(outcome.preview.rows.filter((r) => r.kind === 'line')).toHaveLength(50);
  });

  it('imports sheets and headers named __proto__ and constructor without touching a prototype', async () => {
    const rows = [[...BUDGET_ROWS[0]!, '__proto__', 'constructor'], ...BUDGET_ROWS.slice(1)];
    const xlsx = buildWorkbook([
      ['__proto__', rows],
      ['constructor', [['hasOwnProperty']]],
    ]);
    const outcome = await imported(xlsx, 'proto.xlsx');
    expect(outcome.preview.rows.filter((r) => r.kind === 'line')).toHaveLength(2);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('imports a workbook with macros and says they were ignored', async () => {
    const xlsm = editZip(buildWorkbook({ S: BUDGET_ROWS }), () => undefined, [
      { name: 'xl/vbaProject.bin', data: buildOle(['VBA', 'PROJECT']) },
    ]);
    const outcome = await imported(xlsm, 'macros.xlsm');
    expect(outcome.preview.issues).toContainEqual(
      expect.objectContaining({ code: 'macros-ignored', file: 'macros.xlsm' }),
    );
  });

  it('imports a CSV with NUL bytes once they are removed, and says so', async () => {
    const csv = encode('Code;Libellé;Prévu\u0000\n70;Produits;1\u0000000\n');
    const outcome = await imported(csv, 'nul.csv');
    expect(outcome.preview.issues).toContainEqual(expect.objectContaining({ code: 'nul-removed' }));
  });
});

const LONG_LABEL =
  'Entretien et réparation des voies communales, des bâtiments scolaires et des réseaux ' +
  "d'assainissement du quartier, marché à bons de commande, lot";

describe('a 50 MB CSV', () => {
  it('imports with every line, reporting progress through each stage', async () => {
    const header = 'Code;Libellé;Prévu;Réalisé\n';
    const rows: string[] = [];
    let size = header.length;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      // Long labels, as some ledgers write them, keep the line count near 250 000.
      const row = `${600000 + i};${LONG_LABEL} ${i};${1000 + (i % 97)};${900 + (i % 89)}\n`;
      rows.push(row);
      size += Buffer.byteLength(row);
    }
    const bytes = encode(header + rows.join(''));
    const seen: ImportProgress[] = [];
    const startedMs = Date.now();
    const outcome = await importFile(store, {
      fileName: 'grand.csv',
      bytes,
      options: {},
      onProgress: (p) => seen.push(p),
    });
    const elapsedMs = Date.now() - startedMs;

    if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const lines = store.db
      .prepare("SELECT count(*) FROM line WHERE budget_id = ? AND kind = 'line'")
      .pluck()
      .get(outcome.budgetId);
    expect(lines).toBe(rows.length);
    expect([...new Set(seen.map((p) => p.stage))]).toEqual(['read', 'interpret', 'store', 'done']);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    process.stderr.write(`50 MB CSV: ${rows.length} lines imported in ${elapsedMs} ms\n`);
  }, 90_000);
});
