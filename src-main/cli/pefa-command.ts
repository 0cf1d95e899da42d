import { computePefa, type PefaDimension, type PefaResult } from '../../src-shared/analysis/pefa';
import { formatAmount, formatPercent } from '../../src-shared/format/amount';
import { entityYears } from '../services/report-service';
import { openStore } from '../store/open-store';
import { requireString, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { sayIn, type CliLang, type Say } from './cli-messages';
import { formatTable, toMajor } from './table-text';
import { langOf } from './view-options';

interface Money {
  currency: string;
  exponent: number;
}

/** `pefa --json`: every indicator and dimension, each year's figures in major units. */
export function pefaJson(entity: string, result: PefaResult, money: Money | null) {
  const major = (minor: number) => toMajor(minor, money?.exponent ?? 0);
  return {
    entity,
    currency: money?.currency ?? null,
    fiscalYears: result.fiscalYears,
    graded: result.graded,
    indicators: result.indicators.map((indicator) => ({
      id: indicator.id,
      grade: indicator.grade,
      method: indicator.method,
      explanation: indicator.explanation,
      dimensions: indicator.dimensions.map((d) => ({
        id: d.id,
        grade: d.grade,
        explanation: d.explanation,
        years: d.years.map((y) => ({
          fiscalYear: y.fiscalYear,
          budget: major(y.budgetMinor),
          actual: major(y.actualMinor),
          valuePercent: y.valuePercent,
        })),
      })),
    })),
  };
}

const gradeText = (t: Say, grade: string | null) =>
  grade === null ? t('noGrade') : t('gradeIs', { grade });

function dimensionText(d: PefaDimension, lang: CliLang, money: Money, titled: boolean): string {
  const t = sayIn(lang);
  const amount = (minor: number) => formatAmount(minor, money.currency, money.exponent, lang);
  const head = [t('colYear'), t('colBudget'), t('colActual'), t('colValue')];
  const rows = d.years.map((y) => [
    String(y.fiscalYear),
    amount(y.budgetMinor),
    amount(y.actualMinor),
    formatPercent(y.valuePercent, lang, 2),
  ]);
  return [
    ...(titled ? [`  ${d.id} — ${gradeText(t, d.grade)}`] : []),
    formatTable([head, ...rows], ['left', 'right', 'right', 'right'])
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n'),
    `    ${d.explanation}`,
  ].join('\n');
}

/** The indicators as a reader goes through them: grade, then each dimension's years and why. */
export function pefaText(entity: string, result: PefaResult, lang: CliLang, money: Money): string {
  const t = sayIn(lang);
  if (result.fiscalYears.length === 0) return `${t('pefaNoYears', { entity })}\n`;
  const out = [t('pefaTitle', { entity, years: result.fiscalYears.join(', ') })];
  if (!result.graded) out.push(t('pefaUngraded'));
  for (const indicator of result.indicators) {
    const several = indicator.dimensions.length > 1;
    out.push('', `${indicator.id} — ${gradeText(t, indicator.grade)}`);
    if (several) out.push(`  ${indicator.explanation}`);
    for (const d of indicator.dimensions) out.push(dimensionText(d, lang, money, several));
  }
  return `${out.join('\n')}\n`;
}

/** `budget-clair pefa --entity NAME`: PI-1 to PI-3 over the entity's last three stored years. */
export async function pefaCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const entity = requireString(values, 'entity');
  const lang = langOf(values);
  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const years = entityYears(store, entity);
    const result = computePefa(years, { lang });
    const latest = years.reduce<(typeof years)[number] | null>(
      (best, y) => (best === null || y.fiscalYear > best.fiscalYear ? y : best),
      null,
    );
    const money = latest
      ? { currency: latest.budget.currency, exponent: latest.budget.currencyExponent }
      : null;
    io.out(
      values.json
        ? `${JSON.stringify(pefaJson(entity, result, money), null, 2)}\n`
        : pefaText(entity, result, lang, money ?? { currency: '', exponent: 0 }),
    );
    return 0;
  } finally {
    store.close();
  }
}
