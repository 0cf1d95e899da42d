/**
 * One timed import in a process of its own, so that its peak memory is its own. Run as
 * `node --import tsx bench/import-child.ts <ours|floor> <file> [<db>]`; prints one JSON line.
 * `ours` is the real importFile (read in the worker, interpret, store, analyse); `floor` is
 * SheetJS's XLSX.read of the same bytes with the importer's options and nothing else.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import { PARSE_OPTIONS } from '../src-main/import/read-workbook';
import { importFile } from '../src-main/services/import-service';
import { openStore } from '../src-main/store/open-store';

export interface ChildResult {
  ok: boolean;
  ms: number;
  peakRssMb: number;
  /** Detail lines stored, and flags raised, for the check that the file imported right. */
  lines?: number;
  flags?: number;
  executedMinor?: number;
  error?: string;
}

function peakRssMb(): number {
  // maxRSS is in kilobytes; it covers the worker threads, which share the process.
  return process.resourceUsage().maxRSS / 1024;
}

async function runOurs(file: string, dbPath: string): Promise<ChildResult> {
  const store = openStore(dbPath);
  const bytes = readFileSync(file);
  const started = performance.now();
  const outcome = await importFile(store, { fileName: basename(file), bytes, options: {} });
  const ms = performance.now() - started;
  if (!outcome.ok) {
    const first = outcome.issues[0];
    return { ok: false, ms, peakRssMb: peakRssMb(), error: first ? first.message : 'refused' };
  }
  const { db } = store;
  const id = outcome.budgetId;
  const count = (sql: string) => (db.prepare(sql).pluck().get(id) as number | null) ?? 0;
  const result = {
    ok: true,
    ms,
    peakRssMb: peakRssMb(),
    lines: count("SELECT count(*) FROM line WHERE budget_id = ? AND kind = 'line'"),
    flags: count('SELECT count(*) FROM flag WHERE budget_id = ?'),
    executedMinor: count(
      `SELECT sum(value_minor) FROM amount JOIN line ON line.id = amount.line_id
       WHERE line.budget_id = ? AND line.kind = 'line' AND amount.phase IN ('assessed', 'ordered')`,
    ),
  };
  store.close();
  return result;
}

function runFloor(file: string): ChildResult {
  const bytes = readFileSync(file);
  const started = performance.now();
  const workbook = XLSX.read(bytes, PARSE_OPTIONS);
  const ms = performance.now() - started;
  return { ok: workbook.SheetNames.length > 0, ms, peakRssMb: peakRssMb() };
}

async function main(): Promise<void> {
  const [mode, file, dbPath] = process.argv.slice(2);
  if (!file || (mode !== 'ours' && mode !== 'floor')) {
    throw new Error('usage: import-child.ts <ours|floor> <file> [<db>]');
  }
  const result = mode === 'ours' ? await runOurs(file, dbPath ?? ':memory:') : runFloor(file);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
