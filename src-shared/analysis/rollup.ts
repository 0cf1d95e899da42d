import type { BudgetLine, Direction, Section } from '../model';
import type { SideTotals } from './summary-model';

/** Running sums of one group; `has*` remember whether any line had the figure at all. */
export interface Accumulator {
  direction: Direction;
  section: Section | null;
  chapter: string | null;
  planned: number;
  revised: number;
  basis: number;
  /** Null until a line of the group brings an execution figure: no figure is not 0. */
  executed: number | null;
  lineCount: number;
}

export function newAccumulator(
  direction: Direction,
  section: Section | null,
  chapter: string | null,
): Accumulator {
  return {
    direction,
    section,
    chapter,
    planned: 0,
    revised: 0,
    basis: 0,
    executed: null,
    lineCount: 0,
  };
}

/** The figures of one line that every rollup adds. */
export interface LineFigures {
  planned: number | null;
  revised: number | null;
  basis: number | null;
  executed: number | null;
}

export function addTo(acc: Accumulator, figures: LineFigures): void {
  acc.planned += figures.planned ?? 0;
  acc.revised += figures.revised ?? 0;
  acc.basis += figures.basis ?? 0;
  acc.executed = plus(acc.executed, figures.executed);
  acc.lineCount += 1;
}

/** Side totals in minor units, each null until a line brings that figure. */
export class SideSums {
  planned: number | null = null;
  revised: number | null = null;
  executed: number | null = null;
  committed: number | null = null;
  paid: number | null = null;
  collected: number | null = null;

  add(line: BudgetLine, figures: LineFigures): void {
    this.planned = plus(this.planned, figures.planned);
    this.revised = plus(this.revised, figures.revised);
    this.executed = plus(this.executed, figures.executed);
    this.committed = plus(this.committed, line.amounts.committed);
    this.paid = plus(this.paid, line.amounts.paid);
    this.collected = plus(this.collected, line.amounts.collected);
  }

  toTotals(): SideTotals {
    const { planned, revised, executed, committed, paid, collected } = this;
    return { planned, revised, executed, committed, paid, collected };
  }
}

/** `sum + value`, where a missing value leaves the sum as it is (null while nothing came). */
export function plus(sum: number | null, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return sum;
  return (sum ?? 0) + value;
}

/** `part / whole` in percent, null when the whole is 0 or either figure is missing. */
export function sharePercent(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
}

const SECTION_ORDER = { operating: 0, investment: 1 } as const;

// localeCompare with options builds a collator per call; a budget has thousands of chapters.
const CHAPTER_ORDER = new Intl.Collator('en', { numeric: true });

/** Revenue before expenditure, operating before investment, then codes as text. */
export function compareGroups(a: Accumulator, b: Accumulator): number {
  if (a.direction !== b.direction) return a.direction === 'revenue' ? -1 : 1;
  const sa = a.section === null ? 2 : SECTION_ORDER[a.section];
  const sb = b.section === null ? 2 : SECTION_ORDER[b.section];
  if (sa !== sb) return sa - sb;
  return CHAPTER_ORDER.compare(a.chapter ?? '\uffff', b.chapter ?? '\uffff');
}
