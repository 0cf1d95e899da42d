import type { GroupComparison, SideTotals, Summary } from '../../src-shared/analysis/summary-model';
import { formatAmount } from '../../src-shared/format/amount';
import type { Basis } from '../../src-shared/analysis/figures';
import { stageFallbackNotes } from '../../src-shared/analysis/stage-notes';
import type { ExecutedStage } from '../../src-shared/model';
import { sayIn, type CliLang, type Say } from './cli-messages';
import { formatRate, formatTable, toMajor } from './table-text';

/** "Prévu = prévisions définitives ; exécuté : recettes = émis, dépenses = mandaté", in `lang`. */
export function basisLine(lang: CliLang, basis: Basis, stage: ExecutedStage): string {
  const t = sayIn(lang);
  return t('basisLine', {
    basis: t(`phase.${basis}`),
    revenue: t(`phase.${stage.revenue}`),
    expenditure: t(`phase.${stage.expenditure}`),
  });
}

export function sideTotalsMajor(totals: SideTotals, exponent: number) {
  return {
    planned: toMajor(totals.planned, exponent),
    revised: toMajor(totals.revised, exponent),
    executed: toMajor(totals.executed, exponent),
    committed: toMajor(totals.committed, exponent),
    paid: toMajor(totals.paid, exponent),
    collected: toMajor(totals.collected, exponent),
  };
}

function groupMajor(g: GroupComparison, exponent: number) {
  return {
    key: g.key,
    label: g.label,
    direction: g.direction,
    section: g.section,
    chapter: g.chapter,
    planned: toMajor(g.plannedMinor, exponent),
    revised: toMajor(g.revisedMinor, exponent),
    basis: toMajor(g.basisMinor, exponent),
    executed: toMajor(g.executedMinor, exponent),
    variance: toMajor(g.varianceMinor, exponent),
    ratePercent: g.ratePercent,
    lineCount: g.lineCount,
  };
}

/** `summary --json`: totals, balance and rates by direction, section and chapter, major units. */
export function summaryJson(summary: Summary) {
  const { budget } = summary;
  const e = budget.currencyExponent;
  return {
    budgetId: budget.id,
    entity: budget.entity,
    year: budget.fiscalYear,
    currency: budget.currency,
    executedStage: budget.executedStage,
    basis: summary.basis,
    totals: {
      revenue: sideTotalsMajor(summary.totals.revenue, e),
      expenditure: sideTotalsMajor(summary.totals.expenditure, e),
    },
    balance: {
      planned: toMajor(summary.balance.plannedMinor, e),
      revised: toMajor(summary.balance.revisedMinor, e),
      executed: toMajor(summary.balance.executedMinor, e),
    },
    byDirection: summary.byDirection.map((g) => groupMajor(g, e)),
    bySection: summary.bySection.map((g) => groupMajor(g, e)),
    byChapter: summary.byChapter.map((g) => groupMajor(g, e)),
    flagCounts: summary.flagCounts,
  };
}

function groupTable(
  summary: Summary,
  groups: GroupComparison[],
  name: (g: GroupComparison) => string,
  lang: CliLang,
) {
  const { currency, currencyExponent: e } = summary.budget;
  const t = sayIn(lang);
  const money = (minor: number | null) =>
    minor === null ? '—' : formatAmount(minor, currency, e, lang);
  const head = ['', t('planned'), t('executed'), t('variance'), t('rate')];
  const rows = groups.map((g) => [
    name(g),
    money(g.basisMinor),
    money(g.executedMinor),
    money(g.varianceMinor),
    formatRate(g.ratePercent, lang),
  ]);
  return formatTable([head, ...rows], ['left', 'right', 'right', 'right', 'right']);
}

function sectionName(t: Say, g: GroupComparison): string {
  const section = g.section ? t(`section.${g.section}`) : t('section.unknown');
  return `${t(`direction.${g.direction}`)} ${section}`;
}

/** The summary as a treasurer reads it in a terminal, in French unless told otherwise. */
export function summaryText(summary: Summary, lang: CliLang = 'fr'): string {
  const { budget } = summary;
  const t = sayIn(lang);
  const year =
    budget.fiscalYear === null ? t('unknownYear') : t('year', { year: budget.fiscalYear });
  const chapter = (g: GroupComparison) =>
    `${t(`direction.${g.direction}`).slice(0, 3)}. ${g.chapter ?? '—'} ${g.label}`.slice(0, 60);
  const table = (groups: GroupComparison[], name: (g: GroupComparison) => string) =>
    groupTable(summary, groups, name, lang);
  const executed = summary.balance.executedMinor;
  const balance = executed === null ? '—' : formatAmount(executed, budget.currency, budget.currencyExponent, lang); // prettier-ignore

  return [
    `${budget.entity} — ${year} — ${t('budgetNo', { id: budget.id })}`,
    t('source', { file: budget.sourceFile }),
    basisLine(lang, summary.basis, budget.executedStage),
    ...stageFallbackNotes(summary.executedStage, lang, (phase) => t(`phase.${phase}`)),
    '',
    table(summary.byDirection, (g) => t(`direction.${g.direction}`)),
    '',
    t('bySection'),
    table(summary.bySection, (g) => sectionName(t, g)),
    '',
    t('byChapter'),
    table(summary.byChapter, chapter),
    '',
    t('balance', { amount: balance }),
    t('flagCounts', summary.flagCounts),
    '',
  ].join('\n');
}
