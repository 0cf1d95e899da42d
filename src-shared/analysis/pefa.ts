import type { BudgetInfo, BudgetLine } from '../model';
import { formatPercent, type Lang } from '../format/amount';
import {
  executedPhaseOf,
  foldLabel,
  forecastOf,
  isInternalTransfer,
  phaseOrdersOf,
} from './figures';
import {
  combineM1,
  combineM2,
  gradeContingency,
  gradeRatios,
  gradeVariances,
  PI1_BANDS,
  PI31_BANDS,
  type Grade,
  type RatioBands,
} from './pefa-grades';

export interface PefaInputYear {
  fiscalYear: number;
  budget: BudgetInfo;
  lines: BudgetLine[];
}

export interface PefaOptions {
  lang?: Lang;
}

/** One year of one dimension: the original budget, the outturn, and the ratio or variance. */
export interface PefaYear {
  fiscalYear: number;
  budgetMinor: number;
  actualMinor: number;
  /** Ratio (PI-1, 3.1), variance (2.1, 2.2, 3.2) or contingency share (2.3), in percent. */
  valuePercent: number | null;
}

export type DimensionId = 'PI-1' | 'PI-2.1' | 'PI-2.2' | 'PI-2.3' | 'PI-3.1' | 'PI-3.2';

export interface PefaDimension {
  id: DimensionId;
  years: PefaYear[];
  grade: Grade | null;
  /** How the grade was reached, with the figures, in the requested language. */
  explanation: string;
}

export interface PefaIndicator {
  id: 'PI-1' | 'PI-2' | 'PI-3';
  grade: string | null;
  method: 'single' | 'M1' | 'M2';
  dimensions: PefaDimension[];
  explanation: string;
}

export interface PefaResult {
  fiscalYears: number[];
  /** False with fewer than three years: the figures stand, no grade is given. */
  graded: boolean;
  indicators: PefaIndicator[];
}

/** One category's original budget and outturn, for the composition variance. */
export interface Category {
  budgetMinor: number;
  actualMinor: number;
}

/**
 * PEFA's composition variance of one year, in percent: the outturn of each category is compared
 * with its budget scaled to the total outturn (adj = budget × Σactual / Σbudget), and the
 * absolute deviations are summed over Σadj. Null when nothing was budgeted.
 */
export function compositionVariance(categories: Iterable<Category>): number | null {
  const list = [...categories];
  const budget = list.reduce((sum, c) => sum + c.budgetMinor, 0);
  const actual = list.reduce((sum, c) => sum + c.actualMinor, 0);
  if (budget === 0) return null;
  const factor = actual / budget;
  let deviation = 0;
  let adjustedTotal = 0;
  for (const c of list) {
    const adjusted = c.budgetMinor * factor;
    deviation += Math.abs(c.actualMinor - adjusted);
    adjustedTotal += adjusted;
  }
  return adjustedTotal === 0 ? null : (deviation / adjustedTotal) * 100;
}

const CONTINGENCY = /depenses imprevues|\bimprevus?\b|contingenc/;
/** Chapters 020 and 022 hold "dépenses imprévues" in the French nomenclature. */
const CONTINGENCY_CHAPTERS = new Set(['020', '022']);

/** True for a contingency vote ("dépenses imprévues"), which PI-2.1 and 2.2 leave out. */
export function isContingency(line: BudgetLine): boolean {
  if (line.chapter !== null && CONTINGENCY_CHAPTERS.has(line.chapter)) return true;
  return CONTINGENCY.test(foldLabel(line.label));
}

/** The figures of one year that every dimension reads. */
export interface YearFigures {
  fiscalYear: number;
  expenditure: Category;
  revenue: Category;
  byChapter: Map<string, Category>;
  byEconomic: Map<string, Category>;
  byRevenueChapter: Map<string, Category>;
  contingencyActualMinor: number;
  hasContingency: boolean;
}

/**
 * Sums one year against its ORIGINAL budget (PEFA never uses the revised one). Only detail
 * lines count; the transfer between sections is internal and left out of both sides.
 */
