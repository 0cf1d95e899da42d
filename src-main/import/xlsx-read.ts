import type { ReadLimits } from './limits';
import { assembleWorkbook, convertSheet, type WorkbookRead } from './read-workbook';
import { readPackage, type XlsxParts } from './xlsx-package';
import { readSheet } from './xlsx-sheet';
import { readSharedStrings } from './xlsx-shared-strings';
import { isUnsupported, unsupported, type Unsupported } from './xlsx-unsupported';
import { readStyles } from './xlsx-styles';

/**
 * Reads an xlsx or xlsm straight from its inflated XML parts into the Grid the SheetJS path
 * gives, one pass per part and no DOM. Returns unsupported, never a guess, for anything it
 * does not read exactly as SheetJS does; the caller then reads the file through SheetJS.
 */
export function readXlsx(
  parts: XlsxParts,
  fileName: string,
  format: 'xlsx' | 'xlsm',
  limits: ReadLimits,
): WorkbookRead | Unsupported {
  const workbook = readPackage(parts);
  const takePart = parts.take;
  if (isUnsupported(workbook)) return workbook;

  const stringsXml = workbook.sharedStringsPart ? takePart(workbook.sharedStringsPart) : undefined;
  const strings = stringsXml ? readSharedStrings(stringsXml) : [];
  if (isUnsupported(strings)) return strings;
  const styles = readStyles(workbook.stylesPart ? (takePart(workbook.stylesPart) ?? null) : null);
  if (isUnsupported(styles)) return styles;

  // Sheets are read in order and each stops the read when it cannot be read exactly; the
  // limits are checked on each as it comes, as the SheetJS path does.
  const state: { stopped: Unsupported | null } = { stopped: null };
  const context = { strings, styles, date1904: workbook.date1904 };
  const read = assembleWorkbook(
    fileName,
    format,
    workbook.sheets.map((sheet) => sheet.name),
    format === 'xlsm',
    (index, name) => {
      const entry = workbook.sheets[index]!;
      const xml = takePart(entry.part);
      if (!xml) {
        state.stopped = unsupported(`the part of sheet ${index + 1} was read twice`);
        return { ok: false, issue: stoppedIssue(fileName) };
      }
      const sheet = readSheet(xml, context);
      if (isUnsupported(sheet)) {
        state.stopped = unsupported(`sheet ${index + 1}: ${sheet.unsupported}`);
        return { ok: false, issue: stoppedIssue(fileName) };
      }
      const converted = convertSheet(
        name,
        sheet,
        null,
        entry.hidden,
        sheet.withoutValue,
        fileName,
        limits,
      );
      if ('ok' in converted) return converted;
      return { ok: true, sheet: converted, withoutValueCount: sheet.withoutValue.size };
    },
    limits,
  );
  return state.stopped ?? read;
}

/** Placeholder issue that ends the assembly early; it never leaves this module. */
function stoppedIssue(fileName: string) {
  return {
    severity: 'error' as const,
    code: 'fast-reader-stopped',
    message: '',
    file: fileName,
    sheet: null,
    row: null,
    column: null,
  };
}
