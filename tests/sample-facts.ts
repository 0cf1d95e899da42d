import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fromRoot } from '../src-main/paths';

export const SAMPLE_PATH = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');

type Row = (string | number | null)[];

function sheetRows(name: string): Row[] {
  const wb = XLSX.read(readFileSync(SAMPLE_PATH), { type: 'buffer', dense: true });
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`the sample has no sheet ${name}`);
  return XLSX.utils.sheet_to_json<Row>(ws, { header: 1, raw: true, defval: null, blankrows: true });
}

/** The 1-based row of the sheet whose column A (code) or B (label) holds `text`. */
export function sampleRowOf(sheet: string, text: string): number {
  const index = sheetRows(sheet).findIndex((r) => r[0] === text || r[1] === text);
  if (index < 0) throw new Error(`no row ${text} in ${sheet}`);
  return index + 1;
}

/** The figures of the sheet's own TOTAL GÉNÉRAL row, read straight from the workbook. */
export function sampleGrandTotal(sheet: 'RECETTES' | 'DEPENSES'): number[] {
  const rows = sheetRows(sheet);
  const total = rows.find((r) => String(r[1] ?? '').startsWith('TOTAL GÉNÉRAL'));
  if (!total) throw new Error(`no TOTAL GÉNÉRAL in ${sheet}`);
  return total.slice(2, -1).map((v) => Number(v));
}
