import type { SideTotals } from '../../../src-shared/analysis/summary-model';
import type { BudgetInfo, Direction } from '../../../src-shared/model';
import { currencyUnit, formatMoney, formatPercent } from '../format';
import { useLanguage } from '../shell/language';

interface Props {
  direction: Direction;
  totals: SideTotals;
  /** The summary's rate for the side, so that the card and the charts agree. */
  ratePercent: number | null;
  budget: BudgetInfo;
}

/** One side's key figures in large type, with the rate as a sentence a room can repeat. */
export function TotalsPanel({ direction, totals, ratePercent: rate, budget }: Props) {
  const { t, lang } = useLanguage();
  const money = (minor: number | null) =>
    formatMoney(minor, budget.currency, budget.currencyExponent, lang);
  const hasExecution = totals.executed !== null;
  const per100 = rate === null || !hasExecution ? null : Math.round(rate);
  const unit = currencyUnit(budget.currency, t);

  return (
    <section className={`totals totals-${direction}`} aria-labelledby={`totals-${direction}`}>
      <h2 id={`totals-${direction}`}>{t(`direction.${direction}`)}</h2>
      <dl>
        <div className="figure">
          <dt>{t('overview.planned')}</dt>
          <dd>{money(totals.planned)}</dd>
        </div>
        <div className="figure">
          <dt>{t('overview.revised')}</dt>
          <dd>{money(totals.revised)}</dd>
        </div>
        <div className="figure figure-main">
          <dt>{t('overview.executed')}</dt>
          <dd>{money(totals.executed)}</dd>
        </div>
        <div className="figure figure-rate">
          <dt>{t('overview.rate')}</dt>
          <dd>{hasExecution ? formatPercent(rate, lang) : '—'}</dd>
        </div>
      </dl>
      {!hasExecution ? (
        <p className="sentence">{t('overview.noExecution')}</p>
      ) : (
        per100 !== null && (
          <p className="sentence">{t('overview.rateSentence', { unit, rate: per100 })}</p>
        )
      )}
    </section>
  );
}
