import { detectFlags } from '../../src-shared/analysis/detect-flags';
import {
  hashSettings,
  resolveSettings,
  type RuleSettings,
} from '../../src-shared/analysis/rules/settings';
import { getBudget } from '../store/budgets-repo';
import { replaceFlags } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';

export interface AnalysisOptions {
  actor?: string;
  settings?: Partial<RuleSettings>;
}

/**
 * Runs the rules over a stored budget and replaces its flags in one transaction; reviews are
 * keyed by what they point at, so those that still apply come back. Returns the flag count.
 */
export function analyseBudget(store: Store, budgetId: number, options: AnalysisOptions = {}) {
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) throw new Error(`budget ${budgetId} does not exist`);
  const settings = resolveSettings(options.settings);
  const settingsHash = hashSettings(settings);
  const flags = detectFlags(budget, readLines(db, budgetId), settings);

  db.transaction(() => {
    replaceFlags(db, budgetId, flags, settingsHash);
    appendOperation(db, {
      actor: options.actor ?? 'app',
      kind: 'analyse',
      parameters: { budgetId, settings },
      inputHash: budget.sourceSha256,
      outputHash: settingsHash,
    });
  })();
  return flags.length;
}