export function yearFigures(year: PefaInputYear): YearFigures {
  const orders = phaseOrdersOf(year.budget);
  const figures: YearFigures = {
    fiscalYear: year.fiscalYear,
    expenditure: { budgetMinor: 0, actualMinor: 0 },
    revenue: { budgetMinor: 0, actualMinor: 0 },
    byChapter: new Map(),
    byEconomic: new Map(),
    byRevenueChapter: new Map(),
    contingencyActualMinor: 0,
    hasContingency: false,
  };
  for (const line of year.lines) {
    if (line.kind !== 'line' || line.direction === null || isInternalTransfer(line)) continue;
    const phase = executedPhaseOf(line, orders);
    const entry = {
      budgetMinor: forecastOf(line, 'original') ?? 0,
      actualMinor: phase === null ? 0 : (line.amounts[phase] ?? 0),
    };
    if (line.direction === 'revenue') {
      addTo(figures.revenue, entry);
      addTo(categoryOf(figures.byRevenueChapter, line.chapter ?? '-'), entry);
      continue;
    }
    addTo(figures.expenditure, entry);
    if (isContingency(line)) {
      figures.hasContingency = true;
      figures.contingencyActualMinor += entry.actualMinor;
      continue;
    }
    addTo(categoryOf(figures.byChapter, line.chapter ?? '-'), entry);
    const accountClass = (line.chapter ?? line.code ?? '-').charAt(0);
    addTo(categoryOf(figures.byEconomic, `${line.section ?? '-'}/${accountClass}`), entry);
  }
  return figures;
}

function addTo(target: Category, entry: Category): void {
  target.budgetMinor += entry.budgetMinor;
  target.actualMinor += entry.actualMinor;
}

function categoryOf(map: Map<string, Category>, key: string): Category {
  let category = map.get(key);
  if (!category) map.set(key, (category = { budgetMinor: 0, actualMinor: 0 }));
  return category;
}

const ratio = (c: Category) => (c.budgetMinor === 0 ? null : (c.actualMinor * 100) / c.budgetMinor);

/**
 * PI-1, PI-2 and PI-3 of PEFA 2016 over the last three years given (by fiscal year). Years whose
 * lines hold no execution figure are not completed years and are skipped. With fewer than three
 * years, every ratio is given and no grade.
 */
export function computePefa(years: PefaInputYear[], options: PefaOptions = {}): PefaResult {
  const lang = options.lang ?? 'fr';
  const completed = years
    .filter((year) => hasExecution(year))
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .slice(-3)
    .map(yearFigures);
  const total = (pick: (y: YearFigures) => Category, value: (y: YearFigures) => number | null) =>
    completed.map((y) => ({ fiscalYear: y.fiscalYear, ...pick(y), valuePercent: value(y) }));

  const pi1 = ratioDimension(
    'PI-1',
    total(
      (y) => y.expenditure,
      (y) => ratio(y.expenditure),
    ),
    PI1_BANDS,
    lang,
  );
  const d21 = varianceDimension(
    'PI-2.1',
    total(
      (y) => y.expenditure,
      (y) => compositionVariance(y.byChapter.values()),
    ),
    lang,
  );
  const d22 = varianceDimension(
    'PI-2.2',
    total(
      (y) => y.expenditure,
      (y) => compositionVariance(y.byEconomic.values()),
    ),
    lang,
  );
  const d23 = contingencyDimension(completed, lang);
  const d31 = ratioDimension(
    'PI-3.1',
    total(
      (y) => y.revenue,
      (y) => ratio(y.revenue),
    ),
    PI31_BANDS,
    lang,
  );
  const d32 = varianceDimension(
    'PI-3.2',
    total(
      (y) => y.revenue,
      (y) => compositionVariance(y.byRevenueChapter.values()),
    ),
    lang,
  );

  const pi2 = combineM1([d21.grade, d22.grade, d23.grade]);
  const pi3 = combineM2(d31.grade, d32.grade);
  const say = (fr: string, en: string) => (lang === 'fr' ? fr : en);
  return {
    fiscalYears: completed.map((y) => y.fiscalYear),
    graded: completed.length >= 3,
    indicators: [
      {
        id: 'PI-1',
        grade: pi1.grade,
        method: 'single',
        dimensions: [pi1],
        explanation: pi1.explanation,
      },
      {
        id: 'PI-2',
        grade: pi2,
        method: 'M1',
        dimensions: [d21, d22, d23],
        explanation: say(
          `M1 (maillon le plus faible) : ${grades([d21, d22, d23])} → ${pi2 ?? 'pas de note'} ; « + » quand une autre composante est mieux notée.`,
          `M1 (weakest link): ${grades([d21, d22, d23])} → ${pi2 ?? 'no grade'}; "+" when another dimension scores higher.`,
        ),
      },
      {
        id: 'PI-3',
        grade: pi3,
        method: 'M2',
        dimensions: [d31, d32],
        explanation: say(
          `M2 (moyenne, table PEFA) : ${grades([d31, d32])} → ${pi3 ?? 'pas de note'}.`,
          `M2 (averaging, PEFA table): ${grades([d31, d32])} → ${pi3 ?? 'no grade'}.`,
        ),
      },
    ],
  };
}

