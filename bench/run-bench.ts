import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../src-main/paths';
import { importFile } from '../src-main/services';
import { openStore } from '../src-main/store/open-store';
import { OVERVIEW, renderReport, type BenchResults } from './bench-report';
import { linesPerSheet, SHEETS } from './generate-budget';
import { benchImport } from './import-bench';
import { benchPdf } from './pdf-bench';
import { summariseProfiles } from './profile-summary';
import { benchRenderer } from './renderer-bench';
import { runNodeChild, runProfiled } from './run-child';
import { spreadOf } from './stats';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

export interface BenchOptions {
  sizes: number[];
  /** Repetitions at a size; fewer at a million lines. */
  repetitions: (lines: number) => number;
  peers: boolean;
  browser: boolean;
  profile: boolean;
  /** A run that goes past this is reported as such, not waited for. */
  importTimeoutMs: (lines: number) => number;
  say: (text: string) => void;
}

interface Generated {
  lines: number;
  xlsx: string;
  csv: string;
  xmlBytes: number;
}

function generate(dir: string, lines: number): Generated {
  const counts = linesPerSheet(lines);
  const xlsx = join(dir, `budget-${lines}.xlsx`);
  const csv = join(dir, `budget-${lines}.csv`);
  const jobs = SHEETS.map((spec, i) => ({ spec, lineCount: counts[i]!, seed: 1000 + i }));
  const { sheetXmlBytes } = writeXlsx(xlsx, jobs);
  writeCsv(csv, { spec: SHEETS[1]!, lineCount: lines, seed: 2000 });
  return { lines, xlsx, csv, xmlBytes: sheetXmlBytes };
}

/** Imports a generated file untimed and checks that every line arrived. */
async function checkImports(dir: string, file: string, lines: number): Promise<string | null> {
  const run = await runNodeChild('bench/import-child.ts', [
    'ours',
    file,
    join(dir, 'check.sqlite'),
  ]);
  rmSync(join(dir, 'check.sqlite'), { force: true });
  if (!run.ok) return `check import failed: ${run.error ?? '?'}`;
  return run.lines === lines ? null : `check import stored ${String(run.lines)} of ${lines} lines`;
}

async function storedBudget(dir: string, file: string, name: string) {
  const store = openStore(join(dir, name));
  const outcome = await importFile(store, {
    fileName: file,
    bytes: readFileSync(file),
    options: {},
  });
  if (!outcome.ok) throw new Error(`${file} did not import: ${outcome.issues[0]?.message ?? '?'}`);
  return { store, budgetId: outcome.budgetId };
}

async function rendererAndPdf(
  dir: string,
  gen: Generated | undefined,
  options: BenchOptions,
  results: BenchResults,
) {
  if (!options.browser) {
    results.renderer = 'not run (smoke run)';
    results.pdfMs = 'not run (smoke run)';
    return;
  }
  if (!existsSync('/usr/bin/chromium')) {
    results.renderer = results.pdfMs = 'not run: /usr/bin/chromium is missing';
    return;
  }
  const pdfFile = join(dir, 'budget-500.xlsx');
  const counts = linesPerSheet(500);
  writeXlsx(
    pdfFile,
    SHEETS.map((spec, i) => ({ spec, lineCount: counts[i]!, seed: 1000 + i })),
  );
  const small = await storedBudget(dir, pdfFile, 'pdf.sqlite');
  results.pdfMs = spreadOf(await benchPdf(small.store, small.budgetId, dir, 3));
  small.store.close();
  options.say('  PDF done\n');
  if (!gen || !existsSync(fromRoot('out', 'renderer', 'index.html'))) {
    results.renderer = 'not run: needs the 100 000-line size and a built renderer (npm run build)';
    return;
  }
  const big = await storedBudget(dir, gen.xlsx, 'renderer.sqlite');
  let r;
  try {
    r = await benchRenderer(big.store, 3);
  } catch (error) {
    results.renderer = `failed: ${(error as Error).message.split('\n')[0] ?? ''}`;
    return;
  } finally {
    big.store.close();
  }
  const or = (v: number[] | null) => (v === null ? ('none' as const) : spreadOf(v));
  results.renderer = { [OVERVIEW]: spreadOf(r.overviewMs), 'lines explorer opened': spreadOf(r.linesMs), sort: or(r.sortMs), filter: or(r.filterMs), scroll: or(r.scrollMs) }; // prettier-ignore
}

