import type { BudgetInfo, BudgetLine, Flag } from '../model';
import { formatAmount, formatPercent, type Lang } from '../format/amount';
import { executedPhaseOf, foldLabel, forecastOf, phaseOrdersOf, type Basis } from './figures';
import { summarise } from './summarise';
import type { Summary } from './summary-model';

export interface BudgetWithLines {
  budget: BudgetInfo;
  lines: BudgetLine[];
}

export interface CompareOptions {
  basis?: Basis;
  /** A change of the executed figure beyond this share, in percent, is a jump. */
  jumpPercent?: number;
  lang?: Lang;
}

/** One code's figures on both sides; null where that side has no such line. */
export interface MatchedLine {
  key: string;
  code: string;
  label: string | null;
  a: { forecastMinor: number; executedMinor: number } | null;
  b: { forecastMinor: number; executedMinor: number } | null;
  /** Change of the executed figure from a to b, in percent; null when a's is 0. */
  executedChangePercent: number | null;
}

export interface Comparison {
  /** `years`: one entity, two fiscal years; `entities`: two entities side by side. */
  mode: 'years' | 'entities';
  summaries: [Summary, Summary];
  lines: MatchedLine[];
  appeared: MatchedLine[];
  disappeared: MatchedLine[];
  /** Same label (and side), other code: most likely a line recoded between the two files. */
  recoded: { from: MatchedLine; to: MatchedLine }[];
  /** Year-on-year jumps, only between two years of one entity. */
  flags: Flag[];
}

interface Figures {
  code: string;
  label: string | null;
  line: BudgetLine;
  forecastMinor: number;
  executedMinor: number;
}

/** Sums the lines of one budget by side and code (a code split over two rows is one line). */
function byCode(side: BudgetWithLines, basis: Basis): Map<string, Figures> {
  const orders = phaseOrdersOf(side.budget);
  const map = new Map<string, Figures>();
  for (const line of side.lines) {
    if (line.kind !== 'line' || line.code === null) continue;
    const key = `${line.direction ?? '-'}/${line.code}`;
    const phase = executedPhaseOf(line, orders);
    const entry = map.get(key) ?? {
      code: line.code,
      label: line.label,
      line,
      forecastMinor: 0,
      executedMinor: 0,
    };
    entry.forecastMinor += forecastOf(line, basis) ?? 0;
    entry.executedMinor += phase === null ? 0 : (line.amounts[phase] ?? 0);
    map.set(key, entry);
  }
  return map;
}

/**
 * Two budgets side by side: two years of one entity (lines matched by code, lines that appear,
 * disappear or change code, year-on-year jumps as flags) or two entities for one year (their
 * summaries, per resident when populations are known, and the lines they share by code).
 */
export function compareBudgets(
  a: BudgetWithLines,
  b: BudgetWithLines,
  options: CompareOptions = {},
): Comparison {
  const basis = options.basis ?? 'revised';
  const lang = options.lang ?? 'fr';
  const mode = a.budget.entity === b.budget.entity ? 'years' : 'entities';
  const left = byCode(a, basis);
  const right = byCode(b, basis);
  const lines: MatchedLine[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(key);
    const y = right.get(key);
    const pick = (f: Figures | undefined) =>
      f ? { forecastMinor: f.forecastMinor, executedMinor: f.executedMinor } : null;
    const change =
      x && y && x.executedMinor !== 0
        ? ((y.executedMinor - x.executedMinor) * 100) / x.executedMinor
        : null;
    lines.push({
      key,
      code: (x ?? y)?.code as string,
      label: (y ?? x)?.label ?? null,
      a: pick(x),
      b: pick(y),
      executedChangePercent: change,
    });
  }
  const appeared = lines.filter((l) => l.a === null);
  const disappeared = lines.filter((l) => l.b === null);
  const recoded = matchRecoded(disappeared, appeared);
  const flags =
    mode === 'years' ? jumps(lines, right, b.budget, options.jumpPercent ?? 50, lang) : [];
  return {
    mode,
    summaries: [summarise(a.budget, a.lines, { basis }), summarise(b.budget, b.lines, { basis })],
    lines,
    appeared,
    disappeared,
    recoded,
    flags,
  };
}

function matchRecoded(gone: MatchedLine[], added: MatchedLine[]) {
  const byLabel = new Map<string, MatchedLine>();
  for (const line of added) {
    const label = foldLabel(line.label).trim();
    if (label) byLabel.set(`${line.key.split('/')[0]}/${label}`, line);
  }
  const pairs: { from: MatchedLine; to: MatchedLine }[] = [];
  for (const from of gone) {
    const to = byLabel.get(`${from.key.split('/')[0]}/${foldLabel(from.label).trim()}`);
    if (to) pairs.push({ from, to });
  }
  return pairs;
}

function jumps(
  lines: MatchedLine[],
  right: Map<string, Figures>,
  budget: BudgetInfo,
  limit: number,
  lang: Lang,
): Flag[] {
  const money = (minor: number) =>
    formatAmount(minor, budget.currency, budget.currencyExponent, lang);
  const flags: Flag[] = [];
  for (const line of lines) {
    const change = line.executedChangePercent;
    if (change === null || Math.abs(change) <= limit || !line.a || !line.b) continue;
    const target = right.get(line.key)?.line as BudgetLine;
    const name = [line.code, line.label].filter(Boolean).join(' ');
    const sign = change > 0 ? '+' : '';
    const message =
      lang === 'fr'
        ? `Ligne ${name} : ${money(line.a.executedMinor)} exécutés l'exercice précédent, ${money(line.b.executedMinor)} cette année (${sign}${formatPercent(change, lang)}, seuil ${formatPercent(limit, lang)}).`
        : `Line ${name}: ${money(line.a.executedMinor)} executed the year before, ${money(line.b.executedMinor)} this year (${sign}${formatPercent(change, lang)}, threshold ${formatPercent(limit, lang)}).`;
    flags.push({
      rule: 'year-on-year-jump',
      severity: 'info',
      lineId: target.id,
      code: line.code,
      label: line.label,
      sheet: target.sheet,
      row: target.row,
      cells: Object.values(target.cells),
      message,
      values: {
        previousMinor: line.a.executedMinor,
        currentMinor: line.b.executedMinor,
        changePercent: change,
        thresholdPercent: limit,
      },
      review: null,
    });
  }
  return flags;
}
