import type { BudgetInfo, BudgetLine, Direction, Flag, Phase } from '../model';
import {
  forecastOf,
  isInternalTransfer,
  executedPhaseOf,
  phaseOrdersOf,
  ratePercent,
  type Basis,
} from './figures';
import {
  addTo,
  compareGroups,
  newAccumulator,
  sharePercent,
  SideSums,
  type Accumulator,
  type LineFigures,
} from './rollup';
import type { GroupComparison, SectionBalance, StageUse, Summary } from './summary-model';

export interface SummariseOptions {
  basis: Basis;
  /** Flags already detected, only counted by severity. */
  flags?: Flag[];
}

interface Sides<T> {
  revenue: T;
  expenditure: T;
}

/**
 * Totals, rates, variances, shares and balances of one budget.
 *
 * Only rows of kind `line` are added; subtotal and total rows are the file's statements, which
 * the rules check. Each line's executed figure is read at the budget's chosen stage, with the
 * fallback of `executedPhaseOrder`; `executedStage` says how many lines used which stage. A line
 * with a single forecast gives it to both `planned` (original) and `revised`. Chapters add up to
 * their section and sections to their direction by construction: every group is a sum of the
 * same line figures. Rates are null where the forecast (`basis`) is 0. Lines on hidden rows are
 * left out of all of it and counted in `hiddenExcluded`.
 */
export function summarise(
  budget: BudgetInfo,
  lines: BudgetLine[],
  options: SummariseOptions,
): Summary {
  const orders = phaseOrdersOf(budget);
  const directions = new Map<string, Accumulator>();
  const sections = new Map<string, Accumulator>();
  const chapters = new Map<string, Accumulator>();
  const totals: Sides<SideSums> = { revenue: new SideSums(), expenditure: new SideSums() };
  const consolidated: Sides<SideSums> = { revenue: new SideSums(), expenditure: new SideSums() };
  const transfers: Sides<SideSums> = { revenue: new SideSums(), expenditure: new SideSums() };
  const stages: Sides<StageUse> = {
    revenue: { chosen: budget.executedStage.revenue, linesByPhase: {}, linesWithoutExecution: 0 },
    expenditure: {
      chosen: budget.executedStage.expenditure,
      linesByPhase: {},
      linesWithoutExecution: 0,
    },
  };
  const transferIds: number[] = [];
  let linesWithoutDirection = 0;
  const hiddenExcluded: Summary['hiddenExcluded'] = {
    lines: 0,
    revenue: { basisMinor: 0, executedMinor: 0 },
    expenditure: { basisMinor: 0, executedMinor: 0 },
  };

  // One figures object for every line: the rollups only read it.
  const figures: LineFigures = { planned: null, revised: null, basis: null, executed: null };
  const groups = new GroupsOfLine(directions, sections, chapters);
  // Chapter labels are gathered in the same walk: a million lines are read once, not twice.
  const labels = new Map<string, string>();
  for (const line of lines) {
    noteChapterLabel(labels, line);
    if (line.kind !== 'line') continue;
    if (line.hidden) {
      countHidden(hiddenExcluded, line, orders, options.basis);
      continue;
    }
    const direction = line.direction;
    if (direction === null) {
      linesWithoutDirection += 1;
      continue;
    }
    const phase = executedPhaseOf(line, orders);
    // forecastOf for each basis, from one read of each forecast.
    const { original, revised } = line.amounts;
    figures.planned = original ?? revised ?? null;
    figures.revised = revised ?? original ?? null;
    figures.basis = options.basis === 'original' ? figures.planned : figures.revised;
    figures.executed = phase === null ? null : (line.amounts[phase] ?? null);
    countStage(stages[direction], phase, figures);
    totals[direction].add(line, figures);
    if (isInternalTransfer(line)) {
      transfers[direction].add(line, figures);
      transferIds.push(line.id);
    } else {
      consolidated[direction].add(line, figures);
    }
    for (const acc of groups.of(line, direction)) addTo(acc, figures);
  }

  const compare = (acc: Accumulator, key: string, label: string) =>
    toComparison(acc, key, label, directions.get(acc.direction), budget.population);
  const byDirection = [...directions.entries()]
    .sort(([, a], [, b]) => compareGroups(a, b))
    .map(([key, acc]) => compare(acc, key, key));
  const bySection = [...sections.entries()]
    .sort(([, a], [, b]) => compareGroups(a, b))
    .map(([key, acc]) => compare(acc, key, acc.section ?? '-'));
  const byChapter = [...chapters.entries()]
    .sort(([, a], [, b]) => compareGroups(a, b))
    .map(([key, acc]) => {
      const label =
        acc.chapter === null ? '-' : (labels.get(`${acc.direction}/${acc.chapter}`) ?? acc.chapter);
      return compare(acc, key, label);
    });

  const balanceBySection = balancesOf(sections, directions);
  const overall = balanceBySection.find((b) => b.section === null);
  return {
    budget,
    basis: options.basis,
    totals: { revenue: totals.revenue.toTotals(), expenditure: totals.expenditure.toTotals() },
    balance: {
      plannedMinor: overall?.plannedMinor ?? 0,
      revisedMinor: overall?.revisedMinor ?? 0,
      basisMinor: overall?.basisMinor ?? 0,
      executedMinor: overall?.executedMinor ?? null,
    },
    balanceBySection: balanceBySection.filter((b) => b.section !== null),
    consolidated: {
      revenue: consolidated.revenue.toTotals(),
      expenditure: consolidated.expenditure.toTotals(),
    },
    transfers: {
      revenue: transfers.revenue.toTotals(),
      expenditure: transfers.expenditure.toTotals(),
      lineIds: transferIds,
    },
    executedStage: stages,
    linesWithoutDirection,
    hiddenExcluded,
    byDirection,
    bySection,
    byChapter,
    flagCounts: countFlags(options.flags ?? []),
  };
}

