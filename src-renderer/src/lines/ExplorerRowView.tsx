import type { BudgetInfo, Severity } from '../../../src-shared/model';
import { formatAmount, formatPercent, visibleText } from '../format';
import { SeverityMark } from '../shell/SeverityMark';
import { useLanguage } from '../shell/language';
import type { ExplorerRow } from './explorer-model';

export type Figure = 'planned' | 'revised' | 'executed';

interface Props {
  row: ExplorerRow;
  index: number;
  budget: BudgetInfo;
  isActive: boolean;
  /** Null when the row heads nothing; otherwise whether its branch is folded. */
  folded: boolean | null;
  severity: Severity | undefined;
  onToggle(): void;
  onFigure(figure: Figure): void;
  onSelect(): void;
}

/** One row of the explorer. Figures are buttons: each opens where it came from. */
export function ExplorerRowView(props: Props) {
  const { row, index, budget, isActive, folded, severity, onToggle, onFigure, onSelect } = props;
  const { t, lang } = useLanguage();
  const figure = (name: Figure) => {
    const value = row[name];
    if (value === null) return <span role="gridcell" className="num" />;
    return (
      <span role="gridcell" className="num">
        <button
          type="button"
          tabIndex={-1}
          className="figure-button"
          aria-label={`${t(`field.${name}`)} ${formatAmount(value, budget.currencyExponent, lang)}`}
          onClick={() => onFigure(name)}
        >
          {formatAmount(value, budget.currencyExponent, lang)}
        </button>
      </span>
    );
  };

  return (
    <div
      id={`line-${row.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isActive}
      aria-expanded={folded === null ? undefined : !folded}
      className={`vrow row-${row.kind}${isActive ? ' is-active' : ''}${severity ? ' row-flagged' : ''}`}
      onClick={onSelect}
    >
      <span role="gridcell" className="code">
        {folded !== null && (
          <button
            type="button"
            tabIndex={-1}
            className="fold"
            aria-label={folded ? t('explore.unfold') : t('explore.fold')}
            onClick={onToggle}
          >
            {folded ? '▸' : '▾'}
          </button>
        )}
        {visibleText(row.code)}
      </span>
      <span
        role="gridcell"
        className="label"
        style={{ paddingInlineStart: `${row.level * 1.2}rem` }}
      >
        {visibleText(row.label)}
      </span>
      {figure('planned')}
      {figure('revised')}
      {figure('executed')}
      <span role="gridcell" className="num">
        {row.rate !== null ? formatPercent(row.rate, lang) : ''}
      </span>
      <span role="gridcell" className="flag-cell">
        {severity && <SeverityMark severity={severity} compact />}
      </span>
    </div>
  );
}
