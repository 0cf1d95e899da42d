import { closeSync, openSync, writeSync } from 'node:fs';
import { frenchAmount, sheetRows, sheetWidth, type Cell } from './generate-budget';
import type { SheetJob } from './write-xlsx';

/**
 * A budget as a French spreadsheet's "CSV (séparateur : point-virgule)" export of one sheet:
 * every row padded to the table's width, numbers as the sheet shows them ("1 234 567",
 * "85,3 %"). A CSV holds one table, so the bench writes the expenditure side alone.
 */

function field(value: Cell, isRate: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    return isRate ? `${(value * 100).toFixed(1).replace('.', ',')} %` : frenchAmount(value);
  }
  return /[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the CSV in UTF-8; returns its size in bytes. */
export function writeCsv(path: string, job: SheetJob): number {
  const width = sheetWidth(job.spec);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let part: string[] = [];
  const flush = () => {
    bytes += writeSync(fd, part.join(''));
    part = [];
  };
  try {
    for (const row of sheetRows(job.spec, job.lineCount, job.seed)) {
      const fields: string[] = [];
      for (let c = 0; c < width; c++)
        fields.push(field(row.cells[c] ?? null, c === row.rateColumn));
      part.push(`${fields.join(';')}\r\n`);
      if (part.length >= 20_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
