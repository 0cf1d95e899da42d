import type { ImportOptions } from '../../src-shared/contract';
import { readGrid, type ReadResult } from '../import/read-grid';

/** Reads a file's bytes into a Grid with the options an import was given. */
export async function readFileGrid(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ReadResult> {
  return readGrid(bytes, fileName, options.encoding ? { encoding: options.encoding } : {});
}
