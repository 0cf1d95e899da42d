import {
  EXPENDITURE_STAGES,
  REVENUE_STAGES,
  type BudgetInfo,
  type BudgetLine,
  type Direction,
  type Phase,
} from '../model';

/** Which forecast the comparison is made against. */
export type Basis = 'revised' | 'original';

/**
 * The phases tried, in order, for the executed figure of a line on one side: the stage the user
 * chose, then `executed` (a figure whose stage the file does not say), then the side's stages
 * from the latest to the earliest. A line that has no ordered amount but a paid one is thus read
 * at its payment, the stage nearest to the end of the chain that the file holds.
 */
export function executedPhaseOrder(chosen: Phase, direction: Direction | null): Phase[] {
  const stages: readonly Phase[] =
    direction === 'revenue'
      ? REVENUE_STAGES
      : direction === 'expenditure'
        ? EXPENDITURE_STAGES
        : [...EXPENDITURE_STAGES, ...REVENUE_STAGES];
  const order: Phase[] = [chosen, 'executed', ...[...stages].reverse()];
  return order.filter((phase, index) => order.indexOf(phase) === index);
}

/** The two fallback orders of a budget, computed once rather than per line. */
export interface PhaseOrders {
  revenue: Phase[];
  expenditure: Phase[];
  unknown: Phase[];
}

export function phaseOrdersOf(budget: BudgetInfo): PhaseOrders {
  return {
    revenue: executedPhaseOrder(budget.executedStage.revenue, 'revenue'),
    expenditure: executedPhaseOrder(budget.executedStage.expenditure, 'expenditure'),
    unknown: executedPhaseOrder(budget.executedStage.expenditure, null),
  };
}

/** The phase that gives a line its executed figure, or null when it has none. */
export function executedPhaseOf(line: BudgetLine, orders: PhaseOrders): Phase | null {
  const order =
    line.direction === 'revenue'
      ? orders.revenue
      : line.direction === 'expenditure'
        ? orders.expenditure
        : orders.unknown;
  for (const phase of order) {
    if (line.amounts[phase] !== undefined) return phase;
  }
  return null;
}

/**
 * The forecast of a line on `basis`, in minor units. A line with only the other forecast uses
 * it: a file with one forecast column states both the original and the revised figure. Null
 * when the line has no forecast at all.
 */
export function forecastOf(line: BudgetLine, basis: Basis): number | null {
  const other: Basis = basis === 'revised' ? 'original' : 'revised';
  return line.amounts[basis] ?? line.amounts[other] ?? null;
}

/**
 * Execution rate in percent, or null when the forecast is 0 or absent (its own anomaly) or when
 * there is no execution figure at all (a budget primitif is not 0 % executed).
 */
export function ratePercent(
  executedMinor: number | null,
  basisMinor: number | null,
): number | null {
  if (executedMinor === null || basisMinor === null || basisMinor === 0) return null;
  return (executedMinor / basisMinor) * 100;
}

const TRANSFER_LABEL =
  /\b(virement|prelevement|prelev)\b.*\b(section|fonctionnement|investissement)\b|\btransfer\b.*\b(capital|recurrent|development|operating|investment)\b/;
const TRANSFER_HINT = /vir|pr[eé]l|transf/i;
/** Chapters of the French M14 nomenclature for the transfer between sections. */
const TRANSFER_CHAPTERS = new Set(['021', '023']);

/** Lower-cased label without accents, for matching words whatever the file's spelling. */
export function foldLabel(label: string | null): string {
  if (!label) return '';
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * True when a line is the internal transfer from the operating to the investment section
 * ("virement à la section d'investissement" on the expenditure side, "prélèvement sur / virement
 * de la section de fonctionnement" on the revenue side, chapters 023 and 021 in the French
 * nomenclature). The same money appears on both sides and must be counted once.
 */
export function isInternalTransfer(line: BudgetLine): boolean {
  if (line.chapter !== null && TRANSFER_CHAPTERS.has(line.chapter)) return true;
  if (line.code !== null && TRANSFER_CHAPTERS.has(line.code)) return true;
  // Most labels hold none of the words: a cheap test spares folding a million labels.
  if (line.label === null || !TRANSFER_HINT.test(line.label)) return false;
  return TRANSFER_LABEL.test(foldLabel(line.label));
}
