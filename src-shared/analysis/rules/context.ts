import type { BudgetInfo, BudgetLine, Flag, Phase, Severity } from '../../model';
import { formatAmount, formatPercent, type Lang } from '../../format/amount';
import { executedPhaseOf, forecastOf, phaseOrdersOf } from '../figures';
import type { RuleSettings } from './settings';

/** Codes of `RuleContext.direction` and `RuleContext.section`. */
export const REVENUE = 0;
export const EXPENDITURE = 1;
export const OPERATING = 0;
export const INVESTMENT = 1;
/** No direction, or no section. */
export const NONE = 2;

/**
 * What every rule reads, computed once per run in one pass over the lines: their executed
 * figure, forecast, side, section and sheet in parallel arrays (NaN where absent), so that a
 * rule walks arrays of numbers and opens a line only to check its other figures or to flag it.
 */
export interface RuleContext {
  budget: BudgetInfo;
  /** Every row given, including subtotals and totals. */
  rows: BudgetLine[];
  /** Rows of kind `line`, the only ones added up. */
  lines: BudgetLine[];
  /** Per line, REVENUE, EXPENDITURE or NONE. */
  direction: Uint8Array;
  /** Per line, OPERATING, INVESTMENT or NONE. */
  section: Uint8Array;
  /** Per line, the index of its sheet in `sheets`. */
  sheet: Int32Array;
  /** The sheets of the lines, each once, in the order first met. */
  sheets: string[];
  /** Per line, a number for its chapter (`chapter ?? '-'`), the same for the same text. */
  chapter: Int32Array;
  executed: Float64Array;
  executedPhase: (Phase | null)[];
  /** Per line, the forecast on the settings' basis, or the other one when only that is given. */
  forecast: Float64Array;
  /** Per line, the original and the revised forecast as given (NaN where absent). */
  original: Float64Array;
  revised: Float64Array;
  settings: RuleSettings;
  settingsHash: string;
  lang: Lang;
  /** Minor units in one major unit (1 for GNF, 100 for EUR). */
  minorPerMajor: number;
}

const DIRECTION_CODE = { revenue: REVENUE, expenditure: EXPENDITURE } as const;
const SECTION_CODE = { operating: OPERATING, investment: INVESTMENT } as const;

export function buildContext(
  budget: BudgetInfo,
  rows: BudgetLine[],
  settings: RuleSettings,
  settingsHash: string,
  lang: Lang,
): RuleContext {
  const lines = rows.filter((row) => row.kind === 'line');
  const orders = phaseOrdersOf(budget);
  const direction = new Uint8Array(lines.length);
  const section = new Uint8Array(lines.length);
  const sheet = new Int32Array(lines.length);
  const sheets: string[] = [];
  const sheetIndex = new Map<string, number>();
  const chapter = new Int32Array(lines.length);
  const chapterIndex = new Map<string, number>();
  const executed = new Float64Array(lines.length);
  const forecast = new Float64Array(lines.length);
  const original = new Float64Array(lines.length);
  const revised = new Float64Array(lines.length);
  const executedPhase: (Phase | null)[] = new Array<Phase | null>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as BudgetLine;
    const phase = executedPhaseOf(line, orders);
    executedPhase[i] = phase;
    executed[i] = phase === null ? NaN : (line.amounts[phase] ?? NaN);
    forecast[i] = forecastOf(line, settings.basis) ?? NaN;
    original[i] = line.amounts.original ?? NaN;
    revised[i] = line.amounts.revised ?? NaN;
    direction[i] = line.direction === null ? NONE : DIRECTION_CODE[line.direction];
    section[i] = line.section === null ? NONE : SECTION_CODE[line.section];
    // Lines come sheet by sheet and chapter by chapter: the maps are asked only at a change.
    const previous = i > 0 ? (lines[i - 1] as BudgetLine) : null;
    sheet[i] =
      previous !== null && previous.sheet === line.sheet
        ? (sheet[i - 1] as number)
        : indexOf(sheetIndex, line.sheet, sheets);
    chapter[i] =
      previous !== null && previous.chapter === line.chapter
        ? (chapter[i - 1] as number)
        : indexOf(chapterIndex, line.chapter ?? '-');
  }
  const minorPerMajor = 10 ** budget.currencyExponent;
  return {
    budget,
    rows,
    lines,
    direction,
    section,
    sheet,
    sheets,
    chapter,
    executed,
    executedPhase,
    forecast,
    original,
    revised,
    settings,
    settingsHash,
    lang,
    minorPerMajor,
  };
}

/** The number of `text` in `index`, a new one (and pushed on `texts`) when first met. */
function indexOf(index: Map<string, number>, text: string, texts?: string[]): number {
  let found = index.get(text);
  if (found === undefined) {
    found = index.size;
    index.set(text, found);
    texts?.push(text);
  }
  return found;
}

/** Receives the flags of a rule. */
export type Emit = (flag: Flag) => void;

