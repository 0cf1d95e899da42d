import type { GroupComparison, SideTotals, Summary } from '../../src-shared/analysis/summary-model';
import { formatAmount, formatPercent } from '../../src-shared/format/amount';
import type { Phase } from '../../src-shared/model';
import { formatTable, toMajor } from './table-text';

const PHASE_FR: Record<Phase, string> = {
  original: 'prévisions initiales',
  revised: 'prévisions définitives',
  change: 'modifications',
  committed: 'engagé',
  liquidated: 'liquidé',
  ordered: 'mandaté',
  paid: 'payé',
  assessed: 'émis',
  collected: 'recouvré',
  executed: 'réalisé',
  remaining: 'reste',
};

const SECTION_FR = { operating: 'de fonctionnement', investment: "d'investissement" } as const;
const DIRECTION_FR = { revenue: 'Recettes', expenditure: 'Dépenses' } as const;

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
) {
  const { currency, currencyExponent: e } = summary.budget;
  const money = (minor: number) => formatAmount(minor, currency, e, 'fr');
  const head = ['', 'Prévu', 'Exécuté', 'Écart', 'Taux'];
  const rows = groups.map((g) => [
    name(g),
    money(g.basisMinor),
    money(g.executedMinor),
    money(g.varianceMinor),
    formatPercent(g.ratePercent, 'fr'),
  ]);
  return formatTable([head, ...rows], ['left', 'right', 'right', 'right', 'right']);
}

/** The summary as a treasurer reads it in a terminal, in French. */
export function summaryText(summary: Summary): string {
  const { budget } = summary;
  const year = budget.fiscalYear === null ? 'exercice inconnu' : `exercice ${budget.fiscalYear}`;
  const basis = summary.basis === 'revised' ? 'prévisions définitives' : 'prévisions initiales';
  const stage = `recettes = ${PHASE_FR[budget.executedStage.revenue]}, dépenses = ${PHASE_FR[budget.executedStage.expenditure]}`;
  const section = (g: GroupComparison) =>
    `${DIRECTION_FR[g.direction]} ${g.section ? SECTION_FR[g.section] : '(section inconnue)'}`;
  const chapter = (g: GroupComparison) =>
    `${DIRECTION_FR[g.direction].slice(0, 3)}. ${g.chapter ?? '—'} ${g.label}`.slice(0, 60);
  const { error, warning, info } = summary.flagCounts;

  return [
    `${budget.entity} — ${year} — budget n° ${budget.id}`,
    `Source : ${budget.sourceFile}`,
    `Prévu = ${basis} ; exécuté : ${stage}`,
    '',
    groupTable(summary, summary.byDirection, (g) => DIRECTION_FR[g.direction]),
    '',
    'Par section',
    groupTable(summary, summary.bySection, section),
    '',
    'Par chapitre',
    groupTable(summary, summary.byChapter, chapter),
    '',
    `Solde exécuté (recettes − dépenses) : ${formatAmount(summary.balance.executedMinor, budget.currency, budget.currencyExponent, 'fr')}`,
    `Signalements : ${error} erreur(s), ${warning} avertissement(s), ${info} information(s)`,
    '',
  ].join('\n');
}
