import type { Grid } from '../../src-shared/grid';
import type { ImportIssue } from '../../src-shared/model';
import { createLogger } from '../log';
import { readCsv } from './read-csv';
import { checkZip, formatBytes, resolveLimits, type ReadLimits } from './limits';
import { fail } from './read-issue';
import { inflateEntry, type ZipEntry } from './zip-directory';
import { readWorkbook, type FormulasWithoutValue } from './read-workbook';
import { sniffFormat } from './sniff';
import { findFormulasWithoutValue, mapSheetParts } from './xlsx-formula-scan';
import { readXlsx } from './xlsx-read';
import { isUnsupported, unsupported, type Unsupported } from './xlsx-unsupported';
import { isUtf8Part } from './xlsx-xml';

export interface ReadOptions {
  /** Forces the text encoding of a CSV (a WHATWG label: 'utf-8', 'windows-1252', 'macintosh'). */
  encoding?: string;
  /** Forces the CSV delimiter instead of sniffing it. */
  delimiter?: string;
  limits?: Partial<ReadLimits>;
  /** Which reader reads xlsx and xlsm: the fast one (default, SheetJS when it cannot) or SheetJS. */
  xlsxReader?: 'fast' | 'sheetjs';
  /** 0 to 1 as the read moves through its steps (checked, parsed, converted). */
  onProgress?: (fraction: number) => void;
}

export type ReadResult = { ok: true; grid: Grid } | { ok: false; issue: ImportIssue };

const log = createLogger('import');

/** The XML parts the reader needs besides SheetJS: which formulas lack a saved value. */
function collectFormulaScan(bytes: Uint8Array, fileName: string, limits: ReadLimits) {
  const sheetXml = new Map<string, Map<string, string>>();
  let workbookXml = '';
  let relsXml = '';
  const checked = checkZip(bytes, fileName, limits, (entry, data) => {
    if (entry.name === 'xl/workbook.xml') workbookXml = data.toString('utf8');
    else if (entry.name === 'xl/_rels/workbook.xml.rels') relsXml = data.toString('utf8');
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const found = findFormulasWithoutValue(data.toString('utf8'));
      if (found.size > 0) sheetXml.set(entry.name, found);
    }
  });
  if (!checked.ok) return checked;

  const byName: FormulasWithoutValue = new Map();
  for (const [name, part] of mapSheetParts(workbookXml, relsXml)) {
    const found = sheetXml.get(part);
    if (found) byName.set(name, found);
  }
  return { ok: true as const, byName };
}

const DEFAULT_XLSX_READER: NonNullable<ReadOptions['xlsxReader']> = 'fast';
const KEPT_PART = /\.(?:xml|rels)$/;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Reads an xlsx or xlsm with the fast reader, from the parts the zip check inflated anyway, or
 * says why it leaves the file to SheetJS. Exported for the tests that compare both readers.
 */
export function readXlsxFast(
  bytes: Uint8Array,
  fileName: string,
  format: 'xlsx' | 'xlsm',
  limits: ReadLimits,
  onProgress?: ReadOptions['onProgress'],
): ReadResult | Unsupported {
  const parts = new Map<string, Buffer>();
  const sheetEntries = new Map<string, ZipEntry>();
  const namesByLower = new Map<string, string>();
  let isAmbiguous = false;
  let notUtf8: string | null = null;
  const checked = checkZip(bytes, fileName, limits, (entry, data) => {
    const lower = entry.name.toLowerCase();
    // SheetJS finds parts whatever their case: two names that differ only so are left to it.
    if (namesByLower.has(lower)) isAmbiguous = true;
    namesByLower.set(lower, entry.name);
    const isXml = KEPT_PART.test(lower);
    if (isXml && notUtf8 === null && !isUtf8Part(data)) notUtf8 = entry.name;
    // Sheets are most of the XML: they are inflated again one at a time, when read, so that
    // they never all sit in memory beside the Grid.
    if (SHEET_PART.test(entry.name)) sheetEntries.set(entry.name, entry);
    else if (isXml) parts.set(entry.name, data);
  });
  if (!checked.ok) return checked;
  onProgress?.(0.2);
  if (isAmbiguous) return unsupported('two parts differ only by case');
  if (notUtf8 !== null) return unsupported(`part ${notUtf8} is not in UTF-8`);

  const take = (name: string) => {
    const entry = sheetEntries.get(name);
    sheetEntries.delete(name);
    if (entry) {
      const inflated = inflateEntry(bytes, entry);
      return inflated.ok ? inflated.data : undefined;
    }
    const data = parts.get(name);
    parts.delete(name);
    return data;
  };
  return readXlsx(
    {
      take,
      peek: (name) => parts.get(name),
      has: (name) => parts.has(name) || sheetEntries.has(name),
      nameOf: (name) => namesByLower.get(name.toLowerCase()),
    },
    fileName,
    format,
    limits,
  );
}

/**
 * An xlsx or xlsm through the fast reader when it can, else (and an ods always) SheetJS. An xlsx
 * that also holds META-INF/manifest.xml is taken by SheetJS for an ODS and fails there; the fast
 * reader reads it as the xlsx it is, on purpose.
 */
function readZipWorkbook(
  bytes: Uint8Array,
  fileName: string,
  format: 'xlsx' | 'xlsm' | 'ods',
  limits: ReadLimits,
  options: ReadOptions,
): ReadResult {
  if (format !== 'ods' && (options.xlsxReader ?? DEFAULT_XLSX_READER) === 'fast') {
    const fast = readXlsxFast(bytes, fileName, format, limits, options.onProgress);
    if (!isUnsupported(fast)) return fast;
    log.debug(`fast xlsx reader: unsupported (${fast.unsupported}), SheetJS reads the file`);
  }
  const scan = collectFormulaScan(bytes, fileName, limits);
  options.onProgress?.(0.2);
  return scan.ok ? readWorkbook(bytes, fileName, format, limits, scan.byName) : scan;
}

/**
 * Reads a spreadsheet's bytes into a Grid. The format comes from the bytes, never from the
 * name; the name only labels messages. Bad input is returned as an issue, never thrown.
 */
export function readGrid(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): ReadResult {
  const startedMs = Date.now();
  const limits = resolveLimits(options.limits);
  if (bytes.length > limits.maxFileBytes) {
    return fail(
      'file-too-large',
      `« ${fileName} » fait ${formatBytes(bytes.length)} ; la limite est de ${formatBytes(limits.maxFileBytes)}.`,
      fileName,
    );
  }
  const sniffed = sniffFormat(bytes, fileName, limits.maxZipEntries);
  if (!sniffed.ok) return sniffed;
  options.onProgress?.(0.05);

  let result: ReadResult;
  if (sniffed.format === 'csv') {
    result = readCsv(bytes, fileName, options, limits);
  } else if (sniffed.format === 'xls') {
    result = readWorkbook(bytes, fileName, 'xls', limits);
  } else {
    result = readZipWorkbook(bytes, fileName, sniffed.format, limits, options);
  }
  options.onProgress?.(1);

  const elapsedMs = Date.now() - startedMs;
  if (result.ok) {
    const rows = result.grid.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    log.info(
      `read ${sniffed.format} with ${result.grid.sheets.length} sheets, ${rows} rows in ${elapsedMs} ms`,
    );
  } else {
    log.info(`refused a ${sniffed.format} file (${result.issue.code}) after ${elapsedMs} ms`);
  }
  return result;
}
