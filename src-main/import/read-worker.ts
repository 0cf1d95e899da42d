import { parentPort, workerData } from 'node:worker_threads';
import { readGrid, type ReadOptions } from './read-grid';

/** What readGridIsolated hands the worker, and what the worker posts back. */
export interface WorkerInput {
  bytes: Uint8Array;
  fileName: string;
  options: Omit<ReadOptions, 'onProgress'>;
}

export type WorkerMessage =
  { kind: 'progress'; fraction: number } | { kind: 'result'; result: ReturnType<typeof readGrid> };

if (parentPort) {
  const port = parentPort;
  const input = workerData as WorkerInput;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const result = readGrid(input.bytes, input.fileName, {
    ...input.options,
    onProgress: (fraction) => post({ kind: 'progress', fraction }),
  });
  post({ kind: 'result', result });
}
