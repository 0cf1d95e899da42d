import { useEffect, useRef } from 'react';
import type { Provenance } from '../../../src-shared/contract-explore';
import { formatAmount, visibleText } from '../format';
import { CallStatus } from '../shell/CallStatus';
import { SeverityMark } from '../shell/SeverityMark';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import type { ProvenanceTarget } from './provenance-context';

function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' }).format(date);
}

function Details({ provenance }: { provenance: Provenance }) {
  const { t, lang } = useLanguage();
  const { budget, file, line, sheets, flags } = provenance;
  const stage = budget.executedStage;
  const sheetNames = line ? [line.sheet] : sheets.map((s) => s.name);
  const columns = sheets.filter((s) => sheetNames.includes(s.name));

  return (
    <>
      <dl className="facts provenance-facts">
        <dt>{t('prov.file')}</dt>
        <dd>{visibleText(file.name)}</dd>
        <dt>{t('prov.sha256')}</dt>
        <dd className="hash">{file.sha256}</dd>
        <dt>{t('prov.sheet')}</dt>
        <dd>{sheetNames.map(visibleText).join(', ')}</dd>
        {line && (
          <>
            <dt>{t('prov.row')}</dt>
            <dd>{line.row}</dd>
          </>
        )}
        <dt>{t('prov.importedAt')}</dt>
        <dd>{formatTime(file.finishedAt, lang === 'fr' ? 'fr-FR' : 'en-GB')}</dd>
        <dt>{t('prov.stage')}</dt>
        <dd>
          {t('prov.stageValue', {
            revenue: t(`phase.${stage.revenue}`),
            expenditure: t(`phase.${stage.expenditure}`),
          })}
        </dd>
      </dl>
      {line && (
        <table className="data-table compact">
          <caption>{t('prov.cells')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prov.phase')}</th>
              <th scope="col">{t('prov.cell')}</th>
              <th scope="col">{t('prov.sourceText')}</th>
              <th scope="col" className="num">
                {t('prov.value')} ({budget.currency})
              </th>
            </tr>
          </thead>
          <tbody>
            {line.amounts.map((a) => (
              <tr key={a.phase} className={a.phase === line.executedPhase ? 'row-counted' : ''}>
                <td>
                  {t(`phase.${a.phase}`)}
                  {a.phase === line.executedPhase && ` (${t('prov.counted')})`}
                </td>
                <td className="code">
                  {visibleText(line.sheet)}!{a.cell}
                </td>
                <td>{visibleText(a.sourceText)}</td>
                <td className="num">{formatAmount(a.valueMinor, budget.currencyExponent, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('prov.mapping')}</h3>
      <ul className="mapping-list">
        {columns.flatMap((sheet) =>
          sheet.columns
            .filter((c) => c.field)
            .map((c) => (
              <li key={`${sheet.name}-${c.column}`}>
                {visibleText(sheet.name)} · {c.column} « {visibleText(c.header)} » → {c.field}{' '}
                <span className="where">({visibleText(c.because)})</span>
              </li>
            )),
        )}
      </ul>
      {line && (
        <>
          <h3>{t('prov.flags', { count: flags.length })}</h3>
          <ul className="issue-list">
            {flags.map((flag) => (
              <li key={flag.id ?? flag.rule}>
                <SeverityMark severity={flag.severity} />
                <span className="issue-message">{visibleText(flag.message)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A modal dialog: Esc closes it and the keyboard stays inside while it is open. */
export function ProvenanceDialog({
  target,
  onClose,
}: {
  target: ProvenanceTarget;
  onClose(): void;
}) {
  const { t } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, retry } = useCall('lines.provenance', {
    budgetId: target.budgetId,
    lineId: target.lineId,
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="provenance"
      aria-labelledby="provenance-title"
      onClose={onClose}
    >
      <div className="dialog-head">
        <h2 id="provenance-title">
          {t('prov.title')} — {visibleText(target.title)}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('common.close')}
        </button>
      </div>
      <CallStatus state={state} retry={retry}>
        {(provenance) => <Details provenance={provenance} />}
      </CallStatus>
    </dialog>
  );
}
