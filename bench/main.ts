/**
 * `npm run bench`: the full benchmark of issue 8, printed and written into BENCHMARKS.md
 * between its markers. `--smoke` runs 1 000 lines once, with profiles, without peers or browser.
 * `--sizes=100000` (comma-separated) runs only those sizes, printed and not written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromRoot } from '../src-main/paths';
import { ensurePeers } from './peers-setup';
import { runBench } from './run-bench';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function writeIntoBenchmarks(markdown: string): void {
  const path = fromRoot('BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${START} … ${END} section`);
  writeFileSync(path, `${text.slice(0, from + START.length)}\n${markdown}${text.slice(to)}`);
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  // A partial run must not replace the last full run's figures in BENCHMARKS.md.
  const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
  const sizes = sizesArg?.slice('--sizes='.length).split(',').map(Number);
  const say = (text: string) => void process.stdout.write(text);
  const peers = smoke ? false : ensurePeers(say);
  const { markdown, results } = await runBench({
    sizes: smoke ? [1000] : (sizes ?? [1000, 10_000, 100_000, 1_000_000]),
    repetitions: (lines) => (smoke ? 1 : lines >= 1_000_000 ? 1 : lines >= 100_000 ? 3 : 5),
    peers,
    browser: !smoke,
    // Profiles run in the smoke pass too (at 1 000 lines, a few seconds), so they stay working.
    profile: true,
    importTimeoutMs: (lines) => (lines >= 1_000_000 ? 150_000 : 600_000),
    say,
  });
  if (!peers && !smoke) results.notes.push('peers not run: see the message above');
  say(`\n${markdown}`);
  if (!smoke && !sizes) writeIntoBenchmarks(markdown);
}

void main();
