import type { BudgetInfo, BudgetLine } from '../../../src-shared/model';
import { ratePercent } from '../format';

export interface LineFigures {
  planned: number | undefined;
  revised: number | undefined;
  executed: number | undefined;
  ratePercent: number | null;
}

/**
 * The figures a row of the table shows. "Executed" is the stage the budget chose for the
 * line's side (ordered for expenditure, assessed for revenue, by default), or the file's own
 * "Réalisations" when it does not say the stage. A single forecast counts as both.
 */
export function lineFigures(line: BudgetLine, budget: BudgetInfo): LineFigures {
  const { amounts } = line;
  const stage = line.direction ? budget.executedStage[line.direction] : 'executed';
  const executed = amounts[stage] ?? amounts.executed;
  const revised = amounts.revised ?? amounts.original;
  return {
    planned: amounts.original,
    revised,
    executed,
    ratePercent: ratePercent(executed, revised),
  };
}
