import { EXECUTION_PHASES, type BudgetLine, type Phase } from '../../model';
import { forecastOf } from '../figures';
import { lineFlag, lineName, money, percent, type Rule, type RuleContext } from './context';

/** The rates a file may mean by "taux": any stage over either forecast, or collected / assessed. */
function candidateRates(row: BudgetLine): number[] {
  const rates: number[] = [];
  const denominators = [row.amounts.revised, row.amounts.original].filter(
    (value): value is number => value !== undefined && value !== 0,
  );
  for (const phase of EXECUTION_PHASES) {
    const numerator = row.amounts[phase];
    if (numerator === undefined) continue;
    for (const denominator of denominators) rates.push((numerator / denominator) * 100);
  }
  const { assessed, collected } = row.amounts;
  if (assessed !== undefined && assessed !== 0 && collected !== undefined) {
    rates.push((collected / assessed) * 100);
  }
  return rates;
}

/** Whether numerator / denominator, in percent, is within `tolerance` of `stated`. */
function isNear(numerator: number, denominator: number, stated: number, tolerance: number) {
  return Math.abs((numerator / denominator) * 100 - stated) <= tolerance + 1e-9;
}

/**
 * Whether one of `candidateRates` is within `tolerance` of `stated`, null when there is none;
 * tried without building the list, which only a mismatch needs. Every row of a large file may
 * state a rate, so each stage is read by its name, once.
 */
function rateMatches(row: BudgetLine, stated: number, tolerance: number): boolean | null {
  const amounts = row.amounts;
  const { revised, original, assessed, collected } = amounts;
  const byRevised = revised !== undefined && revised !== 0;
  const byOriginal = original !== undefined && original !== 0;
  let any = false;
  if (byRevised || byOriginal) {
    // EXECUTION_PHASES, in its order.
    const stages = [
      amounts.committed,
      amounts.liquidated,
      amounts.ordered,
      amounts.paid,
      assessed,
      collected,
      amounts.executed,
    ];
    for (const numerator of stages) {
      if (numerator === undefined) continue;
      if (byRevised && isNear(numerator, revised, stated, tolerance)) return true;
      if (byOriginal && isNear(numerator, original, stated, tolerance)) return true;
      any = true;
    }
  }
  if (assessed !== undefined && assessed !== 0 && collected !== undefined) {
    return isNear(collected, assessed, stated, tolerance);
  }
  return any ? false : null;
}

// The units writtenPrecision tries, 10 ** -decimals for 0 to 3 decimals, computed once.
const UNITS = [0, 1, 2, 3].map((decimals) => 10 ** -decimals);

/** The last decimal a stated rate was written with: 63 → 1, 63.5 → 0.1 (truncation allowed). */
function writtenPrecision(ratePercent: number): number {
  for (const unit of UNITS) {
    if (Math.abs(Math.round(ratePercent / unit) * unit - ratePercent) < 1e-9) return unit;
  }
  return 0;
}

/**
 * A stated rate that no reading of the row's amounts gives. Every stage over either forecast is
 * tried, since files rarely say which they divide, so only a rate that matches none is flagged.
 */
export const statedRateMismatch: Rule = {
  id: 'stated-rate-mismatch',
  severity: 'warning',
  title: {
    fr: 'Taux indiqué qui ne correspond pas aux montants',
    en: 'Stated rate that does not match the amounts',
  },
  run(ctx, emit) {
    for (const row of ctx.rows) {
      const stated = row.statedRatePercent;
      if (stated === null) continue;
      const tolerance = Math.max(ctx.settings.statedRateTolerancePoints, writtenPrecision(stated));
      if (rateMatches(row, stated, tolerance) !== false) continue;
      const rates = candidateRates(row);
      emit(rateFlag(ctx, row, stated, nearest(rates, stated), tolerance));
    }
  },
};

function nearest(rates: number[], stated: number): number {
  return rates.reduce((best, rate) =>
    Math.abs(rate - stated) < Math.abs(best - stated) ? rate : best,
  );
}

