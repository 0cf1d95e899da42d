import type { GroupComparison } from '../../src-shared/analysis/summary-model';
import { EXECUTION_PHASES, type BudgetLine, type Phase } from '../../src-shared/model';
import type { ReportInput } from './report-input';

/** A cell as the tabular exports write it: a real number, a text, or nothing. */
export type Cell = number | string | null;

export type ColumnKind = 'text' | 'amount' | 'integer' | 'percent';

export interface Column {
  /** Stable machine name, the CSV header. */
  key: string;
  kind: ColumnKind;
}

export interface TableView {
  name: 'summary' | 'lines' | 'flags' | 'provenance';
  columns: Column[];
  rows: Cell[][];
}

const text = (key: string): Column => ({ key, kind: 'text' });
const amount = (key: string): Column => ({ key, kind: 'amount' });
const integer = (key: string): Column => ({ key, kind: 'integer' });
const percent = (key: string): Column => ({ key, kind: 'percent' });

const LINE_PHASES: Phase[] = ['original', 'revised', 'change', ...EXECUTION_PHASES, 'remaining'];

/** Minor units to the currency's major units, so that files read as the budget does. */
export function toMajor(minor: number | null | undefined, exponent: number): number | null {
  if (minor === null || minor === undefined) return null;
  return exponent === 0 ? minor : minor / 10 ** exponent;
}

// Rates keep four decimals: enough to recompute a rounded figure, short enough to read.
function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10_000) / 10_000;
}

export function executedPhaseOf(line: BudgetLine, input: ReportInput): Phase {
  return line.direction === 'revenue'
    ? input.budget.executedStage.revenue
    : input.budget.executedStage.expenditure;
}

export function summaryView(input: ReportInput): TableView {
  const exp = input.budget.currencyExponent;
  const row = (level: string, g: GroupComparison): Cell[] => [
    level,
    g.direction,
    g.section,
    g.chapter,
    g.label,
    toMajor(g.plannedMinor, exp),
    toMajor(g.revisedMinor, exp),
    toMajor(g.basisMinor, exp),
    toMajor(g.executedMinor, exp),
    toMajor(g.varianceMinor, exp),
    roundRate(g.ratePercent),
    g.lineCount,
  ];
  const { summary } = input;
  return {
    name: 'summary',
    columns: [
      text('level'),
      text('direction'),
      text('section'),
      text('chapter'),
      text('label'),
      amount('planned'),
      amount('revised'),
      amount('basis'),
      amount('executed'),
      amount('variance'),
      percent('rate_percent'),
      integer('line_count'),
    ],
    rows: [
      ...summary.byDirection.map((g) => row('direction', g)),
      ...summary.bySection.map((g) => row('section', g)),
      ...summary.byChapter.map((g) => row('chapter', g)),
    ],
  };
}

export function linesView(input: ReportInput): TableView {
  const exp = input.budget.currencyExponent;
  return {
    name: 'lines',
    columns: [
      integer('line_id'),
      text('sheet'),
      integer('row'),
      text('kind'),
      text('code'),
      text('label'),
      text('direction'),
      text('section'),
      text('chapter'),
      integer('level'),
      ...LINE_PHASES.map((p) => amount(p)),
      text('executed_stage'),
      amount('executed_amount'),
      text('executed_cell'),
    ],
    rows: input.lines.map((l) => {
      const stage = executedPhaseOf(l, input);
      return [
        l.id,
        l.sheet,
        l.row,
        l.kind,
        l.code,
        l.label,
        l.direction,
        l.section,
        l.chapter,
        l.level,
        ...LINE_PHASES.map((p) => toMajor(l.amounts[p], exp)),
        stage,
        toMajor(l.amounts[stage], exp),
        l.cells[stage] ?? null,
      ];
    }),
  };
}

export function flagsView(input: ReportInput): TableView {
  return {
    name: 'flags',
    columns: [
      text('rule'),
      text('severity'),
      text('code'),
      text('label'),
      text('sheet'),
      integer('row'),
      text('cells'),
      text('message'),
      text('review_status'),
      text('review_note'),
      text('reviewer'),
      text('reviewed_at'),
    ],
    rows: input.flags.map((f) => [
      f.rule,
      f.severity,
      f.code,
      f.label,
      f.sheet,
      f.row,
      f.cells.join(' '),
      f.message,
      f.review?.status ?? null,
      f.review?.note ?? null,
      f.review?.reviewer ?? null,
      f.review?.at ?? null,
    ]),
  };
}

/** Where the figures came from and how they were read, one fact a row. */
export function provenanceView(input: ReportInput): TableView {
  const { budget } = input;
  const facts: [string, Cell][] = [
    ['entity', budget.entity],
    ['fiscal_year', budget.fiscalYear],
    ['version', budget.version],
    ['currency', budget.currency],
    ['executed_stage_revenue', budget.executedStage.revenue],
    ['executed_stage_expenditure', budget.executedStage.expenditure],
    ['basis', input.summary.basis],
    ['generated_at', input.generatedAt],
  ];
  input.sources.forEach((s, i) => {
    const at = `source_${i + 1}_`;
    facts.push([`${at}file`, s.fileName], [`${at}sha256`, s.sha256]);
    facts.push([`${at}size_bytes`, s.sizeBytes], [`${at}format`, s.format]);
    facts.push([`${at}sheets`, s.sheets.join(', ')], [`${at}imported_at`, s.importedAt]);
    facts.push([`${at}mapping`, JSON.stringify(s.mapping)]);
  });
  for (const [key, value] of Object.entries(input.settings)) {
    facts.push([`setting_${key}`, typeof value === 'number' ? value : JSON.stringify(value)]);
  }
  return {
    name: 'provenance',
    columns: [text('key'), text('value')],
    rows: facts.map(([k, v]) => [k, v]),
  };
}

export function allViews(input: ReportInput): TableView[] {
  return [summaryView(input), linesView(input), flagsView(input), provenanceView(input)];
}
