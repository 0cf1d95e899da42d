import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';

// `npm test` builds the desktop bundle before the tests run; these check what it produced.
const BUILT_WORKER = fromRoot('out', 'main', 'read-worker.js');
const SAMPLE = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');

function readInBuiltWorker(bytes: Uint8Array): Promise<{ ok: boolean; sheets: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BUILT_WORKER, { workerData: { bytes, fileName: 's.xlsx', options: {} } }); // prettier-ignore
    worker.on('message', (m: { kind: string; result?: { ok: boolean; grid?: { sheets: { name: string }[] } } }) => {
      if (m.kind !== 'result' || !m.result) return;
      resolve({ ok: m.result.ok, sheets: m.result.grid?.sheets.map((s) => s.name) ?? [] });
      void worker.terminate();
    }); // prettier-ignore
    worker.on('error', reject);
  });
}

describe('the desktop build', () => {
  it('bundles the reader worker beside the main process', () => {
    expect(existsSync(BUILT_WORKER)).toBe(true);
    expect(readFileSync(fromRoot('out', 'main', 'index.js'), 'utf8')).toContain('read-worker.js');
  });

  it('reads a workbook in the bundled worker without the TypeScript sources', async () => {
    const result = await readInBuiltWorker(readFileSync(SAMPLE));
    expect(result).toEqual({ ok: true, sheets: ['RECETTES', 'DEPENSES', 'EQUILIBRE'] });
  });
});
