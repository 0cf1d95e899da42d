import type { Basis } from '../../src-shared/analysis/figures';
import {
  EXPENDITURE_STAGES,
  REVENUE_STAGES,
  type BudgetInfo,
  type ExecutedStage,
} from '../../src-shared/model';
import { changeExecutedStage, ensureAnalysis } from '../services/analyse';
import { storedOverrides } from '../services/rule-settings';
import { getBudget } from '../store/budgets-repo';
import type { Store } from '../store/open-store';
import { UsageError, type ParsedValues } from './cli-args';
import type { CliLang } from './cli-messages';

export function langOf(values: ParsedValues): CliLang {
  const lang = values.lang ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang attend fr ou en.');
  return lang;
}

export function basisOf(values: ParsedValues): Basis {
  const basis = values.basis ?? 'revised';
  if (basis !== 'revised' && basis !== 'original') {
    throw new UsageError('--basis attend revised ou original.');
  }
  return basis;
}

/**
 * `--stage expenditure=paid,revenue=collected`: either side may be left out, and keeps the
 * budget's stored choice. Undefined when the option is not given.
 */
export function stageOf(values: ParsedValues): Partial<ExecutedStage> | undefined {
  if (values.stage === undefined) return undefined;
  const stage: Partial<ExecutedStage> = {};
  for (const pair of String(values.stage).split(',')) {
    const [side, phase] = pair.split('=').map((part) => part.trim());
    if (side === 'expenditure' && (EXPENDITURE_STAGES as readonly string[]).includes(phase ?? '')) {
      stage.expenditure = phase as ExecutedStage['expenditure'];
    } else if (side === 'revenue' && (REVENUE_STAGES as readonly string[]).includes(phase ?? '')) {
      stage.revenue = phase as ExecutedStage['revenue'];
    } else {
      throw new UsageError(
        `--stage attend expenditure=${EXPENDITURE_STAGES.join('|')},revenue=${REVENUE_STAGES.join('|')} : « ${pair} ».`,
      );
    }
  }
  return stage;
}

export interface AppliedView {
  budget: BudgetInfo;
  basis: Basis;
  /** True when the stage given differed from the stored one and was stored. */
  stageChanged: boolean;
}

/**
 * Puts the budget in the state the options ask for before it is shown: a new executed stage is
 * stored for the budget (it is a property of how the budget is read, not of one view), and the
 * flags are computed again when they were judged on another basis. Both are logged.
 */
export function applyView(store: Store, budgetId: number, values: ParsedValues): AppliedView {
  // The store's saved thresholds stand; only the basis may be changed for one view.
  const overrides = storedOverrides(store);
  const basis = values.basis === undefined ? (overrides.basis ?? 'revised') : basisOf(values);
  const wanted = stageOf(values);
  const stored = getBudget(store.db, budgetId);
  if (!stored) throw new Error(`budget ${budgetId} does not exist`);
  const stage = { ...stored.executedStage, ...wanted };
  const stageChanged =
    stage.revenue !== stored.executedStage.revenue ||
    stage.expenditure !== stored.executedStage.expenditure;
  const analysis = { actor: 'cli', settings: { ...overrides, basis } };
  if (stageChanged) changeExecutedStage(store, budgetId, stage, analysis);
  else ensureAnalysis(store, budgetId, analysis);
  return { budget: getBudget(store.db, budgetId) ?? stored, basis, stageChanged };
}
