import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../src-shared/grid';
import {
  matchesGrid,
  parseMappingTemplate,
  signatureScore,
  type MappingTemplate,
} from '../../src-shared/import/mapping';
import { createLogger } from '../log';
import { fromRoot } from '../paths';

const log = createLogger('templates');

/** The templates that ship with the app: one per public file shape that needs one. */
export const BUNDLED_TEMPLATES = fromRoot('samples', 'templates');

export interface FoundTemplate {
  template: MappingTemplate;
  file: string;
}

/** The valid templates of these folders; a missing folder is none, a bad file is skipped. */
export function loadTemplates(dirs: readonly string[]): FoundTemplate[] {
  const found: FoundTemplate[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(dir, name);
      let parsed: ReturnType<typeof parseMappingTemplate>;
      try {
        parsed = parseMappingTemplate(JSON.parse(readFileSync(file, 'utf8')) as unknown);
      } catch (error) {
        parsed = { ok: false, reason: (error as Error).message };
      }
      if (parsed.ok) found.push({ template: parsed.template, file });
      else log.warn(`template ${name} left out: ${parsed.reason}`);
    }
  }
  return found;
}

/**
 * The template whose header signature the grid carries best (80 % of it at least, see
 * `matchesGrid`); on a tie the first folder wins, so a user's own template comes before the
 * bundled one when its folder is listed first. Null when none matches.
 */
export function pickTemplate(
  grid: Grid,
  templates: readonly FoundTemplate[],
): FoundTemplate | null {
  let best: { found: FoundTemplate; score: number } | null = null;
  for (const found of templates) {
    if (!matchesGrid(found.template, grid)) continue;
    const score = signatureScore(found.template, grid);
    if (!best || score > best.score) best = { found, score };
  }
  return best?.found ?? null;
}
