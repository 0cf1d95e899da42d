import { cellAddress, columnLetter, type Grid, type GridCell } from '../../src-shared/grid';
import { splitRecords } from './csv-records';
import { decodeText } from './decode-text';
import type { ReadLimits } from './limits';
import { fail, gridNote, type Failure } from './read-issue';

export type CsvRead = { ok: true; grid: Grid } | Failure;

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** When two delimiters fit equally well, the one least likely to occur inside a value wins. */
const PREFERENCE = ['\t', ';', '|', ','];
const SNIFF_RECORDS = 500;

function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'des tabulations' : `« ${delimiter} »`;
}

/**
 * The delimiter that splits the first few hundred records into the same number of fields most
 * often. Counting per line would take the decimal comma of `-12,50` for a delimiter.
 */
export function sniffDelimiter(text: string): string {
  let best = { delimiter: ',', consistency: -1, fields: 0 };
  for (const delimiter of PREFERENCE) {
    // The records before an unclosed quote still count: the error comes after the sniff.
    const parsed = splitRecords(text, delimiter, SNIFF_RECORDS);
    const counts = parsed.records
      .filter((record) => record.length > 1 || record[0] !== '')
      .map((record) => record.length);
    if (counts.length === 0) continue;

    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const [fields, times] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (fields < 2) continue;
    // Consistency first; a clear gain is needed to beat a preferred delimiter.
    const consistency = times / counts.length;
    if (consistency > best.consistency + 0.05) best = { delimiter, consistency, fields };
  }
  return best.delimiter;
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.[^.]+$/, '') || name;
}

function toCell(field: string): GridCell {
  // The raw field only: numbers are read per column later, and `=…` stays text.
  if (field === '') {
    return {
      type: 'empty',
      value: null,
      text: '',
      format: null,
      formula: null,
      formulaWithoutValue: false,
    };
  }
  return {
    type: 'string',
    value: field,
    text: field,
    format: null,
    formula: null,
    formulaWithoutValue: false,
  };
}

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

/** Reads a delimited text file into a one-sheet Grid of raw text cells. */
export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  options: CsvOptions,
  limits: ReadLimits,
): CsvRead {
  const decoded = decodeText(bytes, fileName, options.encoding);
  if (!decoded.ok) return decoded;
  const notes = [...decoded.notes];
  let text = decoded.text;

  const nulCount = text.split('\0').length - 1;
  if (nulCount > 0) {
    // NUL never belongs in a budget label; it is what a broken export or a binary leaves.
    text = text.replaceAll('\0', '');
    notes.push(
      gridNote(
        'warning',
        'nul-removed',
        nulCount === 1
          ? 'Un caractère NUL a été retiré du fichier.'
          : `${nulCount} caractères NUL ont été retirés du fichier.`,
      ),
    );
  }

  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    return fail(
      'bad-delimiter',
      `« ${fileName} » ne se découpe pas en colonnes par ${delimiterName(delimiter)}.`,
      fileName,
    );
  }
  const parsed = splitRecords(text, delimiter);
  if (!parsed.ok) {
    return fail(
      'unbalanced-quote',
      `La ligne ${parsed.unclosedQuoteLine} de « ${fileName} » ouvre des guillemets qui ne sont jamais fermés : tout le reste du fichier deviendrait une seule cellule. Vérifiez les guillemets de cette ligne.`,
      fileName,
      { row: parsed.unclosedQuoteLine },
    );
  }

  const records = parsed.records;
  while (records.length > 0 && records[records.length - 1]!.every((field) => field === ''))
    records.pop();
  if (records.length > limits.maxRows) {
    return fail(
      'too-many-rows',
      `« ${fileName} » a ${records.length} lignes ; la limite est de ${limits.maxRows}.`,
      fileName,
    );
  }

  const rows: GridCell[][] = [];
  let cells = 0;
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!;
    if (record.length > limits.maxColumns) {
      return fail(
        'too-many-columns',
        `La ligne ${r + 1} de « ${fileName} » a ${record.length} champs ; la limite est de ${limits.maxColumns}.`,
        fileName,
        { row: r + 1 },
      );
    }
    cells += record.length;
    if (cells > limits.maxCells) {
      return fail(
        'too-many-cells',
        `« ${fileName} » dépasse la limite de ${limits.maxCells} cellules.`,
        fileName,
        { row: r + 1 },
      );
    }
    const long = record.findIndex((field) => field.length > limits.maxCellChars);
    if (long >= 0) {
      return fail(
        'cell-too-long',
        `La cellule ${cellAddress(r, long)} de « ${fileName} » contient ${record[long]!.length} caractères ; la limite est de ${limits.maxCellChars}.`,
        fileName,
        { row: r + 1, column: columnLetter(long) },
      );
    }
    rows.push(record.length === 1 && record[0] === '' ? [] : record.map(toCell));
  }
  if (!options.delimiter) {
    notes.push(
      gridNote(
        'info',
        'delimiter-found',
        `Les champs sont séparés par ${delimiterName(delimiter)}.`,
      ),
    );
  }

  const sheet = {
    name: baseName(fileName),
    hidden: false,
    rows,
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  return {
    ok: true,
    grid: {
      fileName,
      format: 'csv',
      encoding: decoded.encoding,
      delimiter,
      sheets: [sheet],
      notes,
    },
  };
}
