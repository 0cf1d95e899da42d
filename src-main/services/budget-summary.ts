import type { Basis } from '../../src-shared/analysis/figures';
import { summarise } from '../../src-shared/analysis/summarise';
import type { Summary } from '../../src-shared/analysis/summary-model';
import type { BudgetInfo, BudgetLine } from '../../src-shared/model';
import { getBudget } from '../store/budgets-repo';
import { countFlagsBySeverity } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import type { Store } from '../store/open-store';
import { readStoredSummary, readSummaryStamp, writeStoredSummary } from '../store/summary-repo';

/**
 * The shape and meaning of a kept summary. Raise it whenever summarise gives other figures for
 * the same lines, so that rows kept by an earlier version are computed again, not shown.
 */
export const SUMMARY_FORMAT = 1;

const BASES: readonly Basis[] = ['revised', 'original'];

function isCurrent(stored: { format: number; budgetJson: string }, budgetJson: string): boolean {
  return stored.format === SUMMARY_FORMAT && stored.budgetJson === budgetJson;
}

/** The flags are counted apart (they change with every analysis), so none are passed here. */
function computeAndKeep(store: Store, budget: BudgetInfo, lines: BudgetLine[], basis: Basis) {
  const summary = summarise(budget, lines, { basis });
  if (!store.readonly) {
    const stored = { format: SUMMARY_FORMAT, budgetJson: JSON.stringify(budget), summary };
    writeStoredSummary(store.db, budget.id, basis, stored, new Date().toISOString());
  }
  return summary;
}

/**
 * Computes and keeps, on both bases, the summaries of a budget that are missing or were computed
 * for another state of it, from lines the caller already holds. Returns how many it computed.
 */
export function keepSummaries(store: Store, budgetId: number, lines: BudgetLine[]): number {
  const budget = getBudget(store.db, budgetId);
  if (!budget) throw new Error(`budget ${budgetId} does not exist`);
  const budgetJson = JSON.stringify(budget);
  let computed = 0;
  for (const basis of BASES) {
    const stamp = readSummaryStamp(store.db, budgetId, basis);
    if (stamp && isCurrent(stamp, budgetJson)) continue;
    computeAndKeep(store, budget, lines, basis);
    computed += 1;
  }
  return computed;
}

/**
 * What summarise gives for the budget's lines and flags, read from the kept row when it was
 * computed for the budget as it is now, else computed (and kept) from the lines. Flag counts
 * come from SQL each time. Null when there is no such budget.
 */
export function budgetSummary(store: Store, budgetId: number, basis: Basis): Summary | null {
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) return null;
  const stored = readStoredSummary(db, budgetId, basis);
  const summary =
    stored && isCurrent(stored, JSON.stringify(budget))
      ? stored.summary
      : computeAndKeep(store, budget, readLines(db, budgetId), basis);
  // Spread over the kept object, the keys keep summarise's order.
  return { ...summary, budget, flagCounts: countFlagsBySeverity(db, budgetId) };
}
