/**
 * Totals, rates and every flag over an in-memory budget, in a process of its own. Run as
 * `node --import tsx bench/analysis-child.ts <lines> <repetitions> [<profile dir>]`; prints one
 * JSON line. With a profile dir, the analysis runs (and only they, not the building of the
 * lines) are recorded by V8's profiler into `analysis.cpuprofile` there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { detectFlags } from '../src-shared/analysis/detect-flags';
import { summarise } from '../src-shared/analysis/summarise';
import { budgetInfo, budgetLines } from './budget-lines';

async function main(): Promise<void> {
  const lineCount = Number(process.argv[2]);
  const repetitions = Number(process.argv[3] ?? 3);
  const profileDir = process.argv[4];
  const budget = budgetInfo(lineCount);
  const lines = budgetLines(lineCount);
  const session = profileDir ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const runsMs: number[] = [];
  let flags = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    const found = detectFlags(budget, lines);
    summarise(budget, lines, { basis: 'revised', flags: found });
    runsMs.push(performance.now() - started);
    flags = found.length;
  }
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(profileDir, 'analysis.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result = { ok: true, ms: runsMs[0] ?? 0, runsMs, flags, rows: lines.length, peakRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
