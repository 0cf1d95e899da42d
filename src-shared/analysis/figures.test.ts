import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../model';
import { executedPhaseOf, executedPhaseOrder, isInternalTransfer, phaseOrdersOf } from './figures';
import { makeBudget, makeLine } from './fixtures/build';

describe('executedPhaseOf', () => {
  const orders = phaseOrdersOf(makeBudget());

  it.each([
    ['expenditure', { ordered: 5, paid: 4 }, 'ordered'],
    ['expenditure', { paid: 4, committed: 9 }, 'paid'],
    ['expenditure', { executed: 3, paid: 4 }, 'executed'],
    ['expenditure', { committed: 9 }, 'committed'],
    ['revenue', { assessed: 5, collected: 4 }, 'assessed'],
    ['revenue', { collected: 4 }, 'collected'],
    ['revenue', { original: 4 }, null],
  ] as const)('reads a %s line with %j at %s', (direction, amounts, expected) => {
    const line = makeLine({ direction, amounts });
    expect(executedPhaseOf(line, orders)).toBe(expected);
  });

  it('puts the chosen stage first and never repeats a phase', () => {
    expect(executedPhaseOrder('paid', 'expenditure')).toEqual([
      'paid',
      'executed',
      'ordered',
      'liquidated',
      'committed',
    ]);
  });
});

describe('isInternalTransfer', () => {
  it.each<[Partial<BudgetLine>, boolean]>([
    [{ label: "Virement à la section d'investissement" }, true],
    [{ label: 'Prélèvement sur la section de fonctionnement' }, true],
    [{ label: 'Transfer to capital account' }, true],
    [{ label: 'Divers', chapter: '023' }, true],
    [{ label: 'Virements de crédits reçus', chapter: '74' }, false],
    [{ label: 'Personnel permanent', chapter: '60' }, false],
  ])('recognises %j as a transfer: %s', (fields, expected) => {
    expect(isInternalTransfer(makeLine(fields))).toBe(expected);
  });
});