function group(map: Map<string, Accumulator>, key: string, make: () => Accumulator): Accumulator {
  let acc = map.get(key);
  if (!acc) {
    acc = make();
    map.set(key, acc);
  }
  return acc;
}

/**
 * The direction, section and chapter accumulators of a line, kept from the line before: lines
 * come chapter by chapter, so the keys are built only when the chapter changes.
 */
class GroupsOfLine {
  private last: BudgetLine | null = null;
  private accs: Accumulator[] = [];

  constructor(
    private readonly directions: Map<string, Accumulator>,
    private readonly sections: Map<string, Accumulator>,
    private readonly chapters: Map<string, Accumulator>,
  ) {}

  of(line: BudgetLine, direction: Direction): Accumulator[] {
    const last = this.last;
    this.last = line;
    if (
      last !== null &&
      last.direction === direction &&
      last.section === line.section &&
      last.chapter === line.chapter
    ) {
      return this.accs;
    }
    const sectionKey = `${direction}/${line.section ?? '-'}`;
    const chapterKey = `${sectionKey}/${line.chapter ?? '-'}`;
    this.accs = [
      group(this.directions, direction, () => newAccumulator(direction, null, null)),
      group(this.sections, sectionKey, () => newAccumulator(direction, line.section, null)),
      group(this.chapters, chapterKey, () => newAccumulator(direction, line.section, line.chapter)),
    ];
    return this.accs;
  }
}

/** A hidden row stays a line (kind 'line', hidden) but is only counted here, not in totals. */
function countHidden(
  hidden: Summary['hiddenExcluded'],
  line: BudgetLine,
  orders: ReturnType<typeof phaseOrdersOf>,
  basis: Basis,
): void {
  hidden.lines += 1;
  if (line.direction === null) return;
  const phase = executedPhaseOf(line, orders);
  hidden[line.direction].basisMinor += forecastOf(line, basis) ?? 0;
  hidden[line.direction].executedMinor += phase === null ? 0 : (line.amounts[phase] ?? 0);
}

function countStage(use: StageUse, phase: Phase | null, figures: LineFigures): void {
  if (phase === null) {
    if (figures.basis !== null) use.linesWithoutExecution += 1;
    return;
  }
  use.linesByPhase[phase] = (use.linesByPhase[phase] ?? 0) + 1;
}

function toComparison(
  acc: Accumulator,
  key: string,
  label: string,
  side: Accumulator | undefined,
  population: number | null,
): GroupComparison {
  const rate = ratePercent(acc.executed, acc.basis);
  const basisShare = side ? sharePercent(acc.basis, side.basis) : null;
  const executedShare = side ? sharePercent(acc.executed, side.executed) : null;
  const perResident = (value: number) => (population && population > 0 ? value / population : null);
  return {
    key,
    label,
    direction: acc.direction,
    section: acc.section,
    chapter: acc.chapter,
    plannedMinor: acc.planned,
    revisedMinor: acc.revised,
    basisMinor: acc.basis,
    executedMinor: acc.executed,
    varianceMinor: acc.executed === null ? null : acc.executed - acc.basis,
    ratePercent: rate,
    lineCount: acc.lineCount,
    variancePoints: rate === null ? null : rate - 100,
    basisSharePercent: basisShare,
    executedSharePercent: executedShare,
    shareChangePoints:
      basisShare === null || executedShare === null ? null : executedShare - basisShare,
    basisPerResidentMinor: perResident(acc.basis),
    executedPerResidentMinor: acc.executed === null ? null : perResident(acc.executed),
  };
}

/** Revenue minus expenditure per section, and overall (section null). */
function balancesOf(
  sections: Map<string, Accumulator>,
  directions: Map<string, Accumulator>,
): SectionBalance[] {
  const pairs: [SectionBalance['section'], Accumulator | undefined, Accumulator | undefined][] = [
    ['operating', sections.get('revenue/operating'), sections.get('expenditure/operating')],
    ['investment', sections.get('revenue/investment'), sections.get('expenditure/investment')],
    [null, directions.get('revenue'), directions.get('expenditure')],
  ];
  return pairs
    .filter(([section, rev, exp]) => section === null || rev || exp)
    .map(([section, rev, exp]) => ({
      section,
      plannedMinor: (rev?.planned ?? 0) - (exp?.planned ?? 0),
      revisedMinor: (rev?.revised ?? 0) - (exp?.revised ?? 0),
      basisMinor: (rev?.basis ?? 0) - (exp?.basis ?? 0),
      executedMinor: executedBalance(rev, exp),
    }));
}

/** A side with lines but no execution figure leaves the executed balance unknown, not 0. */
function executedBalance(rev: Accumulator | undefined, exp: Accumulator | undefined) {
  if ((rev && rev.executed === null) || (exp && exp.executed === null)) return null;
  if (!rev && !exp) return null;
  return (rev?.executed ?? 0) - (exp?.executed ?? 0);
}

/**
 * Records the label of a heading (or level-0) row that carries its chapter's code; a heading
 * wins over another row of the same code.
 */
function noteChapterLabel(labels: Map<string, string>, line: BudgetLine): void {
  if (line.code === null || line.label === null || line.direction === null) return;
  if (line.code !== line.chapter && line.level !== 0) return;
  const key = `${line.direction}/${line.code}`;
  if (!labels.has(key) || line.kind === 'heading') labels.set(key, line.label);
}

function countFlags(flags: Flag[]): Summary['flagCounts'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const flag of flags) counts[flag.severity] += 1;
  return counts;
}
