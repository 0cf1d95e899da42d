import type { BudgetLine, Phase } from '../../model';
import { forecastPhaseOf, isUnexecuted, sheetsWithExecution } from './execution';
import {
  lineFlag,
  lineName,
  money,
  percent,
  REVENUE,
  say,
  stageWord,
  type Rule,
  type RuleContext,
} from './context';

/**
 * Revenue well under what was expected: the executed figure against the forecast, or, when the
 * forecast was met, what was collected against what was assessed (the recovery rate). One flag
 * per line, the forecast first, because it is the one the budget's balance rests on.
 */
export const revenueShortfall: Rule = {
  id: 'revenue-shortfall',
  severity: 'warning',
  title: { fr: 'Recettes en deçà des prévisions', en: 'Revenue shortfall' },
  run(ctx, emit) {
    const threshold = ctx.settings.revenueShortfallPercent;
    const withExecution = sheetsWithExecution(ctx);
    for (let i = 0; i < ctx.lines.length; i++) {
      if (ctx.direction[i] !== REVENUE) continue;
      const forecast = ctx.forecast[i] as number;
      const executed = ctx.executed[i] as number;
      const unexecuted = isUnexecuted(ctx, i, withExecution);
      if (forecast > 0 && (unexecuted || executed < (forecast * threshold) / 100)) {
        const line = ctx.lines[i] as BudgetLine;
        const phase = ctx.executedPhase[i] ?? null;
        const forecastPhase = forecastPhaseOf(line, ctx.settings.basis) as Phase;
        emit(shortfall(ctx, line, unexecuted ? 0 : executed, phase, forecast, forecastPhase));
        continue;
      }
      const line = ctx.lines[i] as BudgetLine;
      const assessed = line.amounts.assessed;
      const collected = line.amounts.collected;
      if (assessed === undefined || collected === undefined || !(assessed > 0)) continue;
      if (collected >= (assessed * threshold) / 100) continue;
      emit(shortfall(ctx, line, collected, 'collected', assessed, 'assessed'));
    }
  },
};

function shortfall(
  ctx: RuleContext,
  line: BudgetLine,
  actual: number,
  actualPhase: Phase | null,
  expected: number,
  expectedPhase: Phase,
) {
  const threshold = ctx.settings.revenueShortfallPercent;
  const rate = (actual / expected) * 100;
  const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
  const actualWord = stageWord(ctx, actualPhase ?? 'executed');
  const message =
    ctx.lang === 'fr'
      ? `${head}${money(ctx, actual)} ${actualWord} pour ${money(ctx, expected)} ${stageWord(ctx, expectedPhase)} (${percent(ctx, rate)}, seuil ${percent(ctx, threshold)}), manque ${money(ctx, expected - actual)}.`
      : `${head}${money(ctx, actual)} ${actualWord} against ${money(ctx, expected)} ${stageWord(ctx, expectedPhase)} (${percent(ctx, rate)}, threshold ${percent(ctx, threshold)}), short by ${money(ctx, expected - actual)}.`;
  const values = {
    actualMinor: actual,
    actualPhase,
    expectedMinor: expected,
    expectedPhase,
    ratePercent: rate,
    shortfallMinor: expected - actual,
    thresholdPercent: threshold,
  };
  return lineFlag(ctx, revenueShortfall, line, [actualPhase, expectedPhase], message, values);
}