function rateFlag(
  ctx: RuleContext,
  row: BudgetLine,
  stated: number,
  closest: number,
  tolerance: number,
) {
  const message =
    ctx.lang === 'fr'
      ? `${lineName(ctx, row)} : taux indiqué ${percent(ctx, stated)}, les montants donnent au plus près ${percent(ctx, closest)} (écart ${percent(ctx, Math.abs(closest - stated))}).`
      : `${lineName(ctx, row)}: stated rate ${percent(ctx, stated)}, the amounts give at the closest ${percent(ctx, closest)} (off by ${percent(ctx, Math.abs(closest - stated))}).`;
  const values = {
    statedRatePercent: stated,
    closestRatePercent: closest,
    tolerancePoints: tolerance,
  };
  const phases = Object.keys(row.cells) as Phase[];
  return lineFlag(ctx, statedRateMismatch, row, phases, message, values);
}

/** Revised ≠ original + changes: the forecast columns of a line contradict each other. */
export const revisedChangeMismatch: Rule = {
  id: 'revised-change-mismatch',
  severity: 'error',
  title: {
    fr: 'Prévision définitive ≠ initiale + modifications',
    en: 'Revised ≠ original + changes',
  },
  run(ctx, emit) {
    for (const row of ctx.rows) {
      const { original, change, revised } = row.amounts;
      if (original === undefined || change === undefined || revised === undefined) continue;
      const difference = revised - (original + change);
      if (Math.abs(difference) <= ctx.settings.revisedChangeToleranceMinor) continue;
      const message =
        ctx.lang === 'fr'
          ? `${lineName(ctx, row)} : ${money(ctx, original)} initiaux + ${money(ctx, change)} de modifications = ${money(ctx, original + change)}, mais ${money(ctx, revised)} définitifs (écart ${money(ctx, difference)}).`
          : `${lineName(ctx, row)}: ${money(ctx, original)} original + ${money(ctx, change)} changes = ${money(ctx, original + change)}, but ${money(ctx, revised)} revised (off by ${money(ctx, difference)}).`;
      const values = {
        originalMinor: original,
        changeMinor: change,
        revisedMinor: revised,
        differenceMinor: difference,
      };
      emit(lineFlag(ctx, this, row, ['original', 'change', 'revised'], message, values));
    }
  },
};

/** Revised far from original: the voted budget was not the plan that was followed. */
export const largeRevision: Rule = {
  id: 'large-revision',
  severity: 'info',
  title: { fr: 'Forte révision des prévisions', en: 'Large revision of the forecast' },
  run(ctx, emit) {
    const limit = ctx.settings.largeRevisionPercent;
    for (let i = 0; i < ctx.lines.length; i++) {
      const original = ctx.original[i] as number;
      const revised = ctx.revised[i] as number;
      if (Number.isNaN(revised) || !(original > 0)) continue;
      const changePercent = ((revised - original) / original) * 100;
      if (Math.abs(changePercent) <= limit) continue;
      const line = ctx.lines[i] as BudgetLine;
      const message =
        ctx.lang === 'fr'
          ? `${lineName(ctx, line)} : prévision portée de ${money(ctx, original)} à ${money(ctx, revised)} (${changePercent > 0 ? '+' : ''}${percent(ctx, changePercent)}, seuil ${percent(ctx, limit)}).`
          : `${lineName(ctx, line)}: forecast moved from ${money(ctx, original)} to ${money(ctx, revised)} (${changePercent > 0 ? '+' : ''}${percent(ctx, changePercent)}, threshold ${percent(ctx, limit)}).`;
      const values = {
        originalMinor: original,
        revisedMinor: revised,
        changePercent,
        thresholdPercent: limit,
        basisMinor: forecastOf(line, ctx.settings.basis),
      };
      emit(lineFlag(ctx, this, line, ['original', 'revised'], message, values));
    }
  },
};
