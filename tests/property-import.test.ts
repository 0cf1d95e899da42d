import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../src-shared/analysis/summarise';
import { gridOf, sheetOf, type CellLiteral } from '../src-shared/import/grid-from-arrays';
import { interpretGrid } from '../src-shared/import/interpret-grid';
import { ImportPreview, type ImportedRow } from '../src-shared/model';
import { readGrid } from '../src-main/import/read-grid';
import { renderLinesCsv } from '../src-main/report/csv-export';
import { renderWorkbook } from '../src-main/report/xlsx-export';
import { importFile } from '../src-main/services/import-service';
import { buildReportInput } from '../src-main/services/report-service';
import { getBudget } from '../src-main/store/budgets-repo';
import { readLines } from '../src-main/store/lines-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import { buildWorkbook } from './fixtures/hostile/build-files';
import { tempFolder } from './store-helpers';

// Bounded runs: the in-process properties take a second or two, the ones that go through the
// isolated reader and a real store a few seconds each. A failure prints its seed and its path.
const FAST = { numRuns: 60 };
const STORED = { numRuns: 5 };
const encode = (text: string) => new TextEncoder().encode(text);

interface GeneratedLine {
  code: string;
  label: string;
  planned: number;
  executed: number;
}

// Words that name a spending line and never a total, a heading or a note.
const WORDS = ['Achats', 'fournitures', 'entretien', 'voirie', 'écoles', 'énergie', 'carburant'];
const lineArb = fc.record({
  label: fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(' ')),
  planned: fc.integer({ min: 1, max: 1_000_000_000 }),
  executed: fc.integer({ min: -5_000_000, max: 1_000_000_000 }),
});
// Codes of one length, so that none reads as the parent of another.
const budgetOf = (min: number, max: number) => fc
  .uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 25 })
  .chain((codes) => fc.tuple(...codes.map(() => lineArb)).map((lines) =>
    lines.map((line, i): GeneratedLine => ({ ...line, code: String(codes[i]) })),
  )); // prettier-ignore
const budgetArb = budgetOf(1000, 9999);

function csvOf(lines: GeneratedLine[]): Uint8Array {
  const rows = lines.map((l) => `${l.code};${l.label};${l.planned};${l.executed}`);
  return encode(['Code;Libellé;Prévu;Réalisé', ...rows].join('\n') + '\n');
}

/** The importer up to what it would store, in process: read, then interpret. */
function preview(bytes: Uint8Array, fileName = 'budget.csv') {
  const read = readGrid(bytes, fileName);
  if (!read.ok) throw new Error(read.issue.message);
  const file = { name: fileName, sha256: 'x', sizeBytes: bytes.length };
  return interpretGrid(read.grid, file, { direction: 'expenditure' });
}

const amountOf = (row: ImportedRow, phase: string) =>
  row.amounts.find((a) => a.phase === phase)?.valueMinor ?? null;
const detail = (rows: ImportedRow[]) => rows.filter((r) => r.kind === 'line');
const lineKey = (row: ImportedRow) =>
  JSON.stringify([row.code, row.label, amountOf(row, 'original'), amountOf(row, 'executed')]);

describe('any budget the importer accepts', () => {
  it('keeps every line, and its totals are the sums of its lines', () => {
    fc.assert(
      fc.property(budgetArb, (lines) => {
        const result = preview(csvOf(lines));
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const scale = 10 ** result.currencyExponent;
        const rows = detail(result.rows);
        expect(rows.map((r) => r.code)).toEqual(lines.map((l) => l.code));
        const sum = (phase: string) => rows.reduce((s, r) => s + (amountOf(r, phase) ?? 0), 0);
        expect(sum('original')).toBe(lines.reduce((s, l) => s + l.planned, 0) * scale);
        expect(sum('executed')).toBe(lines.reduce((s, l) => s + l.executed, 0) * scale);
      }),
      FAST,
    );
  });

  it('gives the same lines and totals whatever the order of its rows', () => {
    const shuffled = budgetArb.chain((lines) =>
      fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
    );
    fc.assert(
      fc.property(shuffled, ([lines, reordered]) => {
        const a = detail(preview(csvOf(lines)).rows)
          .map(lineKey)
          .sort();
        const b = detail(preview(csvOf(reordered)).rows)
          .map(lineKey)
          .sort();
        expect(b).toEqual(a);
      }),
      FAST,
    );
  });
});