/** A rule of the registry: one id, one default severity, one check over the context. */
export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule checks, in both languages, for the report's list of tests. */
  title: { fr: string; en: string };
  run(ctx: RuleContext, emit: Emit): void;
}

export function money(ctx: RuleContext, minor: number): string {
  return formatAmount(minor, ctx.budget.currency, ctx.budget.currencyExponent, ctx.lang);
}

export function percent(ctx: RuleContext, value: number | null): string {
  return formatPercent(value, ctx.lang);
}

/** Picks the sentence in the run's language. */
export function say(ctx: RuleContext, fr: string, en: string): string {
  return ctx.lang === 'fr' ? fr : en;
}

/**
 * "1 ligne", "3 lignes" ("1 line", "3 lines"): a count with its noun. French takes the
 * singular for 0 and 1, English only for 1.
 */
export function countOf(lang: 'fr' | 'en', n: number, one: string, many: string): string {
  const singular = lang === 'fr' ? Math.abs(n) < 2 : n === 1;
  return `${n} ${singular ? one : many}`;
}

/** "Ligne 6011 Personnel permanent (DEPENSES, rang 14)", the start of every line message. */
export function lineName(ctx: RuleContext, line: BudgetLine): string {
  const name = nameOf(line.code, line.label);
  return ctx.lang === 'fr'
    ? `Ligne ${name} (${line.sheet}, rang ${line.row})`
    : `Line ${name} (${line.sheet}, row ${line.row})`;
}

/** "6011 Personnel permanent": the code and label that are there (not empty), or "—". */
export function nameOf(code: string | null, label: string | null): string {
  if (code && label) return `${code} ${label}`;
  return code || label || '—';
}

const STAGE_WORDS: Record<Phase, [string, string]> = {
  original: ['prévus au budget primitif', 'original forecast'],
  revised: ['prévus', 'revised forecast'],
  change: ['de modifications', 'changes'],
  committed: ['engagés', 'committed'],
  liquidated: ['liquidés', 'liquidated'],
  ordered: ['mandatés', 'ordered for payment'],
  paid: ['payés', 'paid'],
  assessed: ['émis', 'assessed'],
  collected: ['recouvrés', 'collected'],
  executed: ['réalisés', 'executed'],
  remaining: ['restants', 'remaining'],
};

/** The participle a figure of this phase takes: "mandatés", "recouvrés"… */
export function stageWord(ctx: RuleContext, phase: Phase): string {
  const [fr, en] = STAGE_WORDS[phase];
  return say(ctx, fr, en);
}

/** The cells of the phases a flag rests on, in the order given, skipping absent ones. */
export function cellsOf(line: BudgetLine, phases: (Phase | null)[]): string[] {
  const cells: string[] = [];
  for (const phase of phases) {
    const cell = phase === null ? undefined : line.cells[phase];
    if (cell !== undefined && !cells.includes(cell)) cells.push(cell);
  }
  // `push` leaves room for a dozen more cells, and a run's flags are all kept: keep the copy.
  return cells.slice();
}

/**
 * The same text, made contiguous. V8 keeps a string built by concatenation as a tree of its
 * pieces until something needs it whole, and matching a regular expression does: a message kept
 * that way takes half the memory, which counts when a run keeps a hundred thousand of them.
 */
function compact(text: string): string {
  ANYWHERE.test(text);
  return text;
}

const ANYWHERE = /^/;

/** A flag on one line. */
export function lineFlag(
  ctx: RuleContext,
  rule: Pick<Rule, 'id' | 'severity'>,
  line: BudgetLine,
  phases: (Phase | null)[],
  message: string,
  values: Flag['values'],
  severity: Severity = rule.severity,
): Flag {
  return {
    rule: rule.id,
    severity,
    lineId: line.id,
    code: line.code,
    label: line.label,
    sheet: line.sheet,
    row: line.row,
    cells: cellsOf(line, phases),
    message: compact(message),
    values: { ...values, settingsHash: ctx.settingsHash },
    review: null,
  };
}

/** A flag on the budget or one sheet as a whole; cells are qualified with their sheet. */
export function budgetFlag(
  ctx: RuleContext,
  rule: Pick<Rule, 'id' | 'severity'>,
  sheet: string | null,
  cells: string[],
  message: string,
  values: Flag['values'],
  severity: Severity = rule.severity,
): Flag {
  return {
    rule: rule.id,
    severity,
    lineId: null,
    code: null,
    label: null,
    sheet,
    row: null,
    cells,
    message: compact(message),
    values: { ...values, settingsHash: ctx.settingsHash },
    review: null,
  };
}

/** "'DEPENSES'!H12": a cell named with its sheet, for flags that span lines. */
export function qualifiedCell(line: BudgetLine, phase: Phase | null): string | null {
  const cell = phase === null ? undefined : line.cells[phase];
  return cell === undefined ? null : `'${line.sheet}'!${cell}`;
}
