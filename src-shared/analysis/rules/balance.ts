import type { BudgetLine, Direction, Phase, Section } from '../../model';
import { forecastOf, isInternalTransfer } from '../figures';
import {
  budgetFlag,
  money,
  qualifiedCell,
  say,
  stageWord,
  type Rule,
  type RuleContext,
} from './context';

type Scope = Section | 'all';
const SCOPES: Scope[] = ['operating', 'investment', 'all'];

/** The forecast phases a file states explicitly; one forecast column is checked once. */
function statedForecasts(lines: BudgetLine[]): ('original' | 'revised')[] {
  const phases = new Set<'original' | 'revised'>();
  for (const line of lines) {
    if (line.amounts.original !== undefined) phases.add('original');
    if (line.amounts.revised !== undefined) phases.add('revised');
    if (phases.size === 2) break;
  }
  return (['original', 'revised'] as const).filter((phase) => phases.has(phase));
}

function hasBothSides(lines: BudgetLine[]): boolean {
  let revenue = false;
  let expenditure = false;
  for (const line of lines) {
    if (line.direction === 'revenue') revenue = true;
    if (line.direction === 'expenditure') expenditure = true;
    if (revenue && expenditure) return true;
  }
  return false;
}

// Revenue then expenditure of each scope, side by side in the typed arrays of forecastSums.
const SLOT = { operating: 0, investment: 2, none: 4, all: 6 } as const;

/** Forecast sums per section and side, and for the whole budget, in one allocation-free pass. */
function forecastSums(lines: BudgetLine[], phase: 'original' | 'revised') {
  const sums = new Float64Array(8);
  const seen = new Uint8Array(8);
  for (const line of lines) {
    if (line.direction === null) continue;
    const value = forecastOf(line, phase) ?? 0;
    const side = line.direction === 'revenue' ? 0 : 1;
    const section = SLOT[line.section ?? 'none'] + side;
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
    if (!hasBothSides(ctx.lines)) return;
    for (const phase of statedForecasts(ctx.lines)) {
      const { sums, seen } = forecastSums(ctx.lines, phase);
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
    if (!hasBothSides(ctx.lines)) return;
    const transfers: { line: BudgetLine; index: number }[] = [];
    ctx.lines.forEach((line, index) => {
      if (line.direction !== null && isInternalTransfer(line)) transfers.push({ line, index });
    });
    if (transfers.length === 0) return;
    const phases: Phase[] = [...statedForecasts(ctx.lines), 'executed'];
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
