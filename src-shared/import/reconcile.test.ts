import { describe, expect, it } from 'vitest';
import type { RawRow, RowClass } from './classify-rows';
import { reconcile } from './reconcile';

function row(i: number, code: string | null, label: string, original: number): RawRow {
  return { row: i, code, codeLevel: null, label, texts: [label], filled: 2, values: { original }, isRepeatedHeader: false, hidden: false }; // prettier-ignore
}
const as = (kind: RowClass['kind']): RowClass => ({ kind, reason: '', direction: null, section: null, parentCode: null, level: 0 }); // prettier-ignore

describe('reconcile', () => {
  it('closes "Total chapitre 70" over the lines coded 70…, wherever they sit above', () => {
    const rows = [row(0, '701', 'A', 10), row(1, '611', 'B', 99), row(2, '702', 'C', 20), row(3, null, 'Total chapitre 70', 31)]; // prettier-ignore
    const [rec] = reconcile('S', rows, [as('line'), as('line'), as('line'), as('total')]);
    expect(rec).toMatchObject({ row: 4, statedMinor: 31, computedMinor: 30, differenceMinor: 1 });
  });

  it('closes a coded subtotal over the rows below that its code prefixes', () => {
    const rows = [row(0, '70', 'Chapitre 70', 30), row(1, '701', 'A', 10), row(2, '702', 'B', 20), row(3, '711', 'C', 5)]; // prettier-ignore
    const [rec] = reconcile('S', rows, [as('subtotal'), as('line'), as('line'), as('line')]);
    expect(rec).toMatchObject({ statedMinor: 30, computedMinor: 30, differenceMinor: 0 });
  });

  it('checks every chapter subtotal of a table of many chapters', () => {
    const rows: RawRow[] = [];
    const classes: RowClass[] = [];
    for (let c = 100; c < 400; c += 1) {
      for (let l = 0; l < 5; l += 1) {
        rows.push(row(rows.length, `${c}${l}`, 'ligne', 1));
        classes.push(as('line'));
      }
      rows.push(row(rows.length, null, `Sous-total chapitre ${c}`, c === 142 ? 6 : 5));
      classes.push(as('subtotal'));
    }
    const wrong = reconcile('S', rows, classes).filter((r) => r.differenceMinor !== 0);
    expect(wrong.map((r) => r.label)).toEqual(['Sous-total chapitre 142']);
  });
});
