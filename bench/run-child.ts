import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What every timed child prints as its last line. */
export interface Timed {
  ok: boolean;
  ms: number;
  peakRssMb: number;
  error?: string;
  [extra: string]: unknown;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Debian's Python, which has the python3-pandas and python3-openpyxl packages.
export const PYTHON = '/usr/bin/python3';

function run(command: string, args: string[], timeoutMs: number): Promise<Timed> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Timed);
      } catch {
        const why = code === null ? `killed after ${timeoutMs} ms` : `exit ${code}`;
        // The first line says what went wrong; a native stack after it does not.
        const first =
          err
            .trim()
            .split('\n')
            .find((l) => /error|fatal/i.test(l)) ?? '';
        resolve({
          ok: false,
          ms: 0,
          peakRssMb: 0,
          error: `${why}${first ? `: ${first.slice(0, 200)}` : ''}`,
        });
      }
    });
  });
}

/** A TypeScript bench script in its own Node process (tsx as the loader). */
export function runNodeChild(script: string, args: string[], timeoutMs = 600_000) {
  return run(process.execPath, ['--import', 'tsx', script, ...args], timeoutMs);
}

export function runPeer(peer: 'pandas' | 'sqlite-utils', file: string, db: string) {
  return run(PYTHON, ['bench/peers.py', peer, file, db], 900_000);
}

/** The same Node child under the V8 profiler; one .cpuprofile a thread lands in `dir`. */
export function runProfiled(script: string, args: string[], dir: string) {
  const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx'];
  return run(process.execPath, [...flags, script, ...args], 900_000);
}
