import type { ImportOptions } from '../../src-shared/contract';
import type { ReadResult } from '../import/read-grid';
import { readGridIsolated } from '../import/read-isolated';

/**
 * Reads a file's bytes into a Grid in a worker that is killed on its time or memory limit, so
 * that a hostile file cannot hang or exhaust the process that holds the store.
 */
export function readFileGrid(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ReadResult> {
  // A copy: the worker may take the buffer over, and Buffer slices of Node's pool cannot move.
  const own = new Uint8Array(bytes);
  const readOptions = options.encoding ? { encoding: options.encoding } : {};
  const isolation = { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) };
  return readGridIsolated(own, fileName, readOptions, isolation);
}
