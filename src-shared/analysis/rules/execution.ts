import type { BudgetLine, Phase } from '../../model';
import {
  lineName,
  lineFlag,
  money,
  percent,
  say,
  stageWord,
  type Rule,
  type RuleContext,
} from './context';

/** Which forecast phase a line's forecast came from (the fallback of `forecastOf`). */
export function forecastPhaseOf(line: BudgetLine, basis: 'revised' | 'original'): Phase | null {
  const other = basis === 'revised' ? 'original' : 'revised';
  if (line.amounts[basis] !== undefined) return basis;
  return line.amounts[other] !== undefined ? other : null;
}

/**
 * Sheet and side pairs ("sheet/direction") where at least one line has an execution figure. There
 * a line with a forecast and an empty execution cell executed nothing; elsewhere (a budget
 * primitif, or a file that reports only the spending it did) the empty cell says nothing.
 */
export function sheetsWithExecution(ctx: RuleContext): Set<string> {
  const known = withExecutionByRun.get(ctx);
  if (known) return known;
  const sheets = new Set<string>();
  let last: BudgetLine | null = null;
  for (let i = 0; i < ctx.lines.length; i++) {
    if (Number.isNaN(ctx.executed[i])) continue;
    const line = ctx.lines[i] as BudgetLine;
    // Lines come sheet by sheet: the key is built only when the sheet or side changes.
    if (last !== null && last.sheet === line.sheet && last.direction === line.direction) continue;
    sheets.add(sheetSide(line));
    last = line;
  }
  withExecutionByRun.set(ctx, sheets);
  return sheets;
}

// Two rules ask for the same set in one run; it is computed once.
const withExecutionByRun = new WeakMap<RuleContext, Set<string>>();

const sheetSide = (line: BudgetLine) => `${line.sheet}/${line.direction ?? '-'}`;

/** Spending beyond the appropriation: executed above the revised forecast. */
export const overExecution: Rule = {
  id: 'over-execution',
  severity: 'warning',
  title: { fr: 'Dépenses au-delà des crédits ouverts', en: 'Spending above the revised forecast' },
  run(ctx, emit) {
    const factor = 1 + ctx.settings.overExecutionTolerancePercent / 100;
    ctx.lines.forEach((line, i) => {
      if (line.direction !== 'expenditure') return;
      const executed = ctx.executed[i] as number;
      const forecastPhase = forecastPhaseOf(line, 'revised');
      const forecast = forecastPhase === null ? 0 : (line.amounts[forecastPhase] as number);
      if (!(forecast > 0) || !(executed > forecast * factor)) return;
      const phase = ctx.executedPhase[i] as Phase;
      const rate = (executed / forecast) * 100;
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const message = say(
        ctx,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} pour ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)} (${percent(ctx, rate)}), ${money(ctx, executed - forecast)} au-delà des crédits.`,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} against ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)} (${percent(ctx, rate)}), ${money(ctx, executed - forecast)} beyond the appropriation.`,
      );
      const values = {
        executedMinor: executed,
        executedPhase: phase,
        forecastMinor: forecast,
        forecastPhase,
        ratePercent: rate,
        excessMinor: executed - forecast,
      };
      emit(lineFlag(ctx, this, line, [phase, forecastPhase], message, values));
    });
  },
};

