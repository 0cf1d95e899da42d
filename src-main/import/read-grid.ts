import type { Grid } from '../../src-shared/grid';
import type { ImportIssue } from '../../src-shared/model';
import { createLogger } from '../log';
import { readCsv } from './read-csv';
import { checkZip, formatBytes, resolveLimits, type ReadLimits } from './limits';
import { fail } from './read-issue';
import { readWorkbook, type FormulasWithoutValue } from './read-workbook';
import { sniffFormat } from './sniff';
import { findFormulasWithoutValue, mapSheetParts } from './xlsx-formula-scan';

export interface ReadOptions {
  /** Forces the text encoding of a CSV (a WHATWG label: 'utf-8', 'windows-1252', 'macintosh'). */
  encoding?: string;
  /** Forces the CSV delimiter instead of sniffing it. */
  delimiter?: string;
  limits?: Partial<ReadLimits>;
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
    const scan = collectFormulaScan(bytes, fileName, limits);
    options.onProgress?.(0.2);
    result = scan.ok ? readWorkbook(bytes, fileName, sniffed.format, limits, scan.byName) : scan;
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
