import type { Comparison } from '../../../src-shared/contract-explore';
import type { Summary } from '../../../src-shared/analysis/summary-model';
import { formatInteger, formatMoney, formatPercent, visibleText } from '../format';
import { budgetName } from '../shell/Header';
import { useLanguage } from '../shell/language';

const MAX_LINES = 200;

function rateOf(summary: Summary, direction: 'revenue' | 'expenditure') {
  return summary.byDirection.find((g) => g.direction === direction)?.ratePercent ?? null;
}

/** The key figures of the two budgets in two columns, and the lines that moved most. */
export function ComparisonTables({ comparison }: { comparison: Comparison }) {
  const { t, lang } = useLanguage();
  const [left, right] = comparison.summaries;
  const money = (summary: Summary, minor: number | null) =>
    formatMoney(minor, summary.budget.currency, summary.budget.currencyExponent, lang);
  const rows = (['revenue', 'expenditure'] as const).flatMap((d) => [
    {
      label: `${t(`direction.${d}`)} — ${t('overview.revised')}`,
      a: money(left, left.totals[d].revised),
      b: money(right, right.totals[d].revised),
    },
    {
      label: `${t(`direction.${d}`)} — ${t('overview.executed')}`,
      a: money(left, left.totals[d].executed),
      b: money(right, right.totals[d].executed),
    },
    {
      label: `${t(`direction.${d}`)} — ${t('overview.rate')}`,
      a: formatPercent(rateOf(left, d), lang),
      b: formatPercent(rateOf(right, d), lang),
    },
  ]);
  const moved = comparison.lines
    .filter((l) => l.a && l.b)
    .sort((x, y) => Math.abs(y.executedChangePercent ?? 0) - Math.abs(x.executedChangePercent ?? 0))
    .slice(0, MAX_LINES);
  const exponent = right.budget.currencyExponent;

  return (
    <>
      <p className="intro">
        {comparison.mode === 'years' ? t('compare.modeYears') : t('compare.modeEntities')}
      </p>
      <table className="data-table compare-table">
        <caption className="visually-hidden">{t('compare.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.figure')}</th>
            <th scope="col" className="num">
              {budgetName(left.budget)}
            </th>
            <th scope="col" className="num">
              {budgetName(right.budget)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.a}</td>
              <td className="num">{row.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('compare.counts', {
          matched: formatInteger(
            comparison.lines.length - comparison.appeared.length - comparison.disappeared.length,
            lang,
          ),
          appeared: formatInteger(comparison.appeared.length, lang),
          disappeared: formatInteger(comparison.disappeared.length, lang),
          recoded: formatInteger(comparison.recoded.length, lang),
          jumps: formatInteger(comparison.flags.length, lang),
        })}
      </p>
      <h2>{t('compare.moved')}</h2>
      <div className="table-scroll" tabIndex={0} aria-label={t('compare.moved')}>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('field.code')}</th>
              <th scope="col">{t('field.label')}</th>
              <th scope="col" className="num">
                {t('field.executed')} — {budgetName(left.budget)}
              </th>
              <th scope="col" className="num">
                {t('field.executed')} — {budgetName(right.budget)}
              </th>
              <th scope="col" className="num">
                {t('compare.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {moved.map((line) => (
              <tr key={line.key}>
                <td className="code">{visibleText(line.code)}</td>
                <td>{visibleText(line.label)}</td>
                <td className="num">
                  {money(left, line.a?.executedMinor ?? null).replace(/\s?[A-Z]{3}$/, '')}
                </td>
                <td className="num">
                  {money(right, line.b?.executedMinor ?? null).replace(/\s?[A-Z]{3}$/, '')}
                </td>
                <td className="num">
                  {line.executedChangePercent === null
                    ? '—'
                    : `${line.executedChangePercent > 0 ? '+' : ''}${formatPercent(line.executedChangePercent, lang)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {exponent > 0 && <p className="where">{right.budget.currency}</p>}
    </>
  );
}
