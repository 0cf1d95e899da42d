import { useMemo, useState } from 'react';
import { formatAmount, formatPercent } from '../../../src-shared/format/amount';
import type { BudgetInfo } from '../../../src-shared/model';
import { visibleText } from '../format';
import { fold, type ExplorerRow } from '../lines/explorer-model';
import { useLanguage } from '../shell/language';

const MAX_RESULTS = 6;

/** The live search a resident's question starts: code or words of a label, results as typed. */
export function LineSearch({
  rows,
  onPick,
  onClose,
}: {
  rows: ExplorerRow[];
  onPick(row: ExplorerRow): void;
  onClose(): void;
}) {
  const { t } = useLanguage();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => {
    const wanted = fold(text.trim());
    if (!wanted) return [];
    return rows
      .filter((r) => r.kind === 'line' && r.haystack.includes(wanted))
      .slice(0, MAX_RESULTS);
  }, [rows, text]);

  return (
    <div className="slide-search" role="dialog" aria-label={t('present.search')}>
      <label>
        <span>{t('present.search')}</span>
        <input
          autoFocus
          value={text}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="slide-search-results"
          aria-activedescendant={results[active] ? `found-${results[active].id}` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            event.stopPropagation();
            const picked = results[active];
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setActive(Math.min(results.length - 1, active + 1));
            else if (event.key === 'ArrowUp') setActive(Math.max(0, active - 1));
            else if (event.key === 'Enter' && picked) onPick(picked);
            else return;
            event.preventDefault();
          }}
        />
      </label>
      <ul id="slide-search-results" role="listbox">
        {results.map((row, index) => (
          <li
            key={row.id}
            id={`found-${row.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            onClick={() => onPick(row)}
          >
            <span className="code">{visibleText(row.code)}</span> {visibleText(row.label)}
          </li>
        ))}
        {text.trim() && results.length === 0 && <li>{t('present.noMatch')}</li>}
      </ul>
    </div>
  );
}

/** One line shown to the room: what was planned, what was done, in one sentence each. */
export function LineSlide({ row, budget }: { row: ExplorerRow; budget: BudgetInfo }) {
  const { t, lang } = useLanguage();
  const money = (minor: number | null) =>
    minor === null ? '—' : formatAmount(minor, budget.currency, budget.currencyExponent, lang);
  return (
    <article className="slide slide-line" aria-roledescription="slide">
      <h1 className="slide-title">
        {visibleText(row.code)} {visibleText(row.label)}
      </h1>
      <ul className="slide-items">
        <li>{t('present.linePlanned', { amount: money(row.revised) })}</li>
        <li>{t('present.lineExecuted', { amount: money(row.executed) })}</li>
        <li>{t('present.lineRate', { rate: formatPercent(row.rate, lang, 0) })}</li>
      </ul>
      <p className="slide-foot">
        {t('present.lineSource', { sheet: visibleText(row.sheet), row: row.row })} ·{' '}
        {t('present.backHint')}
      </p>
    </article>
  );
}