const spaced = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');

/**
 * Where the time goes in each measure that has a target: the xlsx and the csv import of
 * 100 000 lines (every thread), and the analysis of the largest budget (its runs only).
 */
async function profileTargets(
  dir: string,
  generated: Generated[],
): Promise<BenchResults['profiles']> {
  const profiles: BenchResults['profiles'] = [];
  const profiled = async (of: string, record: (profDir: string) => Promise<unknown>) => {
    const profDir = join(dir, `profile-${profiles.length}`);
    mkdirSync(profDir);
    await record(profDir);
    profiles.push({ ...summariseProfiles(profDir, 15), of });
  };
  const imports = generated.find((g) => g.lines === 100_000) ?? generated[generated.length - 1]!;
  for (const format of ['xlsx', 'csv'] as const) {
    const db = join(dir, `prof-${format}.sqlite`);
    await profiled(
      `the ${format} import of ${spaced(imports.lines)} lines, all threads`,
      (profDir) => runProfiled('bench/import-child.ts', ['ours', imports[format], db], profDir),
    );
  }
  const largest = generated[generated.length - 1]!;
  await profiled(
    `totals, rates and every flag over ${spaced(largest.lines)} lines (2 runs)`,
    (profDir) => runNodeChild('bench/analysis-child.ts', [String(largest.lines), '2', profDir]),
  );
  return profiles;
}

/** Generates the budgets, runs every measure and returns the report as Markdown. */
export async function runBench(options: BenchOptions): Promise<{ markdown: string; results: BenchResults }> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-clair-bench-'));
  const results: BenchResults = { startedAt: new Date(), imports: [], analysis: [], renderer: '', pdfMs: null, profiles: [], notes: [] };
  try {
    const generated: Generated[] = [];
    for (const lines of options.sizes) {
      const started = performance.now();
      generated.push(generate(dir, lines));
      options.say(`generated ${lines} lines (xlsx + csv) in ${Math.round(performance.now() - started)} ms\n`);
    }
    for (const gen of generated) {
      const files = [['xlsx', gen.xlsx], ['csv', gen.csv]] as const;
      for (const [format, file] of files) {
        // A million lines is checked on its one timed run, to keep the bench under a quarter hour.
        const problem = gen.lines < 1_000_000 ? await checkImports(dir, file, gen.lines) : null;
        if (problem) {
          results.notes.push(`${format} ${gen.lines}: ${problem}; not timed`);
          continue;
        }
        const figures = await benchImport({
          file, lines: gen.lines, format, fileBytes: statSync(file).size,
          xmlBytes: format === 'xlsx' ? gen.xmlBytes : null, repetitions: options.repetitions(gen.lines),
          peers: options.peers, floor: format === 'xlsx', timeoutMs: options.importTimeoutMs(gen.lines), workDir: dir,
        }); // prettier-ignore
        results.imports.push(figures);
        options.say(`  imported ${format} ${gen.lines}\n`);
      }
      const run = await runNodeChild('bench/analysis-child.ts', [String(gen.lines), String(options.repetitions(gen.lines) + 1)]);
      const runsMs = (run.runsMs as number[] | undefined) ?? [];
      results.analysis.push({ lines: gen.lines, ms: spreadOf(runsMs), flags: Number(run.flags ?? 0), note: run.ok ? undefined : run.error }); // prettier-ignore
    }
    if (options.profile) results.profiles = await profileTargets(dir, generated);
    await rendererAndPdf(dir, generated.find((g) => g.lines === 100_000), options, results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { markdown: renderReport(results), results };
} // prettier-ignore
