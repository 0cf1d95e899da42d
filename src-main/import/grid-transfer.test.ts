import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPublicSamples, PUBLIC_SAMPLES } from '../../tests/public-samples';
import { fromRoot } from '../paths';
import { packResult, unpackResult } from './grid-transfer';
import { readGrid } from './read-grid';

/** Packs a read, sends it as the worker does (structured clone, buffers moved) and unpacks it. */
function roundTrip(bytes: Uint8Array, name: string) {
  const read = readGrid(bytes, name);
  const { packed, transfer } = packResult(read);
  return { read, back: unpackResult(structuredClone(packed, { transfer })) };
}

const publicFiles = hasPublicSamples
  ? readdirSync(PUBLIC_SAMPLES).filter((name) => /\.(csv|xlsx)$/.test(name))
  : [];

function generatedCsv(): Uint8Array {
  const rows = ['Budget;;;', 'Code;Libellé;Prévu;Réalisé', ';;;'];
  for (let i = 0; i < 2000; i++) {
    // Labels repeat, figures mostly do not: both kinds of string table entries.
    rows.push(`${6000 + i};Fournitures n° ${i % 7};${(i * 1234) % 99991} 000;"${i},5"`);
  }
  rows.push(';Total;;');
  return new TextEncoder().encode(rows.join('\r\n'));
}

describe('the Grid handed over by the read worker', () => {
  it('comes back cell for cell for the bundled sample workbook', () => {
    const file = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');
    const { read, back } = roundTrip(readFileSync(file), 'commune.xlsx');
    expect(read.ok).toBe(true);
    expect(back).toEqual(read);
  });

  it('comes back cell for cell for a generated CSV', () => {
    const { read, back } = roundTrip(generatedCsv(), 'budget.csv');
    expect(read.ok && read.grid.sheets[0]!.rows.length).toBe(2004);
    expect(back).toEqual(read);
  });

  it.runIf(hasPublicSamples).each(publicFiles)('comes back cell for cell for %s', (name) => {
    const { read, back } = roundTrip(readFileSync(join(PUBLIC_SAMPLES, name)), name);
    expect(back).toEqual(read);
  });
});
