import { describe, expect, it } from 'vitest';
import { gridOf, sheetOf } from './grid-from-arrays';
import { splitPhaseValue } from './group-rows';
import { interpretGrid } from './interpret-grid';

const FILE = { name: 'long.csv', sha256: 'x', sizeBytes: 1 };

describe('splitPhaseValue', () => {
  it.each([
    ['2015ORGB', 2015, 'ORGB'],
    ['2012AUDA', 2012, 'AUDA'],
    ['ENGAGE', null, 'ENGAGE'],
    ['liquidate 2019', 2019, 'LIQUIDATE'],
  ])('reads %s as year %s and phase code %s', (text, year, code) => {
    expect(splitPhaseValue(text)).toEqual({ year, code });
  });
});

describe('long format and transaction grain', () => {
  it('pivots AMOUNT / ENGAGE / LIQUIDATE rows into phases per line and reports an unknown one', () => {
    const sheet = sheetOf('S', [
      ['Ligne', 'Etape', 'Montant'],
      ['601', 'AMOUNT', 100],
      ['601', 'ENGAGE', 80],
      ['601', 'LIQUIDATE', 60],
      ['602', 'AMOUNT', 50],
      ['602', 'PAYE', 10],
    ]);
    const mapping = { version: 1, all: { fields: { code: 'Ligne' }, long: { phase: 'Etape', amount: 'Montant', values: { AMOUNT: 'planned', ENGAGE: 'committed', LIQUIDATE: 'liquidated' } } } }; // prettier-ignore
    const p = interpretGrid(gridOf([sheet]), FILE, { currency: 'EUR', mapping });
    const line = (code: string) => p.rows.find((r) => r.code === code)!.amounts.map((a) => [a.phase, a.valueMinor]); // prettier-ignore
    expect(line('601')).toEqual([
      ['original', 10000],
      ['committed', 8000],
      ['liquidated', 6000],
    ]);
    expect(p.issues.find((i) => i.code === 'long-phase-unknown')?.row).toBe(6);
    expect(p.issues.filter((i) => i.code === 'long-phase-missing')).toHaveLength(2);
  });

  it('groups transaction rows by key and takes a repeated allocation once', () => {
    const sheet = sheetOf('S', [
      ['Compte', 'Libellé', 'Crédits votés', 'Mandaté'],
      ['6011', 'Salaires', 1000, 300],
      ['6011', 'Salaires', 1000, 200],
      ['6012', 'Primes', 500, 50],
    ]);
    const mapping = {
      version: 1,
      all: { grain: 'transaction', key: ['Compte'], once: ['planned'] },
    };
    const p = interpretGrid(gridOf([sheet]), FILE, { currency: 'GNF', mapping });
    const salaries = p.rows.find((r) => r.code === '6011')!;
    expect(p.rows.filter((r) => r.kind === 'line')).toHaveLength(2);
    expect(salaries.amounts.find((a) => a.phase === 'original')?.valueMinor).toBe(1000);
    expect(salaries.amounts.find((a) => a.phase === 'ordered')).toMatchObject({ valueMinor: 500, parts: [{ cell: 'D2' }, { cell: 'D3' }] }); // prettier-ignore
  });
});