/** Money spent or raised with no forecast at all. A line with neither is simply empty. */
export const unbudgetedExecution: Rule = {
  id: 'unbudgeted-execution',
  severity: 'warning',
  title: { fr: 'Exécution sans prévision', en: 'Execution with no forecast' },
  run(ctx, emit) {
    ctx.lines.forEach((line, i) => {
      const executed = ctx.executed[i] as number;
      const forecast = ctx.forecast[i] as number;
      if (!(executed > 0) || forecast > 0 || forecast < 0) return;
      const phase = ctx.executedPhase[i] as Phase;
      const forecastPhase = forecastPhaseOf(line, ctx.settings.basis);
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const message = say(
        ctx,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} sans prévision (${forecastPhase === null ? 'aucune prévision' : 'prévision nulle'}).`,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} with no forecast (${forecastPhase === null ? 'none stated' : 'forecast of 0'}).`,
      );
      const values = {
        executedMinor: executed,
        executedPhase: phase,
        forecastMinor: forecastPhase === null ? null : 0,
        forecastPhase,
      };
      const severity = line.direction === 'revenue' ? 'info' : 'warning';
      emit(lineFlag(ctx, this, line, [phase, forecastPhase], message, values, severity));
    });
  },
};

/** Expenditure lines with a forecast and nothing executed: projects not delivered. */
export const zeroExecution: Rule = {
  id: 'zero-execution',
  severity: 'warning',
  title: { fr: 'Crédits non consommés', en: 'Forecast with no execution' },
  run(ctx, emit) {
    const withExecution = sheetsWithExecution(ctx);
    ctx.lines.forEach((line, i) => {
      if (line.direction !== 'expenditure' || !isUnexecuted(ctx, i, withExecution)) return;
      const forecast = ctx.forecast[i] as number;
      const phase = ctx.executedPhase[i] ?? null;
      const forecastPhase = forecastPhaseOf(line, ctx.settings.basis);
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const what = phase === null ? say(ctx, 'cellule vide', 'empty cell') : money(ctx, 0);
      const message = say(
        ctx,
        `${head}${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)}, rien d'exécuté (${what}).`,
        `${head}${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)}, nothing executed (${what}).`,
      );
      const values = {
        forecastMinor: forecast,
        forecastPhase,
        executedMinor: 0,
        executedPhase: phase,
      };
      emit(lineFlag(ctx, this, line, [forecastPhase, phase], message, values));
    });
  },
};

/** A forecast > 0 with an explicit 0, or an empty cell on a sheet that has execution figures. */
export function isUnexecuted(ctx: RuleContext, i: number, withExecution: Set<string>): boolean {
  const forecast = ctx.forecast[i] as number;
  const executed = ctx.executed[i] as number;
  if (!(forecast > 0)) return false;
  if (executed === 0) return true;
  return Number.isNaN(executed) && withExecution.has(sheetSide(ctx.lines[i] as BudgetLine));
}

/** Execution under the threshold; zero execution is left to its own rule. */
export const lowExecution: Rule = {
  id: 'low-execution',
  severity: 'warning',
  title: { fr: 'Exécution faible', en: 'Low execution' },
  run(ctx, emit) {
    const threshold = ctx.settings.lowExecutionPercent;
    ctx.lines.forEach((line, i) => {
      if (line.direction !== 'expenditure') return;
      if (line.section !== 'investment' && !ctx.settings.lowExecutionOperating) return;
      const forecast = ctx.forecast[i] as number;
      const executed = ctx.executed[i] as number;
      if (!(forecast > 0) || !(executed > 0)) return;
      const rate = (executed / forecast) * 100;
      if (rate >= threshold) return;
      const phase = ctx.executedPhase[i] as Phase;
      const forecastPhase = forecastPhaseOf(line, ctx.settings.basis) as Phase;
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const message = say(
        ctx,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} pour ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase)} (${percent(ctx, rate)}, seuil ${percent(ctx, threshold)}).`,
        `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} against ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase)} (${percent(ctx, rate)}, threshold ${percent(ctx, threshold)}).`,
      );
      // Investment credits left unspent are projects not delivered; operating ones matter less.
      const severity = line.section === 'investment' ? 'warning' : 'info';
      const values = {
        executedMinor: executed,
        executedPhase: phase,
        forecastMinor: forecast,
        forecastPhase,
        ratePercent: rate,
        thresholdPercent: threshold,
      };
      emit(lineFlag(ctx, this, line, [phase, forecastPhase], message, values, severity));
    });
  },
};
