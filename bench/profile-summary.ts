import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 .cpuprofile that self time needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  sharePercent: number;
}

function shortUrl(url: string): string {
  const at = url.search(/(src-main|src-shared|node_modules|bench)\//);
  return at >= 0 ? url.slice(at) : url.replace(/^file:\/\//, '') || '(native)';
}

/** Self time by function over every profile in a folder (one per thread), heaviest first. */
export function summariseProfiles(dir: string, top = 12): { totalMs: number; hot: HotFunction[] } {
  const byFunction = new Map<string, HotFunction>();
  let totalMs = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!frame || frame.functionName === '(idle)') return;
      totalMs += ms;
      // tsx compiles each module to a line or two, so the file is the useful part of the place.
      const where = shortUrl(frame.url);
      const key = `${frame.functionName}@${where}`;
      const entry = byFunction.get(key) ?? {
        name: frame.functionName || '(anonymous)',
        where,
        selfMs: 0,
        sharePercent: 0,
      };
      entry.selfMs += ms;
      byFunction.set(key, entry);
    });
  }
  const hot = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const entry of hot) entry.sharePercent = (100 * entry.selfMs) / Math.max(totalMs, 1);
  return { totalMs, hot };
}
