import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { BudgetInfo, Flag } from '../../../src-shared/model';
import type { MessageKey } from '../../../src-shared/i18n';
import { formatInteger, visibleText } from '../format';
import { useProvenance } from '../provenance/provenance-context';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import { ExplorerFilters } from './ExplorerFilters';
import { ExplorerRowView, type Figure } from './ExplorerRowView';
import {
  isFiltering,
  keyOf,
  parentKeys,
  rowsFromArrow,
  visibleRows,
  worstSeverityByLine,
  type ExplorerFilter,
  type ExplorerRow,
  type Sort,
  type SortKey,
} from './explorer-model';
import { VirtualRows } from './VirtualRows';

const COLUMNS: { key: SortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'code', label: 'field.code' },
  { key: 'label', label: 'field.label' },
  { key: 'planned', label: 'field.planned', numeric: true },
  { key: 'revised', label: 'field.revised', numeric: true },
  { key: 'executed', label: 'field.executed', numeric: true },
  { key: 'rate', label: 'field.rate', numeric: true },
  { key: 'flag', label: 'lines.flag' },
];

/**
 * The list takes what the window leaves below its top, so that on a 1366 × 768 screen the rows
 * start in view and the page itself does not scroll; never fewer than eight rows.
 */
function useListHeight(): [number, (element: HTMLDivElement | null) => void] {
  const [topPx, setTopPx] = useState(380);
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const resize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  const measure = useCallback((element: HTMLDivElement | null) => {
    if (element) setTopPx(element.getBoundingClientRect().top + window.scrollY);
  }, []);
  // 48 px of heading row and 32 px of margin under the list.
  return [Math.max(320, height - topPx - 80), measure];
}

interface ExplorerProps {
  rows: ExplorerRow[];
  flags: Flag[];
  budget: BudgetInfo;
  initialFilter: ExplorerFilter;
}

function Explorer({ rows, flags, budget, initialFilter }: ExplorerProps) {
  const { t, lang } = useLanguage();
  const openProvenance = useProvenance();
  const [filter, setFilter] = useState<ExplorerFilter>(initialFilter);
  const [sort, setSort] = useState<Sort | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const [heightPx, measureList] = useListHeight();

  const severities = useMemo(() => worstSeverityByLine(flags), [flags]);
  const parents = useMemo(() => parentKeys(rows), [rows]);
  const chapters = useMemo(
    () => [...new Set(rows.map((r) => r.chapter).filter((c) => c !== null))].sort(),
    [rows],
  );
  const shown = useMemo(
    () => visibleRows(rows, filter, sort, collapsed, severities),
    [rows, filter, sort, collapsed, severities],
  );
  const isTree = !sort && !isFiltering(filter);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  const toggle = (key: string, fold?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (fold ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  const rowAt = (index: number) => rows[shown[index] ?? -1];
  const showFigure = (row: ExplorerRow, figure: Figure) =>
    openProvenance({
      budgetId: budget.id,
      lineId: row.id,
      title: `${t(`field.${figure}`)} — ${[row.code, visibleText(row.label)].filter(Boolean).join(' ')}`,
    });

  const onRowKey = (index: number, event: KeyboardEvent) => {
    const row = rowAt(index);
    const key = row && keyOf(row);
    if (!row) return;
    if (event.key === 'Enter') showFigure(row, 'executed');
    else if (
      key &&
      isTree &&
      parents.has(key) &&
      ['ArrowLeft', 'ArrowRight', ' '].includes(event.key)
    ) {
      event.preventDefault();
      toggle(key, event.key === ' ' ? undefined : event.key === 'ArrowLeft');
    }
  };

  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current?.key !== key
        ? { key, descending: false }
        : current.descending
          ? null
          : { key, descending: true },
    );

  const header = (
    <div role="row" className="vrow vhead">
      {COLUMNS.map((column) => (
        <span
          key={column.key}
          role="columnheader"
          className={column.numeric ? 'num' : undefined}
          aria-sort={
            sort?.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'
          }
        >
          <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
            {t(column.label)}
            <span aria-hidden="true">
              {sort?.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </span>
          </button>
        </span>
      ))}
    </div>
  );

  return (
    <>
      <ExplorerFilters filter={filter} chapters={chapters} onChange={setFilter} />
      <p className="status" role="status">
        {t('explore.shown', {
          shown: formatInteger(shown.length, lang),
          count: formatInteger(rows.length, lang),
        })}{' '}
        {isTree ? t('explore.treeHint') : t('explore.flatHint')}
      </p>
      <div ref={measureList}>
        <VirtualRows
          count={shown.length}
          heightPx={heightPx}
          active={activeIndex}
          onActive={setActive}
          onRowKey={onRowKey}
          header={header}
          label={`${t('lines.title')} (${budget.currency})`}
          rowId={(index) => `line-${rowAt(index)?.id ?? 0}`}
          renderRow={(index, isActive) => {
            const row = rowAt(index) as ExplorerRow;
            const key = keyOf(row);
            return (
              <ExplorerRowView
                key={row.id}
                row={row}
                index={index}
                budget={budget}
                isActive={isActive}
                folded={isTree && key && parents.has(key) ? collapsed.has(key) : null}
                severity={severities.get(row.id)}
                onToggle={() => key && toggle(key)}
                onFigure={(figure) => showFigure(row, figure)}
                onSelect={() => setActive(index)}
              />
            );
          }}
        />
      </div>
    </>
  );
}

export function LinesView({
  budget,
  initialFilter = {},
}: {
  budget: BudgetInfo;
  initialFilter?: ExplorerFilter;
}) {
  const { t } = useLanguage();
  const lines = useCall('budgets.linesArrow', { budgetId: budget.id });
  const flags = useCall('flags.list', { budgetId: budget.id });
  const arrow = lines.state.status === 'done' ? lines.state.data.arrowBase64 : null;
  const rows = useMemo(() => (arrow ? rowsFromArrow(arrow) : []), [arrow]);

  return (
    <section className="view" aria-labelledby="lines-title">
      <h1 id="lines-title">{t('lines.title')}</h1>
      <CallStatus state={lines.state} retry={lines.retry}>
        {() => (
          <CallStatus state={flags.state} retry={flags.retry}>
            {(flagList) => (
              <Explorer
                key={JSON.stringify(initialFilter)}
                rows={rows}
                flags={flagList}
                budget={budget}
                initialFilter={initialFilter}
              />
            )}
          </CallStatus>
        )}
      </CallStatus>
    </section>
  );
}
