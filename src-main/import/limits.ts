import { fail, type Failure } from './read-issue';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip-directory';

/**
 * What a read may cost. The defaults let a 100 000-line workbook through with room to spare and
 * stop a file built to exhaust memory or time before it does.
 */
export interface ReadLimits {
  maxFileBytes: number;
  /** Sum of the inflated sizes of all zip entries. */
  maxInflatedBytes: number;
  maxZipEntries: number;
  maxSheets: number;
  maxRows: number;
  maxColumns: number;
  /** Cell positions per sheet, counting the empty ones inside each row up to its last cell. */
  maxCells: number;
  /** Excel itself stops at 32 767 characters a cell. */
  maxCellChars: number;
  /** Wall-clock budget of one read, enforced by the isolated reader. */
  maxTimeMs: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxZipEntries: 20_000,
  maxSheets: 1_000,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 30_000_000,
  maxCellChars: 32_767,
  maxTimeMs: 120_000,
});

export function resolveLimits(partial: Partial<ReadLimits> = {}): ReadLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = partial[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`read limit ${key} must be a positive number, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Sizes as people read them: 1.5 MB, 200 MB, 1 GB. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | Failure;

const ZIP_MESSAGES: Record<string, string> = {
  'zip-truncated': 'is damaged or incomplete (was the download or the copy cut short?)',
  'zip-unsupported': 'uses a zip feature the workbench does not read',
  'zip-size-lie': 'is damaged or built to exhaust memory',
  'zip-corrupt': 'is damaged',
};

/**
 * Checks a zip before SheetJS inflates anything: entry count, declared sizes, then each entry
 * inflated by zlib up to its declared size so that a lying header is caught too. `onEntry`
 * sees each inflated entry, for readers that need the raw XML.
 */
export function checkZip(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  onEntry?: (entry: ZipEntry, data: Buffer) => void,
): ZipCheck {
  const directory = readZipDirectory(bytes, limits.maxZipEntries);
  if (!directory.ok) {
    return fail(
      directory.code,
      `'${fileName}' ${ZIP_MESSAGES[directory.code]}: ${directory.reason}.`,
      fileName,
    );
  }
  if (directory.declaredCount > limits.maxZipEntries) {
    return fail(
      'zip-too-many-entries',
      `'${fileName}' holds ${directory.declaredCount} files inside its zip; the limit is ${limits.maxZipEntries}.`,
      fileName,
    );
  }

  const declaredBytes = directory.entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declaredBytes > limits.maxInflatedBytes) {
    return fail(
      'zip-too-large',
      `'${fileName}' would unpack to ${formatBytes(declaredBytes)}; the limit is ${formatBytes(limits.maxInflatedBytes)}.`,
      fileName,
    );
  }

  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const inflated = inflateEntry(bytes, entry);
    if (!inflated.ok) {
      return fail(
        inflated.code,
        `'${fileName}' ${ZIP_MESSAGES[inflated.code]}: ${inflated.reason}.`,
        fileName,
      );
    }
    onEntry?.(entry, inflated.data);
  }
  return { ok: true, entries: directory.entries };
}
