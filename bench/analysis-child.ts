/**
 * Totals, rates and every flag over an in-memory budget, in a process of its own. Run as
 * `node --import tsx bench/analysis-child.ts <lines> <repetitions>`; prints one JSON line.
 */
import { detectFlags } from '../src-shared/analysis/detect-flags';
import { summarise } from '../src-shared/analysis/summarise';
import { budgetInfo, budgetLines } from './budget-lines';

function main(): void {
  const lineCount = Number(process.argv[2]);
  const repetitions = Number(process.argv[3] ?? 3);
  const budget = budgetInfo(lineCount);
  const lines = budgetLines(lineCount);
  const runsMs: number[] = [];
  let flags = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    const found = detectFlags(budget, lines);
    summarise(budget, lines, { basis: 'revised', flags: found });
    runsMs.push(performance.now() - started);
    flags = found.length;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result = { ok: true, ms: runsMs[0] ?? 0, runsMs, flags, rows: lines.length, peakRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
