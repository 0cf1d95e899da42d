import type { BudgetLine, Phase } from '../../model';
import {
  EXPENDITURE,
  INVESTMENT,
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
 * Sheet and side pairs where at least one line has an execution figure, indexed by
 * `sheetSideOf`. There a line with a forecast and an empty execution cell executed nothing;
 * elsewhere (a budget primitif, or a file that reports only the spending it did) the empty cell
 * says nothing.
 */
export function sheetsWithExecution(ctx: RuleContext): Uint8Array {
  const known = withExecutionByRun.get(ctx);
  if (known) return known;
  const sheets = new Uint8Array(ctx.sheets.length * 3);
  for (let i = 0; i < ctx.lines.length; i++) {
    if (!Number.isNaN(ctx.executed[i])) sheets[sheetSideOf(ctx, i)] = 1;
  }
  withExecutionByRun.set(ctx, sheets);
  return sheets;
}

// Two rules ask for the same set in one run; it is computed once.
const withExecutionByRun = new WeakMap<RuleContext, Uint8Array>();

/** The slot of a line's sheet and side (revenue, expenditure or none) in sheetsWithExecution. */
const sheetSideOf = (ctx: RuleContext, i: number) =>
  (ctx.sheet[i] as number) * 3 + (ctx.direction[i] as number);

/** Spending beyond the appropriation: executed above the revised forecast. */
export const overExecution: Rule = {
  id: 'over-execution',
  severity: 'warning',
  title: { fr: 'Dépenses au-delà des crédits ouverts', en: 'Spending above the revised forecast' },
  run(ctx, emit) {
    const factor = 1 + ctx.settings.overExecutionTolerancePercent / 100;
    for (let i = 0; i < ctx.lines.length; i++) {
      if (ctx.direction[i] !== EXPENDITURE) continue;
      const executed = ctx.executed[i] as number;
      // The revised forecast, or the original one when the line has only that.
      const revised = ctx.revised[i] as number;
      const forecastPhase = !Number.isNaN(revised)
        ? 'revised'
        : !Number.isNaN(ctx.original[i])
          ? 'original'
          : null;
      const forecast = forecastPhase === 'revised' ? revised : (ctx.original[i] as number);
      // NaN, where the line has neither, fails the test as the forecast of 0 it stood for did.
      if (!(forecast > 0) || !(executed > forecast * factor)) continue;
      const line = ctx.lines[i] as BudgetLine;
      const phase = ctx.executedPhase[i] as Phase;
      const rate = (executed / forecast) * 100;
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const message =
        ctx.lang === 'fr'
          ? `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} pour ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)} (${percent(ctx, rate)}), ${money(ctx, executed - forecast)} au-delà des crédits.`
          : `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} against ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)} (${percent(ctx, rate)}), ${money(ctx, executed - forecast)} beyond the appropriation.`;
      const values = {
        executedMinor: executed,
        executedPhase: phase,
        forecastMinor: forecast,
        forecastPhase,
        ratePercent: rate,
        excessMinor: executed - forecast,
      };
      emit(lineFlag(ctx, this, line, [phase, forecastPhase], message, values));
    }
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
      const message =
        ctx.lang === 'fr'
          ? `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} sans prévision (${forecastPhase === null ? 'aucune prévision' : 'prévision nulle'}).`
          : `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} with no forecast (${forecastPhase === null ? 'none stated' : 'forecast of 0'}).`;
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
    for (let i = 0; i < ctx.lines.length; i++) {
      if (ctx.direction[i] !== EXPENDITURE || !isUnexecuted(ctx, i, withExecution)) continue;
      const line = ctx.lines[i] as BudgetLine;
      const forecast = ctx.forecast[i] as number;
      const phase = ctx.executedPhase[i] ?? null;
      const forecastPhase = forecastPhaseOf(line, ctx.settings.basis);
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const what = phase === null ? say(ctx, 'cellule vide', 'empty cell') : money(ctx, 0);
      const message =
        ctx.lang === 'fr'
          ? `${head}${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)}, rien d'exécuté (${what}).`
          : `${head}${money(ctx, forecast)} ${stageWord(ctx, forecastPhase as Phase)}, nothing executed (${what}).`;
      const values = {
        forecastMinor: forecast,
        forecastPhase,
        executedMinor: 0,
        executedPhase: phase,
      };
      emit(lineFlag(ctx, this, line, [forecastPhase, phase], message, values));
    }
  },
};

/** A forecast > 0 with an explicit 0, or an empty cell on a sheet that has execution figures. */
export function isUnexecuted(ctx: RuleContext, i: number, withExecution: Uint8Array): boolean {
  const forecast = ctx.forecast[i] as number;
  const executed = ctx.executed[i] as number;
  if (!(forecast > 0)) return false;
  if (executed === 0) return true;
  return Number.isNaN(executed) && withExecution[sheetSideOf(ctx, i)] === 1;
}

/** Execution under the threshold; zero execution is left to its own rule. */
export const lowExecution: Rule = {
  id: 'low-execution',
  severity: 'warning',
  title: { fr: 'Exécution faible', en: 'Low execution' },
  run(ctx, emit) {
    const threshold = ctx.settings.lowExecutionPercent;
    for (let i = 0; i < ctx.lines.length; i++) {
      if (ctx.direction[i] !== EXPENDITURE) continue;
      if (ctx.section[i] !== INVESTMENT && !ctx.settings.lowExecutionOperating) continue;
      const forecast = ctx.forecast[i] as number;
      const executed = ctx.executed[i] as number;
      if (!(forecast > 0) || !(executed > 0)) continue;
      const rate = (executed / forecast) * 100;
      if (rate >= threshold) continue;
      const line = ctx.lines[i] as BudgetLine;
      const phase = ctx.executedPhase[i] as Phase;
      const forecastPhase = forecastPhaseOf(line, ctx.settings.basis) as Phase;
      const head = `${lineName(ctx, line)}${say(ctx, ' : ', ': ')}`;
      const message =
        ctx.lang === 'fr'
          ? `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} pour ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase)} (${percent(ctx, rate)}, seuil ${percent(ctx, threshold)}).`
          : `${head}${money(ctx, executed)} ${stageWord(ctx, phase)} against ${money(ctx, forecast)} ${stageWord(ctx, forecastPhase)} (${percent(ctx, rate)}, threshold ${percent(ctx, threshold)}).`;
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
    }
  },
};
