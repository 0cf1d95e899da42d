import { parentPort, workerData } from 'node:worker_threads';
import { packResult, type PackedResult } from './grid-transfer';
import { readGrid, type ReadOptions } from './read-grid';

/** What readGridIsolated hands the worker, and what the worker posts back. */
export interface WorkerInput {
  bytes: Uint8Array;
  fileName: string;
  options: Omit<ReadOptions, 'onProgress'>;
}

export type WorkerMessage =
  { kind: 'progress'; fraction: number } | { kind: 'result'; result: PackedResult };

if (parentPort) {
  const port = parentPort;
  const input = workerData as WorkerInput;
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  const result = readGrid(input.bytes, input.fileName, {
    ...input.options,
    onProgress: (fraction) => post({ kind: 'progress', fraction }),
  });
  const { packed, transfer } = packResult(result);
  post({ kind: 'result', result: packed }, transfer);
}