function hasExecution(year: PefaInputYear): boolean {
  const orders = phaseOrdersOf(year.budget);
  return year.lines.some((line) => line.kind === 'line' && executedPhaseOf(line, orders) !== null);
}

const grades = (dimensions: PefaDimension[]) =>
  dimensions.map((d) => `${d.id} ${d.grade ?? '—'}`).join(', ');

function listYears(years: PefaYear[], lang: Lang): string {
  return years.map((y) => `${formatPercent(y.valuePercent, lang, 2)} (${y.fiscalYear})`).join(', ');
}

const tooFew = (lang: Lang, count: number) =>
  lang === 'fr'
    ? `${count} exercice(s) seulement : il en faut trois pour noter, les chiffres sont donnés sans note.`
    : `Only ${count} year(s): three are needed for a grade, the figures are given without one.`;

function ratioDimension(
  id: DimensionId,
  years: PefaYear[],
  bands: RatioBands,
  lang: Lang,
): PefaDimension {
  const grade = gradeRatios(
    years.map((y) => y.valuePercent),
    bands,
  );
  const [a, b, c] = bands;
  const rule =
    lang === 'fr'
      ? `A si au moins 2 années sur 3 entre ${a[0]} et ${a[1]} %, B entre ${b[0]} et ${b[1]} %, C entre ${c[0]} et ${c[1]} %, sinon D`
      : `A if at least 2 of 3 years within ${a[0]}–${a[1]}%, B within ${b[0]}–${b[1]}%, C within ${c[0]}–${c[1]}%, else D`;
  const what = lang === 'fr' ? 'Exécution / budget initial' : 'Outturn / original budget';
  const tail = grade === null ? tooFew(lang, years.length) : `→ ${grade}.`;
  return { id, years, grade, explanation: `${what} : ${listYears(years, lang)}. ${rule}. ${tail}` };
}

function varianceDimension(id: DimensionId, years: PefaYear[], lang: Lang): PefaDimension {
  const grade = gradeVariances(years.map((y) => y.valuePercent));
  const rule =
    lang === 'fr'
      ? 'A si la variance est sous 5 % au moins 2 années sur 3, B sous 10 %, C sous 15 %, sinon D'
      : 'A if the variance is under 5% in at least 2 of 3 years, B under 10%, C under 15%, else D';
  const what = lang === 'fr' ? 'Variance de composition' : 'Composition variance';
  const tail = grade === null ? tooFew(lang, years.length) : `→ ${grade}.`;
  return { id, years, grade, explanation: `${what} : ${listYears(years, lang)}. ${rule}. ${tail}` };
}

function contingencyDimension(completed: YearFigures[], lang: Lang): PefaDimension {
  const years = completed.map((y) => ({
    fiscalYear: y.fiscalYear,
    budgetMinor: y.expenditure.budgetMinor,
    actualMinor: y.contingencyActualMinor,
    valuePercent:
      y.expenditure.budgetMinor === 0
        ? null
        : (y.contingencyActualMinor / y.expenditure.budgetMinor) * 100,
  }));
  const hasContingency = completed.some((y) => y.hasContingency);
  const values = years.map((y) => y.valuePercent);
  const average =
    values.length === 0 || values.some((v) => v === null)
      ? null
      : (values as number[]).reduce((s, v) => s + v, 0) / values.length;
  const grade = completed.length < 3 ? null : gradeContingency(average, hasContingency);
  const fr = `Dépenses imputées aux imprévus / budget initial : ${listYears(years, 'fr')}, moyenne ${formatPercent(average, 'fr', 2)}${hasContingency ? '' : ' (aucun crédit pour imprévus)'}. A sous 3 %, B de 3 à 6 %, C au-dessus de 6 et sous 10 %, sinon D.`;
  const en = `Spending charged to contingency / original budget: ${listYears(years, 'en')}, average ${formatPercent(average, 'en', 2)}${hasContingency ? '' : ' (no contingency vote)'}. A under 3%, B 3–6%, C over 6 and under 10%, else D.`;
  const tail = grade === null ? tooFew(lang, years.length) : `→ ${grade}.`;
  return { id: 'PI-2.3', years, grade, explanation: `${lang === 'fr' ? fr : en} ${tail}` };
}
