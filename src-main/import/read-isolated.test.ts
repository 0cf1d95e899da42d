import { describe, expect, it } from 'vitest';
import { readGridIsolated } from './read-isolated';

const csv = new TextEncoder().encode('Code;Libellé;Prévu\n70;Impôts;1 000,50\n');

/** A CSV big enough that reading it takes seconds: the time limit must stop it first. */
function slowCsv(): Uint8Array {
  const line = '7012;Impôts et taxes sur le foncier bâti;1 234 567,89;987 654,32\n';
  return new TextEncoder().encode(line.repeat(600_000));
}

describe('readGridIsolated', () => {
  it('reads a file in a worker and reports progress up to the end', async () => {
    const progress: number[] = [];
    const result = await readGridIsolated(
      csv,
      'budget.csv',
      {},
      { onProgress: (f) => progress.push(f) },
    );
    expect(result.ok && result.grid.sheets[0]!.rows[1]!.map((cell) => cell?.text)).toEqual([
      '70',
      'Impôts',
      '1 000,50',
    ]);
    expect(progress.at(-1)).toBe(1);
    expect(csv.length).toBeGreaterThan(0);
  });

  it('returns the reader’s own issue for a file it refuses', async () => {
    const result = await readGridIsolated(new Uint8Array(0), 'empty.xlsx');
    expect(!result.ok && result.issue.code).toBe('empty-file');
  });

  it('kills a read that runs past its time limit and says how long it waited', async () => {
    const startedMs = Date.now();
    const result = await readGridIsolated(slowCsv(), 'huge.csv', {}, { timeoutMs: 300 });
    expect(Date.now() - startedMs).toBeLessThan(3000);
    expect(!result.ok && result.issue).toMatchObject({
      code: 'read-timeout',
      file: 'huge.csv',
      message: 'La lecture de « huge.csv » a duré plus de 0,3 s ; elle a été arrêtée.',
    });
  });

  it('stops a read when it is cancelled', async () => {
    const controller = new AbortController();
    const pending = readGridIsolated(slowCsv(), 'huge.csv', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    expect(!result.ok && result.issue.code).toBe('read-cancelled');
  });

  it('stops a read that needs more memory than allowed', async () => {
    const result = await readGridIsolated(
      slowCsv(),
      'huge.csv',
      {},
      { maxMemoryMb: 48, timeoutMs: 20_000 },
    );
    expect(!result.ok && result.issue.code).toBe('read-out-of-memory');
  }, 30_000);
});
