import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../src-main/paths';

/**
 * The public spreadsheets the importer is tried on live beside the project, not in it (their
 * licences vary). Tests that read them skip, saying so, where the folder is absent.
 */
export const PUBLIC_SAMPLES =
  process.env.BUDGET_CLAIR_PUBLIC_SAMPLES ?? fromRoot('..', 'shared', 'samples', 'public');

export const hasPublicSamples = existsSync(PUBLIC_SAMPLES);

export function publicSample(name: string): string {
  return join(PUBLIC_SAMPLES, name);
}

/** Says once, on stderr, which test file skipped for want of the samples. */
export function noteIfAbsent(what: string): void {
  if (!hasPublicSamples) process.stderr.write(`${what}: ${PUBLIC_SAMPLES} is absent, skipped\n`);
}
