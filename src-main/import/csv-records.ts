/**
 * Splits CSV text into records. Quoted fields may hold delimiters, line breaks and doubled
 * quotes; a record ends at LF, CRLF or a bare CR (old Mac files). A quote inside an unquoted
 * field is kept as text, as spreadsheet programs do.
 */
export type Records =
  | { ok: true; records: string[][]; lines: number[] }
  | { ok: false; unclosedQuoteLine: number; records: string[][] };

/** Parses at most `maxRecords` records (all when omitted). `lines` holds each record's 1-based line. */
export function splitRecords(text: string, delimiter: string, maxRecords = Infinity): Records {
  const records: string[][] = [];
  const lines: number[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const length = text.length;

  const endRecord = () => {
    records.push(fields);
    lines.push(recordLine);
    fields = [];
    recordLine = line;
  };

  while (i <= length && records.length < maxRecords) {
    if (i === length) {
      // A final line break closes the last record; no empty record follows it.
      if (fields.length > 0 || text.length === 0 || !isLineEnd(text.charCodeAt(length - 1))) {
        fields.push('');
        endRecord();
      }
      break;
    }
    let code = text.charCodeAt(i);
    if (code === 0x22) {
      const quoteLine = line;
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return { ok: false, unclosedQuoteLine: quoteLine, records };
        line += countLines(text, j, close);
        if (text.charCodeAt(close + 1) === 0x22) {
          value += text.slice(from, close + 1);
          from = j = close + 2;
          continue;
        }
        value += text.slice(from, close);
        i = close + 1;
        break;
      }
      // Text after the closing quote belongs to the same field: `"abc"def` reads `abcdef`.
      let end = i;
      while (end < length && !isFieldEnd(text.charCodeAt(end), delimiterCode)) end++;
      value += text.slice(i, end);
      i = end;
      fields.push(value);
    } else {
      let end = i;
      while (end < length && !isFieldEnd(text.charCodeAt(end), delimiterCode)) end++;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (i >= length) {
      endRecord();
      break;
    }
    code = text.charCodeAt(i);
    if (code === delimiterCode) {
      i++;
      if (i === length) {
        fields.push('');
        endRecord();
        break;
      }
      continue;
    }
    i += code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    line++;
    endRecord();
  }
  return { ok: true, records, lines };
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

function isFieldEnd(code: number, delimiter: number): boolean {
  return code === delimiter || code === 0x0a || code === 0x0d;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) count++;
  }
  return count;
}