describe('a stored budget', () => {
  let folder: ReturnType<typeof tempFolder>;
  let runs = 0;
  beforeAll(() => (folder = tempFolder('budget-clair-property-')));
  afterAll(() => folder.remove());

  async function stored(store: Store, bytes: Uint8Array, fileName: string, options = {}) {
    const outcome = await importFile(store, { fileName, bytes, options });
    if (!outcome.ok) throw new Error(`${fileName}: ${outcome.issues[0]?.message}`);
    const budget = getBudget(store.db, outcome.budgetId)!;
    const lines = readLines(store.db, outcome.budgetId).filter((l) => l.kind === 'line');
    const summary = summarise(budget, lines, { basis: 'revised', flags: [] });
    const shape = lines.map((l) => [l.code, l.label, l.direction, l.amounts]);
    return { id: outcome.budgetId, budget, shape, totals: summary.totals };
  }

  it('sums to its lines, and comes back the same from its own CSV and XLSX exports', async () => {
    await fc.assert(
      fc.asyncProperty(budgetArb, async (lines) => {
        const store = openStore(join(folder.dir, `round-trip-${runs++}.sqlite`));
        try {
          const first = await stored(store, csvOf(lines), 'budget.csv', {
            direction: 'expenditure',
          });
          const scale = 10 ** first.budget.currencyExponent;
          const sum = (pick: (l: GeneratedLine) => number) =>
            lines.reduce((s, l) => s + pick(l), 0) * scale;
          expect(first.totals.expenditure.planned).toBe(sum((l) => l.planned));
          expect(first.totals.expenditure.executed).toBe(sum((l) => l.executed));

          const input = buildReportInput(store, first.id, 'fr');
          const csv = await stored(store, encode(renderLinesCsv(input, 'safe')), 'export.csv');
          const xlsx = await stored(store, new Uint8Array(renderWorkbook(input)), 'export.xlsx');
          for (const back of [csv, xlsx]) {
            expect(back.shape).toEqual(first.shape);
            expect(back.totals).toEqual(first.totals);
            expect(back.budget.currency).toBe(first.budget.currency);
          }
        } finally {
          store.close();
        }
      }),
      STORED,
    );
  }, 60_000);
});

describe('the importer on arbitrary input', () => {
  /** A read either fails with its own issue or yields a grid that interprets to a valid preview. */
  function readsOrRefuses(bytes: Uint8Array) {
    const result = readGrid(bytes, 'random.csv');
    if (!result.ok) {
      expect(result.issue).toMatchObject({ severity: 'error', file: 'random.csv' });
      expect(result.issue.code).toMatch(/^[a-z-]+$/);
      return;
    }
    const file = { name: 'random.csv', sha256: 'x', sizeBytes: bytes.length };
    expect(ImportPreview.safeParse(interpretGrid(result.grid, file, {})).success).toBe(true);
  }

  it('returns a result or its own import error for random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), readsOrRefuses), { numRuns: 300 });
  });

  it('returns a result or its own import error for a workbook with damaged bytes', () => {
    const workbook = buildWorkbook({
      S: [
        ['Code', 'Libellé', 'Prévu'],
        ['6011', 'Achats', 1000],
      ],
    });
    const damage = fc.array(
      fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.integer({ min: 0, max: 255 })),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        const bytes = workbook.slice();
        for (const [at, value] of edits) bytes[at] = value;
        readsOrRefuses(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('returns a result or its own import error for random CSV text', () => {
    const char = fc.constantFrom(...'0123456789;,"\n\r\t =-+.aéZ€ ', '\u0000', '\u202E');
    const text = fc.array(char, { maxLength: 600 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => readsOrRefuses(encode(t))),
      { numRuns: 300 },
    );
  });

  it('interprets any grid into a valid preview without throwing', () => {
    const cell: fc.Arbitrary<CellLiteral> = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
      fc.constantFrom('Code', 'Libellé', 'Prévu', 'Réalisé', 'Total', '=SUM(C2:C9)', '__proto__'),
      fc.string({ maxLength: 20 }),
    );
    const sheet = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const grid = gridOf(sheets.map((rows, i) => sheetOf(`S${i}`, rows)));
        const file = { name: 'grid.xlsx', sha256: 'x', sizeBytes: 0 };
        expect(ImportPreview.safeParse(interpretGrid(grid, file, {})).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
