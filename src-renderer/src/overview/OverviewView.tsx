import { useMemo } from 'react';
import type { GroupComparison, Summary } from '../../../src-shared/analysis/summary-model';
import type { BudgetInfo } from '../../../src-shared/model';
import { formatMoney, formatPercent, visibleText } from '../format';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage, type LanguageState } from '../shell/language';
import { useCall } from '../shell/use-call';
import { RateChart, type RateBar } from './RateChart';
import { TotalsPanel } from './TotalsPanel';

function sectionLabel(group: GroupComparison, t: LanguageState['t']): string {
  const side = t(`direction.${group.direction}`);
  return group.section ? `${side} · ${t(`section.${group.section}`)}` : side;
}

function chapterLabel(group: GroupComparison): string {
  const label = visibleText(group.label);
  return group.chapter && !label.startsWith(group.chapter) ? `${group.chapter} ${label}` : label;
}

function describe(title: string, bars: RateBar[], state: LanguageState): string {
  const items = bars.map((bar) => `${bar.label} ${formatPercent(bar.ratePercent, state.lang)}`);
  return state.t('overview.chartLabel', { title, items: items.join(' ; ') });
}

function Charts({ summary }: { summary: Summary }) {
  const state = useLanguage();
  const { t, lang } = state;
  const sections = useMemo(
    () =>
      summary.bySection
        .filter((g) => g.section !== null)
        .map((g) => ({ label: sectionLabel(g, t), ratePercent: g.ratePercent })),
    [summary, t],
  );
  const chapters = useMemo(
    () =>
      (['revenue', 'expenditure'] as const).map((direction) => ({
        direction,
        bars: summary.byChapter
          .filter((g) => g.direction === direction && g.chapter !== null)
          .map((g) => ({ label: chapterLabel(g), ratePercent: g.ratePercent })),
      })),
    [summary],
  );

  const sectionTitle = t('overview.bySection');
  return (
    <div className="charts">
      <RateChart
        title={sectionTitle}
        bars={sections}
        lang={lang}
        description={describe(sectionTitle, sections, state)}
      />
      {chapters
        .filter((c) => c.bars.length > 0)
        .map(({ direction, bars }) => {
          const title = `${t('overview.byChapter')} — ${t(`direction.${direction}`)}`;
          return (
            <RateChart
              key={direction}
              title={title}
              bars={bars}
              lang={lang}
              description={describe(title, bars, state)}
            />
          );
        })}
    </div>
  );
}

function Overview({ summary }: { summary: Summary }) {
  const { t, lang } = useLanguage();
  const { budget, totals, balance, flagCounts } = summary;
  return (
    <>
      <div className="totals-row">
        {(['revenue', 'expenditure'] as const).map((direction) => (
          <TotalsPanel
            key={direction}
            direction={direction}
            totals={totals[direction]}
            ratePercent={
              summary.byDirection.find((g) => g.direction === direction)?.ratePercent ?? null
            }
            budget={budget}
          />
        ))}
      </div>
      <p className="balance">
        {t('overview.balance')}{' '}
        <strong>
          {formatMoney(balance.executedMinor, budget.currency, budget.currencyExponent, lang)}
        </strong>
      </p>
      <p className="flag-counts">{t('overview.flagCounts', flagCounts)}</p>
      <Charts summary={summary} />
    </>
  );
}

export function OverviewView({ budget }: { budget: BudgetInfo }) {
  const { t } = useLanguage();
  const { state, retry } = useCall('budgets.summary', { budgetId: budget.id });
  return (
    <section className="view" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title')}</h1>
      <CallStatus state={state} retry={retry}>
        {(summary) => <Overview summary={summary} />}
      </CallStatus>
    </section>
  );
}
