import { useMemo } from 'react';
import type { GroupComparison, Summary } from '../../../src-shared/analysis/summary-model';
import type { BudgetInfo } from '../../../src-shared/model';
import type { ExplorerFilter } from '../lines/explorer-model';
import { formatMoney, visibleText } from '../format';
import { useProvenance } from '../provenance/provenance-context';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage, type LanguageState } from '../shell/language';
import { useCall } from '../shell/use-call';
import { HiddenExcluded, PerResident } from './BudgetNotes';
import { RateChart, rateText, type RateBar } from './RateChart';
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
  const noData = state.t('overview.noExecutionShort');
  const items = bars.map((bar) => `${bar.label} ${rateText(bar, state.lang, noData)}`);
  return state.t('overview.chartLabel', { title, items: items.join(' ; ') });
}

const rateOf = (group: GroupComparison) => ({
  ratePercent: group.ratePercent,
  lacksExecution: group.executedMinor === null,
});

type OpenLines = (filter: ExplorerFilter) => void;

function Charts({ summary, onOpenLines }: { summary: Summary; onOpenLines: OpenLines }) {
  const state = useLanguage();
  const { t, lang } = state;
  const sectionGroups = useMemo(
    () => summary.bySection.filter((g) => g.section !== null),
    [summary],
  );
  const sections = useMemo(
    () => sectionGroups.map((g) => ({ ...rateOf(g), label: sectionLabel(g, t) })),
    [sectionGroups, t],
  );
  const chapters = useMemo(
    () =>
      (['revenue', 'expenditure'] as const).map((direction) => {
        const groups = summary.byChapter.filter(
          (g) => g.direction === direction && g.chapter !== null,
        );
        return {
          direction,
          groups,
          bars: groups.map((g) => ({ ...rateOf(g), label: chapterLabel(g) })),
        };
      }),
    [summary],
  );
  const open = (group: GroupComparison | undefined) => {
    if (!group) return;
    onOpenLines(
      group.chapter
        ? { direction: group.direction, chapter: group.chapter }
        : { direction: group.direction, section: group.section ?? undefined },
    );
  };

  const sectionTitle = t('overview.bySection');
  return (
    <div className="charts">
      <RateChart
        title={sectionTitle}
        bars={sections}
        lang={lang}
        description={describe(sectionTitle, sections, state)}
        onBar={(index) => open(sectionGroups[index])}
        barsLabel={t('overview.openLines')}
        noData={t('overview.noExecutionShort')}
      />
      {chapters
        .filter((c) => c.bars.length > 0)
        .map(({ direction, bars, groups }) => {
          const title = `${t('overview.byChapter')} — ${t(`direction.${direction}`)}`;
          return (
            <RateChart
              key={direction}
              title={title}
              bars={bars}
              lang={lang}
              description={describe(title, bars, state)}
              onBar={(index) => open(groups[index])}
              barsLabel={t('overview.openLines')}
              noData={t('overview.noExecutionShort')}
            />
          );
        })}
    </div>
  );
}

function Overview({ summary, onOpenLines }: { summary: Summary; onOpenLines: OpenLines }) {
  const { t, lang } = useLanguage();
  const openProvenance = useProvenance();
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
          {balance.executedMinor === null
            ? `— (${t('overview.noExecutionShort')})`
            : formatMoney(balance.executedMinor, budget.currency, budget.currencyExponent, lang)}
        </strong>
      </p>
      <PerResident summary={summary} />
      <HiddenExcluded summary={summary} />
      <p className="flag-counts">{t('overview.flagCounts', flagCounts)}</p>
      <button
        type="button"
        className="link-button"
        onClick={() => openProvenance({ budgetId: budget.id, title: t('overview.totals') })}
      >
        {t('overview.whereFrom')}
      </button>
      <Charts summary={summary} onOpenLines={onOpenLines} />
    </>
  );
}

export function OverviewView({
  budget,
  onOpenLines,
}: {
  budget: BudgetInfo;
  onOpenLines: OpenLines;
}) {
  const { t } = useLanguage();
  const { state, retry } = useCall('budgets.summary', { budgetId: budget.id });
  return (
    <section className="view" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title')}</h1>
      <CallStatus state={state} retry={retry}>
        {(summary) => <Overview summary={summary} onOpenLines={onOpenLines} />}
      </CallStatus>
    </section>
  );
}
