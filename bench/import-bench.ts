import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runNodeChild, runPeer, type Timed } from './run-child';
import { spreadOf, type Spread } from './stats';

/** One format at one size: our import, SheetJS's bare read, the analyst's peer. */
export interface ImportFigures {
  lines: number;
  format: 'xlsx' | 'csv';
  fileBytes: number;
  /** Sheet XML and shared strings, inflated (xlsx only). */
  xmlBytes: number | null;
  ours: Spread | null;
  peakMb: Spread | null;
  floor: Spread | null;
  oursToFloor: Spread | null;
  peerName: string;
  peer: Spread | null;
  oursToPeer: Spread | null;
  flags: number | null;
  problems: string[];
}

export interface ImportPlan {
  file: string;
  lines: number;
  format: 'xlsx' | 'csv';
  fileBytes: number;
  xmlBytes: number | null;
  repetitions: number;
  peers: boolean;
  floor: boolean;
  timeoutMs: number;
  workDir: string;
}

const CHILD = 'bench/import-child.ts';

function describe(label: string, run: Timed): string {
  return `${label}: ${run.error ?? 'failed'}`;
}

/** Runs ours, the floor and the peer in turn, repetition after repetition, for fair ratios. */
export async function benchImport(plan: ImportPlan): Promise<ImportFigures> {
  const ours: number[] = [];
  const peaks: number[] = [];
  const floors: number[] = [];
  const peers: number[] = [];
  const toFloor: number[] = [];
  const toPeer: number[] = [];
  const problems: string[] = [];
  let flags: number | null = null;
  const peerName = plan.format === 'xlsx' ? 'pandas + openpyxl + to_sql' : 'sqlite-utils insert';
  for (let i = 0; i < plan.repetitions; i++) {
    const db = join(plan.workDir, `ours-${plan.format}-${plan.lines}-${i}.sqlite`);
    const run = await runNodeChild(CHILD, ['ours', plan.file, db], plan.timeoutMs);
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    // A run that stored the wrong number of lines is not a figure: the file did not import right.
    if (run.ok && run.lines !== plan.lines) {
      problems.push(`stored ${String(run.lines)} lines instead of ${plan.lines}`);
    } else if (!run.ok) problems.push(describe('our import', run));
    else {
      ours.push(run.ms);
      peaks.push(run.peakRssMb);
      flags = (run.flags as number | undefined) ?? null;
    }
    if (plan.floor) {
      const floor = await runNodeChild(CHILD, ['floor', plan.file], plan.timeoutMs);
      if (floor.ok) floors.push(floor.ms);
      else problems.push(describe('SheetJS read', floor));
      if (floor.ok && run.ok) toFloor.push(run.ms / floor.ms);
    }
    if (plan.peers) {
      const peerDb = join(plan.workDir, `peer-${plan.format}-${plan.lines}-${i}.sqlite`);
      const peer = await runPeer(plan.format === 'xlsx' ? 'pandas' : 'sqlite-utils', plan.file, peerDb);
      rmSync(peerDb, { force: true });
      if (peer.ok) peers.push(peer.ms);
      else problems.push(describe(peerName, peer));
      if (peer.ok && run.ok) toPeer.push(run.ms / peer.ms);
    }
  }
  return {
    lines: plan.lines,
    format: plan.format,
    fileBytes: plan.fileBytes,
    xmlBytes: plan.xmlBytes,
    ours: spreadOf(ours),
    peakMb: spreadOf(peaks),
    floor: spreadOf(floors),
    oursToFloor: spreadOf(toFloor),
    peerName,
    peer: spreadOf(peers),
    oursToPeer: spreadOf(toPeer),
    flags,
    problems: [...new Set(problems)],
  };
} // prettier-ignore
