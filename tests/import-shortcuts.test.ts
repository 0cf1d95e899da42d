import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGrid } from '../src-main/import/read-grid';
import { foldInFull, normaliseHeader, normalisesTo } from '../src-shared/import/normalise-header';
import { textOf } from '../src-shared/import/sheet-cells';
import { parseAmount, readAmount } from '../src-shared/numbers/parse-amount';
import { hasPublicSamples, noteIfAbsent, PUBLIC_SAMPLES } from './public-samples';
import { SAMPLE_PATH } from './sample-facts';

noteIfAbsent('import-shortcuts');

/** Every distinct cell text of a file, as the importer reads it. */
function textsOf(path: string): string[] {
  const read = readGrid(new Uint8Array(readFileSync(path)), path);
  if (!read.ok) throw new Error(`${path}: ${read.issue.message}`);
  const texts = new Set<string>();
  for (const sheet of read.grid.sheets) {
    for (const row of sheet.rows) for (const cell of row) texts.add(textOf(cell ?? null));
  }
  return [...texts];
}

const files = [
  SAMPLE_PATH,
  ...(hasPublicSamples
    ? readdirSync(PUBLIC_SAMPLES)
        .filter((name) => /\.(csv|xlsx)$/.test(name))
        .map((name) => join(PUBLIC_SAMPLES, name))
    : []),
];

describe('the one-pass readings on real budget files', () => {
  it.each(files)('read every text of %s as the full readings do', (path) => {
    const texts = textsOf(path);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      for (const decimalMark of [',', '.'] as const) {
        const style = { decimalMark, evidence: '' };
        expect(parseAmount(text, style), text).toEqual(readAmount(text, style));
      }
      const full = foldInFull(text);
      expect(normaliseHeader(text), text).toBe(full);
      expect(normalisesTo(text, full), text).toBe(true);
      expect(normalisesTo(text, `${full}x`), text).toBe(false);
    }
  });
});
