import { join } from 'node:path';

/**
 * The folder that holds package.json, samples/ and out/. The launcher (bin/, the Electron
 * shell) sets it; tests run from the project folder itself.
 */
export function projectRoot(): string {
  return process.env.BUDGET_CLAIR_ROOT ?? process.cwd();
}

export function fromRoot(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
