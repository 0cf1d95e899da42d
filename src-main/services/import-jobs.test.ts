import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-shared/contract';
import type { ImportJob } from '../../src-shared/contract-settings';
import { fromRoot } from '../paths';
import { listOperations } from '../store/operations-repo';
import { openStore, type Store } from '../store/open-store';
import { createHandlers } from './handlers';

const SAMPLE_PATH = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');

let dir: string;
let store: Store;
let handlers: Handlers;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-jobs-'));
  store = openStore(join(dir, 'jobs.sqlite'));
  handlers = createHandlers(store, { actor: 'test' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sample = {
  fileName: 'commune-fictive-2019-compte-administratif.xlsx',
  dataBase64: readFileSync(SAMPLE_PATH).toString('base64'),
  options: {},
};
const rows = (table: string) =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function settle(jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = await handlers['import.status']({ jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('imports run as jobs', () => {
  it('stores the budget with the version the user chose and reports the done stage', async () => {
    const { jobId } = await handlers['import.start']({
      ...sample,
      commit: true,
      version: 'revised',
    });
    const job = await settle(jobId);

    expect(job).toMatchObject({ state: 'done', stage: 'done', fraction: 1, duplicate: false });
    const budgets = await handlers['budgets.list']({});
    expect(budgets.map((b) => [b.id, b.version])).toEqual([[job.budgetId, 'revised']]);
  });

  it('writes nothing, not even a log entry, when cancelled during the read', async () => {
    const operationsBefore = listOperations(store.db).length;
    const { jobId } = await handlers['import.start']({ ...sample, commit: true });
    const cancelled = await handlers['import.cancel']({ jobId });
    const job = await settle(jobId);

    expect(cancelled.stage).toBe('read');
    expect(job.state).toBe('cancelled');
    expect(job.budgetId).toBeNull();
    for (const table of ['import', 'budget', 'line', 'amount', 'flag']) expect(rows(table)).toBe(0);
    expect(listOperations(store.db)).toHaveLength(operationsBefore);
  });

  it('gives the reader’s reason for a refusal on its own line, after the French sentence', async () => {
    const { jobId } = await handlers['import.start']({
      fileName: 'vide.xlsx',
      dataBase64: '',
      options: {},
      commit: true,
    });
    const job = await settle(jobId);

    const [sentence, reason, ...rest] = (job.error?.message ?? '').split('\n');
    expect(job.state).toBe('failed');
    expect(sentence).toBe('Ce fichier ne peut pas être importé.');
    expect(reason).toBe(JSON.parse(job.error?.detail ?? '[]')[0]?.message);
    expect(rest).toEqual([]);
  });

  it('previews without storing and keeps the preview for the poll', async () => {
    const { jobId } = await handlers['import.start']({ ...sample, commit: false });
    const job = await settle(jobId);

    expect(job.state).toBe('done');
    expect(job.preview?.rows.length).toBeGreaterThan(10);
    expect(rows('budget')).toBe(0);
  });
});

describe('rule settings of a store', () => {
  it('judge every budget again with the saved thresholds and log what changed', async () => {
    await settle((await handlers['import.start']({ ...sample, commit: true })).jobId);
    const before = await handlers['settings.get']({});
    const lowBefore = (await handlers['flags.list']({})).filter((f) => f.rule === 'low-execution');

    const saved = await handlers['settings.save']({ overrides: { lowExecutionPercent: 95 } });
    const flags = await handlers['flags.list']({});
    const lowAfter = flags.filter((f) => f.rule === 'low-execution');

    expect(saved.reanalysed).toBe(1);
    expect(saved.overrides).toEqual({ lowExecutionPercent: 95 });
    expect(saved.settingsHash).not.toBe(before.settingsHash);
    expect(lowAfter.length).toBeGreaterThan(lowBefore.length);
    expect(new Set(flags.map((f) => f.values.settingsHash))).toEqual(new Set([saved.settingsHash]));
    const logged = listOperations(store.db).filter((op) => op.kind === 'rule-settings');
    expect(logged.map((op) => op.parameters)).toEqual([
      { changed: { lowExecutionPercent: { from: 50, to: 95 } }, reset: false },
    ]);
  });

  it('reset to the defaults when the defaults are saved, with the reset logged', async () => {
    await handlers['settings.save']({ overrides: { outlierRobustZ: 5 } });
    const reset = await handlers['settings.save']({ overrides: { outlierRobustZ: 3.5 } });

    expect(reset.overrides).toEqual({});
    const logged = listOperations(store.db).filter((op) => op.kind === 'rule-settings');
    expect(logged.at(-1)?.parameters).toEqual({
      changed: { outlierRobustZ: { from: 5, to: 3.5 } },
      reset: true,
    });
  });

  it.each(['import.commit', 'import.start'] as const)(
    'judge a file imported through %s, as the first-run sample is',
    async (call) => {
      const saved = await handlers['settings.save']({ overrides: { lowExecutionPercent: 95 } });
      if (call === 'import.commit') await handlers['import.commit'](sample);
      else await settle((await handlers['import.start']({ ...sample, commit: true })).jobId);

      const flags = await handlers['flags.list']({});
      expect(new Set(flags.map((f) => f.values.settingsHash))).toEqual(
        new Set([saved.settingsHash]),
      );
      expect(flags.filter((f) => f.rule === 'low-execution').length).toBeGreaterThan(0);
    },
  );

  it('are used by the next import', async () => {
    const saved = await handlers['settings.save']({ overrides: { basis: 'original' } });
    await settle((await handlers['import.start']({ ...sample, commit: true })).jobId);

    const hashes = new Set((await handlers['flags.list']({})).map((f) => f.values.settingsHash));
    expect(hashes).toEqual(new Set([saved.settingsHash]));
  });
});

describe('population of an entity for a year', () => {
  it('gives the summary its per-resident figures and is logged', async () => {
    const job = await settle((await handlers['import.start']({ ...sample, commit: true })).jobId);
    const budgetId = job.budgetId ?? 0;

    await handlers['population.set']({ budgetId, count: 25_000 });
    const summary = await handlers['budgets.summary']({ budgetId });

    expect(summary.budget.population).toBe(25_000);
    expect(summary.bySection.some((g) => g.executedPerResidentMinor !== null)).toBe(true);
    expect(listOperations(store.db).filter((op) => op.kind === 'population')).toHaveLength(1);
  });
});
