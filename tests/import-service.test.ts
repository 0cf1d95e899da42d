import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../src-shared/contract';
import { analyseBudget } from '../src-main/services/analyse';
import { callHandler } from '../src-main/services/call-handler';
import { createHandlers } from '../src-main/services/handlers';
import { importFile } from '../src-main/services/import-service';
import { listOperations } from '../src-main/store/operations-repo';
import { openStore, type Store } from '../src-main/store/open-store';
import { SAMPLE_PATH } from './sample-facts';
import { tempFolder } from './store-helpers';

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeEach(() => {
  folder = tempFolder();
  store = openStore(join(folder.dir, 'service.sqlite'));
});
afterEach(() => {
  store.close();
  folder.remove();
});

const sample = () => ({
  fileName: 'commune-fictive-2019-compte-administratif.xlsx',
  bytes: new Uint8Array(readFileSync(SAMPLE_PATH)),
  options: {},
  actor: 'test',
});
const rows = (table: string) =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('importFile', () => {
  it('stores the sample with its lines, its flags and the log of what was done', async () => {
    const outcome = await importFile(store, sample());

    expect(outcome.ok).toBe(true);
    expect(rows('budget')).toBe(1);
    expect(rows('amount')).toBeGreaterThan(100);
    expect(rows('flag')).toBeGreaterThan(0);
    expect(listOperations(store.db).map((o) => [o.actor, o.kind])).toEqual([
      ['test', 'import'],
      ['test', 'analyse'],
    ]);
  });

  it('logs as output hash the SHA-256 of the interpreted rows written as one JSON array', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `${600000 + i};Fournitures n° ${i};${i} 000;${i} 500`,
    );
    const csv = ['Code;Libellé;Prévu;Réalisé', ...lines].join('\n');
    const bytes = new TextEncoder().encode(csv);
    const outcome = await importFile(store, { fileName: 'depenses.csv', bytes, options: {} });

    expect(outcome.ok).toBe(true);
    const json = JSON.stringify(outcome.ok ? outcome.preview.rows : null);
    // Large enough that the rows reach the hash in several pieces.
    expect(json.length).toBeGreaterThan(1 << 17);
    const expected = createHash('sha256').update(json).digest('hex');
    const logged = listOperations(store.db).find((o) => o.kind === 'import');
    expect(logged?.outputHash).toBe(expected);
  });

  it('recognises the same bytes a second time and returns the budget already stored', async () => {
    const first = await importFile(store, sample());
    const second = await importFile(store, sample());

    expect(second).toMatchObject({ ok: true, duplicate: true });
    expect(first.ok && second.ok && second.budgetId === first.budgetId).toBe(true);
    expect(rows('budget')).toBe(1);
  });

  it('writes nothing for a file that cannot be read, and says why', async () => {
    const bytes = new Uint8Array(Buffer.from('PK\u0003\u0004 a truncated zip'));
    const outcome = await importFile(store, { fileName: 'broken.xlsx', bytes, options: {} });

    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues[0]?.severity).toBe('error');
    for (const table of ['import', 'entity', 'budget', 'line', 'operation']) {
      expect(rows(table)).toBe(0);
    }
  });

  it('keeps a review across a new analysis of the same budget', async () => {
    const handlers = createHandlers(store, { actor: 'test' });
    const outcome = await importFile(store, sample());
    if (!outcome.ok) throw new Error('the sample did not import');
    const [flag] = await handlers['flags.list']({ budgetId: outcome.budgetId });
    await handlers['flags.review']({
      flagId: flag?.id ?? 0,
      status: 'explained',
      note: 'hausse du prix du carburant',
      reviewer: 'Trésorier',
    });

    analyseBudget(store, outcome.budgetId);
    const again = await handlers['flags.list']({ budgetId: outcome.budgetId });

    expect(again.find((f) => f.rule === flag?.rule && f.row === flag?.row)?.review?.note).toBe(
      'hausse du prix du carburant',
    );
  });
});

describe('callHandler', () => {
  it('answers a bad input with bad-input and the details, without calling the service', async () => {
    const handlers = createHandlers(store);
    const reply = await callHandler(handlers, 'flags.review', { flagId: -1, status: 'maybe' });

    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('bad-input');
    expect(!reply.ok && reply.error.detail).toMatch(/flagId|status/);
    expect(rows('operation')).toBe(0);
  });

  it('refuses a call that is not in the contract', async () => {
    const reply = await callHandler(createHandlers(store), 'store.drop', {});

    expect(!reply.ok && reply.error.code).toBe('unknown-call');
  });

  it('passes an expected refusal on as it is', async () => {
    const reply = await callHandler(createHandlers(store), 'budgets.summary', {});

    expect(!reply.ok && reply.error).toMatchObject({ code: 'no-budget' });
  });

  it('turns an unexpected failure into a polite message with no stack', async () => {
    const handlers = {
      ...createHandlers(store),
      'budgets.list': async () => {
        throw new TypeError('x is undefined at someFunction (file.ts:12:3)');
      },
    } as Handlers;
    const reply = await callHandler(handlers, 'budgets.list', {});

    expect(!reply.ok && reply.error.code).toBe('internal');
    expect(!reply.ok && reply.error.message).not.toMatch(/file\.ts|TypeError|undefined/);
  });

  it('imports a file sent as base64 and lists it', async () => {
    const handlers = createHandlers(store);
    const dataBase64 = readFileSync(SAMPLE_PATH).toString('base64');
    const reply = await callHandler(handlers, 'import.commit', {
      fileName: 'ca.xlsx',
      dataBase64,
    });
    const list = await callHandler(handlers, 'budgets.list', {});

    expect(reply.ok && reply.data).toMatchObject({ duplicate: false });
    expect(list.ok && (list.data as unknown[]).length).toBe(1);
  });
});
