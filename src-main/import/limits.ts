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
  const units = [bytes > 1 ? 'octets' : 'octet', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | Failure;

const ZIP_MESSAGES: Record<string, string> = {
  'zip-truncated': 'est abîmé ou incomplet (téléchargement ou copie interrompus ?)',
  'zip-unsupported': 'utilise une fonction du format zip que Budget Clair ne lit pas',
  'zip-size-lie': 'est abîmé, ou fait pour épuiser la mémoire',
  'zip-corrupt': 'est abîmé',
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
      `« ${fileName} » ${ZIP_MESSAGES[directory.code]} : ${directory.reason}.`,
      fileName,
    );
  }
  if (directory.declaredCount > limits.maxZipEntries) {
    return fail(
      'zip-too-many-entries',
      `« ${fileName} » contient ${directory.declaredCount} fichiers dans son archive zip ; la limite est de ${limits.maxZipEntries}.`,
      fileName,
    );
  }

  const declaredBytes = directory.entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declaredBytes > limits.maxInflatedBytes) {
    return fail(
      'zip-too-large',
      `« ${fileName} » ferait ${formatBytes(declaredBytes)} une fois décompressé ; la limite est de ${formatBytes(limits.maxInflatedBytes)}.`,
      fileName,
    );
  }

  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const inflated = inflateEntry(bytes, entry);
    if (!inflated.ok) {
      return fail(
        inflated.code,
        `« ${fileName} » ${ZIP_MESSAGES[inflated.code]} : ${inflated.reason}.`,
        fileName,
      );
    }
    onEntry?.(entry, inflated.data);
  }
  return { ok: true, entries: directory.entries };
}
