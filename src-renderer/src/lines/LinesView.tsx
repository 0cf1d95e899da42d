import { useMemo } from 'react';
import type { BudgetInfo, BudgetLine, Flag } from '../../../src-shared/model';
import { formatAmount, formatInteger, formatPercent, visibleText } from '../format';
import { CallStatus } from '../shell/CallStatus';
import { SeverityMark } from '../shell/SeverityMark';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import { lineFigures } from './line-figures';

// A plain table stays smooth up to a few thousand rows; larger budgets wait for virtualisation.
const MAX_ROWS = 3000;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function worstFlagByLine(flags: Flag[]): Map<number, Flag> {
  const worst = new Map<number, Flag>();
  for (const flag of flags) {
    if (flag.lineId === null) continue;
    const seen = worst.get(flag.lineId);
    if (!seen || SEVERITY_ORDER[flag.severity] < SEVERITY_ORDER[seen.severity])
      worst.set(flag.lineId, flag);
  }
  return worst;
}

function LineRow({ line, budget, flag }: { line: BudgetLine; budget: BudgetInfo; flag?: Flag }) {
  const { lang } = useLanguage();
  const figures = lineFigures(line, budget);
  const amount = (minor: number | undefined) => formatAmount(minor, budget.currencyExponent, lang);
  const isLine = line.kind === 'line';

  // A banner ("RECETTES DE FONCTIONNEMENT") names a part of the table, across all its columns;
  // the importer may keep it as an ignored row with its text in the code cell.
  const isBanner = line.kind === 'banner' || line.kind === 'ignored';
  if (isBanner || (line.kind === 'heading' && !line.code)) {
    return (
      <tr className="row-banner">
        <td colSpan={7}>{visibleText(line.label ?? line.code)}</td>
      </tr>
    );
  }

  return (
    <tr className={`row-${line.kind}${flag ? ' row-flagged' : ''}`}>
      <td className="code">{visibleText(line.code)}</td>
      <td className="label" style={{ paddingInlineStart: `${0.5 + line.level * 1.5}rem` }}>
        {visibleText(line.label)}
      </td>
      <td className="num">{amount(figures.planned)}</td>
      <td className="num">{amount(figures.revised)}</td>
      <td className="num">{amount(figures.executed)}</td>
      <td className="num">
        {isLine || figures.ratePercent !== null ? formatPercent(figures.ratePercent, lang) : ''}
      </td>
      <td className="flag-cell">{flag && <SeverityMark severity={flag.severity} compact />}</td>
    </tr>
  );
}

function LinesTable({
  lines,
  flags,
  budget,
}: {
  lines: BudgetLine[];
  flags: Flag[];
  budget: BudgetInfo;
}) {
  const { t, lang } = useLanguage();
  const worst = useMemo(() => worstFlagByLine(flags), [flags]);
  const shown = lines.slice(0, MAX_ROWS);

  return (
    <>
      {lines.length > MAX_ROWS && (
        <p className="status">
          {t('lines.truncated', {
            shown: formatInteger(MAX_ROWS, lang),
            count: formatInteger(lines.length, lang),
          })}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} aria-labelledby="lines-title">
        <table className="data-table lines-table">
          <caption className="visually-hidden">
            {t('lines.caption', { count: formatInteger(lines.length, lang) })} ({budget.currency})
          </caption>
          <thead>
            <tr>
              <th scope="col" className="code">
                {t('field.code')}
              </th>
              <th scope="col">{t('field.label')}</th>
              <th scope="col" className="num">
                {t('field.planned')}
              </th>
              <th scope="col" className="num">
                {t('field.revised')}
              </th>
              <th scope="col" className="num">
                {t('field.executed')}
              </th>
              <th scope="col" className="num">
                {t('field.rate')}
              </th>
              <th scope="col">{t('lines.flag')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <LineRow key={line.id} line={line} budget={budget} flag={worst.get(line.id)} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function LinesView({ budget }: { budget: BudgetInfo }) {
  const { t, lang } = useLanguage();
  const lines = useCall('budgets.lines', { budgetId: budget.id });
  const flags = useCall('flags.list', { budgetId: budget.id });
  const count = lines.state.status === 'done' ? lines.state.data.length : null;

  return (
    <section className="view" aria-labelledby="lines-title">
      <h1 id="lines-title">
        {t('lines.title')}
        {count !== null && (
          <span className="count">
            {' '}
            · {t('lines.caption', { count: formatInteger(count, lang) })}
          </span>
        )}
      </h1>
      <CallStatus state={lines.state} retry={lines.retry}>
        {(data) => (
          <CallStatus state={flags.state} retry={flags.retry}>
            {(flagList) => <LinesTable lines={data} flags={flagList} budget={budget} />}
          </CallStatus>
        )}
      </CallStatus>
    </section>
  );
}
