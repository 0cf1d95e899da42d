import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flag, ImportedRow } from '../src-shared/model';
import { ensureEntity, getBudget, insertBudget, listBudgets } from '../src-main/store/budgets-repo';
import { listFlags, replaceFlags, saveReview } from '../src-main/store/flags-repo';
import { findImportBySha256, insertImport } from '../src-main/store/imports-repo';
import { insertLines, readLines } from '../src-main/store/lines-repo';
import { appendOperation, listOperations } from '../src-main/store/operations-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import { tempFolder } from './store-helpers';

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeEach(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'repos.sqlite'));
});
afterEach(() => {
  store.close();
  folder.remove();
});

const importRecord = (sha256: string) => ({
  fileName: 'ca-2019.xlsx',
  sha256,
  sizeBytes: 1234,
  format: 'xlsx' as const,
  encoding: null,
  sheets: ['DEPENSES'],
  mapping: { columns: [] },
  rowCounts: { line: 2 },
  issues: [],
  startedAt: '2024-01-01T10:00:00.000Z',
  finishedAt: '2024-01-01T10:00:01.000Z',
});

function row(partial: Partial<ImportedRow> & Pick<ImportedRow, 'row' | 'kind'>): ImportedRow {
  return {
    sheet: 'DEPENSES',
    reason: 'test',
    code: null,
    label: null,
    direction: 'expenditure',
    section: 'operating',
    parentCode: null,
    level: 0,
    amounts: [],
    statedRatePercent: null,
    hidden: false,
    ...partial,
  };
}

function storeBudget(): number {
  const importId = insertImport(store.db, importRecord('a'.repeat(64)));
  const entityId = ensureEntity(store.db, { name: 'Commune de Test', country: 'GN' });
  const budgetId = insertBudget(store.db, {
    entityId,
    fiscalYear: 2019,
    currency: 'GNF',
    currencyExponent: 0,
    version: 'compte-administratif',
    executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    importId,
  });
  insertLines(store.db, budgetId, [
    row({ row: 9, kind: 'heading', code: '62', label: 'Services' }),
    row({
      row: 10,
      kind: 'line',
      code: '622',
      label: 'Carburant',
      parentCode: '62',
      level: 1,
      amounts: [
        { phase: 'revised', valueMinor: 150, cell: 'D10', sourceText: null },
        { phase: 'ordered', valueMinor: 180, cell: 'F10', sourceText: '180' },
      ],
    }),
    row({ row: 11, kind: 'blank' }),
  ]);
  return budgetId;
}

const flag = (rule: string, lineId: number): Flag => ({
  rule,
  severity: 'warning',
  lineId,
  code: '622',
  label: 'Carburant',
  sheet: 'DEPENSES',
  row: 10,
  cells: ['F10'],
  message: 'executed above the revised forecast',
  values: { revisedMinor: 150, executedMinor: 180 },
  review: null,
});

describe('the operation log', () => {
  it('accepts new entries and refuses to change or delete them', () => {
    appendOperation(store.db, { actor: 'cli', kind: 'import', parameters: { file: 'a.xlsx' } });

    expect(() => store.db.prepare("UPDATE operation SET actor = 'someone'").run()).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM operation').run()).toThrow(/append-only/);
    expect(listOperations(store.db).map((o) => o.actor)).toEqual(['cli']);
  });
});

describe('foreign keys', () => {
  it('refuses a line whose budget does not exist', () => {
    expect(() => insertLines(store.db, 999, [row({ row: 1, kind: 'line' })])).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('refuses a budget whose import does not exist', () => {
    const entityId = ensureEntity(store.db, { name: 'X' });
    expect(() =>
      insertBudget(store.db, {
        entityId,
        fiscalYear: null,
        currency: 'GNF',
        currencyExponent: 0,
        version: 'compte-administratif',
        executedStage: { revenue: 'assessed', expenditure: 'ordered' },
        importId: 42,
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('budgets, lines and imports', () => {
  it('reads back the lines with their amounts, cells and chapter, leaving blank rows out', () => {
    const budgetId = storeBudget();
    const lines = readLines(store.db, budgetId);

    expect(lines.map((l) => [l.row, l.kind, l.chapter])).toEqual([
      [9, 'heading', '62'],
      [10, 'line', '62'],
    ]);
    expect(lines[1]?.amounts).toEqual({ revised: 150, ordered: 180 });
    expect(lines[1]?.cells).toEqual({ revised: 'D10', ordered: 'F10' });
  });

  it('describes a budget with its source file and its count of detail lines', () => {
    const budgetId = storeBudget();

    expect(getBudget(store.db, budgetId)).toMatchObject({
      entity: 'Commune de Test',
      fiscalYear: 2019,
      sourceFile: 'ca-2019.xlsx',
      lineCount: 1,
      executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    });
    expect(listBudgets(store.db)).toHaveLength(1);
  });

  it('finds an import by its SHA-256 and refuses to store the same bytes twice', () => {
    const budgetId = storeBudget();

    expect(findImportBySha256(store.db, 'a'.repeat(64))?.budgetId).toBe(budgetId);
    expect(() => insertImport(store.db, importRecord('a'.repeat(64)))).toThrow(/UNIQUE/);
  });
});

describe('flags and reviews', () => {
  it('keeps a review when the same flag is computed again', () => {
    const budgetId = storeBudget();
    const lineId = readLines(store.db, budgetId)[1]?.id ?? 0;
    replaceFlags(store.db, budgetId, [flag('over-execution', lineId)], 'h1');
    const [first] = listFlags(store.db, budgetId);
    const review = { status: 'explained' as const, note: 'fuel price', reviewer: 'A', at: 'now' };
    saveReview(store.db, first?.id ?? 0, review);

    replaceFlags(store.db, budgetId, [flag('over-execution', lineId)], 'h2');
    const again = listFlags(store.db, budgetId);

    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(first?.id);
    expect(again[0]?.review).toEqual(review);
  });

  it('does not carry a review over to a flag of another rule', () => {
    const budgetId = storeBudget();
    const lineId = readLines(store.db, budgetId)[1]?.id ?? 0;
    replaceFlags(store.db, budgetId, [flag('over-execution', lineId)], 'h1');
    const review = { status: 'confirmed' as const, note: '', reviewer: 'A', at: 'now' };
    saveReview(store.db, listFlags(store.db, budgetId)[0]?.id ?? 0, review);

    replaceFlags(store.db, budgetId, [flag('zero-execution', lineId)], 'h1');

    expect(listFlags(store.db, budgetId)[0]?.review).toBeNull();
  });
});
