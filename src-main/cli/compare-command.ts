import {
  compareBudgets,
  type Comparison,
  type MatchedLine,
} from '../../src-shared/analysis/compare';
import { formatAmount } from '../../src-shared/format/amount';
import type { BudgetInfo, Direction } from '../../src-shared/model';
import { resolveBudgetId } from '../services/report-service';
import { getBudget } from '../store/budgets-repo';
import { readLines } from '../store/lines-repo';
import { openStore, type Store } from '../store/open-store';
import { requireString, UsageError, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { sayIn, type CliLang } from './cli-messages';
import { basisLine, sideTotalsMajor } from './summary-output';
import { formatTable, toMajor } from './table-text';
import { basisOf, langOf } from './view-options';

function budgetIdsOf(values: ParsedValues): [number, number] {
  const given = Array.isArray(values.budget) ? values.budget : [];
  if (given.length !== 2 || given.some((v) => !/^\d+$/.test(v))) {
    throw new UsageError('compare attend deux budgets : --budget A --budget B.');
  }
  return [Number(given[0]), Number(given[1])];
}

function sideOf(store: Store, id: number) {
  const budget = getBudget(store.db, resolveBudgetId(store, id)) as BudgetInfo;
  return { budget, lines: readLines(store.db, id) };
}

const counts = (c: Comparison) => ({
  matched: c.lines.filter((l) => l.a !== null && l.b !== null).length,
  appeared: c.appeared.length,
  disappeared: c.disappeared.length,
  recoded: c.recoded.length,
  jumps: c.flags.length,
});

/** `compare --json`: both budgets, the counts, and every line in major units. */
export function compareJson(c: Comparison) {
  const e = c.summaries[1].budget.currencyExponent;
  const side = (s: Comparison['summaries'][number]) => ({
    budgetId: s.budget.id,
    entity: s.budget.entity,
    year: s.budget.fiscalYear,
    currency: s.budget.currency,
    executedStage: s.budget.executedStage,
    totals: {
      revenue: sideTotalsMajor(s.totals.revenue, s.budget.currencyExponent),
      expenditure: sideTotalsMajor(s.totals.expenditure, s.budget.currencyExponent),
    },
  });
  const figures = (f: MatchedLine['a']) =>
    f && { forecast: toMajor(f.forecastMinor, e), executed: toMajor(f.executedMinor, e) };
  const line = (l: MatchedLine) => ({
    key: l.key,
    code: l.code,
    label: l.label,
    a: figures(l.a),
    b: figures(l.b),
    executedChangePercent: l.executedChangePercent,
  });
  return {
    mode: c.mode,
    basis: c.summaries[0].basis,
    a: side(c.summaries[0]),
    b: side(c.summaries[1]),
    counts: counts(c),
    lines: c.lines.map(line),
    appeared: c.appeared.map(line),
    disappeared: c.disappeared.map(line),
    recoded: c.recoded.map((r) => ({ from: line(r.from), to: line(r.to) })),
    flags: c.flags.map((f) => ({ rule: f.rule, code: f.code, label: f.label, sheet: f.sheet, row: f.row, message: f.message, values: f.values })), // prettier-ignore
  };
}

const named = (l: MatchedLine) => `  ${[l.code, l.label].filter(Boolean).join(' ')}`;

/** Both budgets' totals side by side, then what changed between them. */
export function compareText(c: Comparison, lang: CliLang): string {
  const t = sayIn(lang);
  const [a, b] = c.summaries;
  const title = (s: typeof a) => `${s.budget.entity} ${s.budget.fiscalYear ?? '?'} (n° ${s.budget.id})`; // prettier-ignore
  const figure = (s: typeof a, side: Direction, pick: 'basisMinor' | 'executedMinor') => {
    const group = s.byDirection.find((g) => g.direction === side);
    return formatAmount(group?.[pick] ?? 0, s.budget.currency, s.budget.currencyExponent, lang);
  };
  const rows = (['revenue', 'expenditure'] as const).flatMap((side) => [
    [`${t(`direction.${side}`)} — ${t('planned')}`, figure(a, side, 'basisMinor'), figure(b, side, 'basisMinor')], // prettier-ignore
    [`${t(`direction.${side}`)} — ${t('executed')}`, figure(a, side, 'executedMinor'), figure(b, side, 'executedMinor')], // prettier-ignore
  ]);
  const list = (heading: string, items: string[]) => [
    '',
    heading,
    ...(items.length > 0 ? items : [`  ${t('none')}`]),
  ];
  return [
    t(c.mode === 'years' ? 'compareYears' : 'compareEntities', { a: title(a), b: title(b) }),
    basisLine(lang, a.basis, b.budget.executedStage),
    t('compareCounts', counts(c)),
    '',
    formatTable([['', title(a), title(b)], ...rows], ['left', 'right', 'right']),
    ...list(t('appeared'), c.appeared.map(named)),
    ...list(t('disappeared'), c.disappeared.map(named)),
    ...list(t('recoded'), c.recoded.map((r) => `  ${r.from.code} → ${r.to.code} ${r.to.label ?? ''}`)), // prettier-ignore
    ...(c.mode === 'years'
      ? list(
          t('jumps'),
          c.flags.map((f) => `  ${f.message}`),
        )
      : []),
    '',
  ].join('\n');
}

/** `budget-clair compare --budget A --budget B`: two years of one entity, or two entities. */
export async function compareCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const [a, b] = budgetIdsOf(values);
  const lang = langOf(values);
  const basis = basisOf(values);
  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const comparison = compareBudgets(sideOf(store, a), sideOf(store, b), { basis, lang });
    io.out(
      values.json
        ? `${JSON.stringify(compareJson(comparison), null, 2)}\n`
        : compareText(comparison, lang),
    );
    return 0;
  } finally {
    store.close();
  }
}
