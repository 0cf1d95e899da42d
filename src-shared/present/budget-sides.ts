import type { Summary } from '../analysis/summary-model';

/** Which sides of the budget have detail lines: a balance needs both. */
export type BudgetSides = 'both' | 'revenue' | 'expenditure' | 'none';

/**
 * The sides of a budget that hold at least one detail line, from its summary. A file of
 * revenue only has no executed balance: the summary's balance then equals the one side's total,
 * and reading it as a surplus would be false.
 */
export function sidesOf(summary: Summary): BudgetSides {
  const has = (direction: string) => summary.byDirection.some((g) => g.direction === direction);
  const revenue = has('revenue');
  const expenditure = has('expenditure');
  if (revenue && expenditure) return 'both';
  if (revenue) return 'revenue';
  return expenditure ? 'expenditure' : 'none';
}
