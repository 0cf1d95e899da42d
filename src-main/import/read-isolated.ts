import { Worker } from 'node:worker_threads';
import { createLogger } from '../log';
import type { ReadOptions, ReadResult } from './read-grid';
import { unpackResult } from './grid-transfer';
import { DEFAULT_LIMITS } from './limits';
import { fail } from './read-issue';
import type { WorkerInput, WorkerMessage } from './read-worker';

export interface IsolationOptions {
  /** Wall-clock budget of the read; the worker is terminated past it. */
  timeoutMs?: number;
  /** Heap of the worker; running out of it ends the read with an issue. */
  maxMemoryMb?: number;
  /** 0 to 1, as the read moves through its steps. */
  onProgress?: (fraction: number) => void;
  /** Cancels the read: the worker is terminated at once. */
  signal?: AbortSignal;
}

// From the sources, a small .mjs registers tsx first; in the desktop build the worker is bundled
// beside the main process as read-worker.js.
const IS_BUNDLED = import.meta.url.endsWith('.js');
const WORKER_ENTRY = new URL(
  IS_BUNDLED ? './read-worker.js' : './read-worker.mjs',
  import.meta.url,
);
const DEFAULT_MEMORY_MB = 2048;
const log = createLogger('import');

function seconds(ms: number): string {
  const text =
    ms < 10_000 ? (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1) : String(Math.round(ms / 1000));
  return text.replace('.', ',');
}

/**
 * readGrid in a worker thread that is killed on a time or memory limit or on cancel, so that a
 * hostile file cannot hang or exhaust the process that asked for it.
 */
export function readGridIsolated(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<ReadOptions, 'onProgress'> = {},
  isolation: IsolationOptions = {},
): Promise<ReadResult> {
  const timeoutMs = isolation.timeoutMs ?? options.limits?.maxTimeMs ?? DEFAULT_LIMITS.maxTimeMs;
  const maxMemoryMb = isolation.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  if (isolation.signal?.aborted) {
    return Promise.resolve(
      fail('read-cancelled', `La lecture de « ${fileName} » a été annulée.`, fileName),
    );
  }

  // A copy, so that transferring it leaves the caller's bytes usable.
  const copy = bytes.slice();
  const input: WorkerInput = { bytes: copy, fileName, options };
  const worker = new Worker(WORKER_ENTRY, {
    workerData: input,
    transferList: [copy.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    stdout: false,
    stderr: false,
  });

  return new Promise<ReadResult>((resolve) => {
    let settled = false;
    const finish = (result: ReadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      isolation.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(result);
    };
    const onAbort = () => {
      log.info('read cancelled');
      finish(fail('read-cancelled', `La lecture de « ${fileName} » a été annulée.`, fileName));
    };
    const timer = setTimeout(() => {
      log.warn(`read stopped after ${timeoutMs} ms`);
      finish(
        fail(
          'read-timeout',
          `La lecture de « ${fileName} » a duré plus de ${seconds(timeoutMs)} s ; elle a été arrêtée.`,
          fileName,
        ),
      );
    }, timeoutMs);
    isolation.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') isolation.onProgress?.(message.fraction);
      else finish(unpackResult(message.result));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        log.warn(`read stopped: more than ${maxMemoryMb} MB of memory`);
        finish(
          fail(
            'read-out-of-memory',
            `La lecture de « ${fileName} » demande plus de ${maxMemoryMb} Mo de mémoire ; elle a été arrêtée.`,
            fileName,
          ),
        );
        return;
      }
      // An exception inside the reader is a bug of ours, not of the file: log it, say so politely.
      log.error(`reader failed: ${error.message}`);
      finish(
        fail(
          'read-failed',
          `« ${fileName} » n'a pas pu être lu, à cause d'une erreur interne.`,
          fileName,
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(
        fail(
          'read-failed',
          `« ${fileName} » n'a pas pu être lu : le lecteur s'est arrêté (code ${code}).`,
          fileName,
        ),
      );
    });
  });
}
