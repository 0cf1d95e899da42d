import type { BudgetLine, Direction, Section } from '../model';
import type { SideTotals } from './summary-model';

/**
 * Running sums of one group. A sum that may be missing is kept as a number and a flag rather
 * than as `number | null`: a field that once held null boxes every new sum, a million times.
 */
export class Accumulator {
  planned = 0;
  revised = 0;
  basis = 0;
  lineCount = 0;
  private executedSum = 0;
  private hasExecuted = false;

  constructor(
    readonly direction: Direction,
    readonly section: Section | null,
    readonly chapter: string | null,
  ) {}

  /** Null until a line of the group brings an execution figure: no figure is not 0. */
  get executed(): number | null {
    return this.hasExecuted ? this.executedSum : null;
  }

  add(figures: LineFigures): void {
    this.planned += figures.planned ?? 0;
    this.revised += figures.revised ?? 0;
    this.basis += figures.basis ?? 0;
    if (figures.executed !== null) {
      this.executedSum += figures.executed;
      this.hasExecuted = true;
    }
    this.lineCount += 1;
  }
}

export function newAccumulator(
  direction: Direction,
  section: Section | null,
  chapter: string | null,
): Accumulator {
  return new Accumulator(direction, section, chapter);
}

/** The figures of one line that every rollup adds. */
export interface LineFigures {
  planned: number | null;
  revised: number | null;
  basis: number | null;
  executed: number | null;
}

export function addTo(acc: Accumulator, figures: LineFigures): void {
  acc.add(figures);
}

/**
 * A sum that stays null until a value comes, held as a number and a flag (see Accumulator).
 * `add(undefined)` and `add(null)` leave it as it is.
 */
class OptionalSum {
  private sum = 0;
  private has = false;

  add(value: number | null | undefined): void {
    if (value === null || value === undefined) return;
    this.sum += value;
    this.has = true;
  }

  get value(): number | null {
    return this.has ? this.sum : null;
  }
}

/** Side totals in minor units, each null until a line brings that figure. */
export class SideSums {
  private readonly planned = new OptionalSum();
  private readonly revised = new OptionalSum();
  private readonly executed = new OptionalSum();
  private readonly committed = new OptionalSum();
  private readonly paid = new OptionalSum();
  private readonly collected = new OptionalSum();

  add(line: BudgetLine, figures: LineFigures): void {
    this.planned.add(figures.planned);
    this.revised.add(figures.revised);
    this.executed.add(figures.executed);
    this.committed.add(line.amounts.committed);
    this.paid.add(line.amounts.paid);
    this.collected.add(line.amounts.collected);
  }

  toTotals(): SideTotals {
    return {
      planned: this.planned.value,
      revised: this.revised.value,
      executed: this.executed.value,
      committed: this.committed.value,
      paid: this.paid.value,
      collected: this.collected.value,
    };
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
