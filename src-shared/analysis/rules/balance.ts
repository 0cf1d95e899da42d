import type { BudgetLine, Direction, Phase, Section } from '../../model';
import { isInternalTransfer } from '../figures';
import {
  budgetFlag,
  EXPENDITURE,
  money,
  NONE,
  qualifiedCell,
  REVENUE,
  say,
  stageWord,
  type Rule,
  type RuleContext,
} from './context';

type Scope = Section | 'all';
const SCOPES: Scope[] = ['operating', 'investment', 'all'];

/** The forecast phases a file states explicitly; one forecast column is checked once. */
function statedForecasts(ctx: RuleContext): ('original' | 'revised')[] {
  let original = false;
  let revised = false;
  for (let i = 0; i < ctx.lines.length && !(original && revised); i++) {
    if (!Number.isNaN(ctx.original[i])) original = true;
    if (!Number.isNaN(ctx.revised[i])) revised = true;
  }
  return (['original', 'revised'] as const).filter((phase) =>
    phase === 'original' ? original : revised,
  );
}

function hasBothSides(ctx: RuleContext): boolean {
  let revenue = false;
  let expenditure = false;
  for (let i = 0; i < ctx.direction.length; i++) {
    if (ctx.direction[i] === REVENUE) revenue = true;
    if (ctx.direction[i] === EXPENDITURE) expenditure = true;
    if (revenue && expenditure) return true;
  }
  return false;
}

// Revenue then expenditure of each scope, side by side in the typed arrays of forecastSums.
const SLOT = { operating: 0, investment: 2, none: 4, all: 6 } as const;
// The slot of each section code of the context (OPERATING, INVESTMENT, NONE).
const SECTION_SLOT = [SLOT.operating, SLOT.investment, SLOT.none];

/** Forecast sums per section and side, and for the whole budget, in one allocation-free pass. */
function forecastSums(ctx: RuleContext, phase: 'original' | 'revised') {
  const sums = new Float64Array(8);
  const seen = new Uint8Array(8);
  // forecastOf(line, phase): the phase's forecast, or the other one, or 0.
  const own = phase === 'original' ? ctx.original : ctx.revised;
  const other = phase === 'original' ? ctx.revised : ctx.original;
  for (let i = 0; i < ctx.lines.length; i++) {
    const side = ctx.direction[i] as number;
    if (side === NONE) continue;
    const given = own[i] as number;
    const fallback = other[i] as number;
    const value = !Number.isNaN(given) ? given : !Number.isNaN(fallback) ? fallback : 0;
    const section = (SECTION_SLOT[ctx.section[i] as number] as number) + side;
    sums[section] = (sums[section] as number) + value;
    seen[section] = 1;
    sums[SLOT.all + side] = (sums[SLOT.all + side] as number) + value;
    seen[SLOT.all + side] = 1;
  }
  return { sums, seen };
}

function scopeName(ctx: RuleContext, scope: Scope): string {
  if (scope === 'operating') return say(ctx, 'Section de fonctionnement', 'Operating section');
  if (scope === 'investment') return say(ctx, "Section d'investissement", 'Investment section');
  return say(ctx, 'Budget', 'Budget');
}

/**
 * Forecast revenue ≠ forecast expenditure per section: local budgets are voted in balance,
 * section by section. The whole budget is judged only when no section is, since two balanced
 * sections make a balanced whole. Needs both sides in the file (an expenditure sheet alone says
 * nothing about balance).
 */
export const imbalance: Rule = {
  id: 'imbalance',
  severity: 'warning',
  title: { fr: 'Prévisions non équilibrées', en: 'Forecast not balanced' },
  run(ctx, emit) {
    if (!hasBothSides(ctx)) return;
    for (const phase of statedForecasts(ctx)) {
      const { sums, seen } = forecastSums(ctx, phase);
      let flagged = false;
      for (const scope of SCOPES) {
        if (scope === 'all' && flagged) continue;
        const s = SLOT[scope];
        if (!seen[s] || !seen[s + 1]) continue;
        const revenue = sums[s] as number;
        const expenditure = sums[s + 1] as number;
        if (Math.abs(revenue - expenditure) <= ctx.settings.imbalanceToleranceMinor) continue;
        flagged = true;
        const message = say(
          ctx,
          `${scopeName(ctx, scope)} : recettes ${money(ctx, revenue)} et dépenses ${money(ctx, expenditure)} ${stageWord(ctx, phase)}, solde ${money(ctx, revenue - expenditure)} ; le budget doit être voté en équilibre.`,
          `${scopeName(ctx, scope)}: revenue ${money(ctx, revenue)} and expenditure ${money(ctx, expenditure)} (${stageWord(ctx, phase)}), balance ${money(ctx, revenue - expenditure)}; the budget must be voted in balance.`,
        );
        const values = {
          phase,
          section: scope,
          revenueMinor: revenue,
          expenditureMinor: expenditure,
          balanceMinor: revenue - expenditure,
        };
        emit(budgetFlag(ctx, this, null, [], message, values));
      }
    }
  },
};

/**
 * The transfer from operating to investment must be the same on both sides: the 023 paid out
 * of the operating section is the 021 received by the investment section.
 */
export const transferMismatch: Rule = {
  id: 'transfer-mismatch',
  severity: 'warning',
  title: {
    fr: 'Virement entre sections différent de part et d’autre',
    en: 'Transfer between sections that differs on each side',
  },
  run(ctx, emit) {
    if (!hasBothSides(ctx)) return;
    const transfers: { line: BudgetLine; index: number }[] = [];
    ctx.lines.forEach((line, index) => {
      if (line.direction !== null && isInternalTransfer(line)) transfers.push({ line, index });
    });
    if (transfers.length === 0) return;
    const phases: Phase[] = [...statedForecasts(ctx), 'executed'];
    for (const phase of phases) {
      const sum = { revenue: 0, expenditure: 0 };
      const cells: string[] = [];
      for (const { line, index } of transfers) {
        const executedPhase = ctx.executedPhase[index] ?? null;
        const value = phase === 'executed' ? ctx.executed[index] : line.amounts[phase];
        if (value === undefined || Number.isNaN(value)) continue;
        sum[line.direction as Direction] += value;
        const cell = qualifiedCell(line, phase === 'executed' ? executedPhase : phase);
        if (cell !== null) cells.push(cell);
      }
      const difference = sum.expenditure - sum.revenue;
      if (Math.abs(difference) <= ctx.settings.imbalanceToleranceMinor) continue;
      const message = say(
        ctx,
        `Virement entre sections (${stageWord(ctx, phase)}) : ${money(ctx, sum.expenditure)} en dépense de fonctionnement, ${money(ctx, sum.revenue)} en recette d'investissement (écart ${money(ctx, difference)}).`,
        `Transfer between sections (${stageWord(ctx, phase)}): ${money(ctx, sum.expenditure)} paid out of operating, ${money(ctx, sum.revenue)} received by investment (off by ${money(ctx, difference)}).`,
      );
      const values = {
        phase,
        expenditureMinor: sum.expenditure,
        revenueMinor: sum.revenue,
        differenceMinor: difference,
      };
      emit(budgetFlag(ctx, this, null, cells, message, values));
    }
  },
};
