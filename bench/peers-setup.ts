import { spawnSync } from 'node:child_process';
import { PYTHON } from './run-child';

function hasPeers(): boolean {
  const pandas = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' });
  const utils = spawnSync('sqlite-utils', ['--version'], { stdio: 'ignore' });
  return pandas.status === 0 && utils.status === 0;
}

/**
 * The peers come from Debian's registry. Installs them when missing and the bench runs as
 * root; otherwise says plainly which could not run. Returns whether both are there.
 */
export function ensurePeers(say: (text: string) => void): boolean {
  if (hasPeers()) return true;
  if (process.getuid?.() === 0) {
    say('installing python3-pandas python3-openpyxl sqlite-utils from Debian…\n');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    const packages = ['python3-pandas', 'python3-openpyxl', 'sqlite-utils'];
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore' });
  }
  if (hasPeers()) return true;
  say('peers not run: pandas with openpyxl (python3-pandas, python3-openpyxl) or sqlite-utils is missing and could not be installed\n');
  return false;
} // prettier-ignore
