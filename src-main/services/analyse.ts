import { detectFlags } from '../../src-shared/analysis/detect-flags';
import {
  hashSettings,
  resolveSettings,
  type RuleSettings,
} from '../../src-shared/analysis/rules/settings';
import type { BudgetLine, ExecutedStage } from '../../src-shared/model';
import { getBudget, setExecutedStage } from '../store/budgets-repo';
import { flagsSettingsHash, replaceFlags } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { keepSummaries } from './budget-summary';

export interface AnalysisOptions {
  actor?: string;
  settings?: Partial<RuleSettings>;
}

/**
 * Runs the rules over a stored budget and replaces its flags in one transaction; reviews are
 * keyed by what they point at, so those that still apply come back. Returns the flag count.
 * `storedLines` are the budget's lines as readLines gives them, when the caller has just stored
 * them: reading 100 000 lines back costs about a second. The budget's summaries are kept too,
 * where they are missing or out of date.
 */
export function analyseBudget(
  store: Store,
  budgetId: number,
  options: AnalysisOptions = {},
  storedLines?: BudgetLine[],
) {
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) throw new Error(`budget ${budgetId} does not exist`);
  const settings = resolveSettings(options.settings);
  const settingsHash = hashSettings(settings);
  const lines = storedLines ?? readLines(db, budgetId);
  const flags = detectFlags(budget, lines, settings);

  db.transaction(() => {
    replaceFlags(db, budgetId, flags, settingsHash);
    // With the lines in hand, the overview's figures cost little now and a second read later.
    keepSummaries(store, budgetId, lines);
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

/**
 * Runs the analysis again only when the stored flags were computed with other settings (another
 * basis, say), so that flags shown beside a figure were judged on the same forecast.
 * Returns true when it ran.
 */
export function ensureAnalysis(store: Store, budgetId: number, options: AnalysisOptions = {}) {
  const wanted = hashSettings(resolveSettings(options.settings));
  if (flagsSettingsHash(store.db, budgetId) === wanted) return false;
  analyseBudget(store, budgetId, options);
  return true;
}

/**
 * Stores which stage counts as executed for one budget and runs the rules again, since over-
 * and under-execution depend on it; the change, the analysis and their log are one transaction.
 */
export function changeExecutedStage(
  store: Store,
  budgetId: number,
  stage: ExecutedStage,
  options: AnalysisOptions = {},
): void {
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) throw new Error(`budget ${budgetId} does not exist`);
  const before = budget.executedStage;
  if (before.revenue === stage.revenue && before.expenditure === stage.expenditure) return;
  db.transaction(() => {
    setExecutedStage(db, budgetId, stage);
    appendOperation(db, {
      actor: options.actor ?? 'app',
      kind: 'executed-stage',
      parameters: { budgetId, from: before, to: stage },
      inputHash: budget.sourceSha256,
    });
    analyseBudget(store, budgetId, options);
  })();
}
