import { BY_USER } from '../../../src-shared/import/map-columns';
import type { ImportIssue, ImportPreview, SheetPreview } from '../../../src-shared/model';
import { formatAmount, formatInteger, visibleText } from '../format';
import { SeverityMark } from '../shell/SeverityMark';
import { ColumnFieldSelect } from './ColumnFieldSelect';
import { RowsPreview } from './RowsPreview';
import { useLanguage } from '../shell/language';

type Remap = (column: string, field: string | null) => void;

function SheetColumns({ sheet, onRemap }: { sheet: SheetPreview; onRemap: Remap }) {
  const { t, lang } = useLanguage();
  const counts = sheet.rowCounts;
  return (
    <div className="sheet-preview">
      <h3>
        {visibleText(sheet.name)} —{' '}
        {sheet.used ? t('import.sheetUsed') : t('import.sheetSkipped', { reason: sheet.reason })}
      </h3>
      {sheet.used && (
        <p>
          {t('import.rowCounts', {
            lines: formatInteger(counts.line ?? 0, lang),
            subtotals: formatInteger((counts.subtotal ?? 0) + (counts.total ?? 0), lang),
            headings: formatInteger(counts.heading ?? 0, lang),
          })}
        </p>
      )}
      {sheet.columns.length > 0 && (
        <table className="data-table compact">
          <caption className="visually-hidden">{t('import.columns')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.header')}</th>
              <th scope="col">{t('import.field')}</th>
              <th scope="col">{t('import.because')}</th>
              <th scope="col" className="num">
                {t('import.confidence')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.columns.map((column) => (
              <tr key={column.column}>
                <td>{column.column}</td>
                <td>{visibleText(column.header)}</td>
                <td>
                  <ColumnFieldSelect
                    sheet={sheet.name}
                    column={column}
                    onChange={(field) => onRemap(column.column, field)}
                  />
                </td>
                <td>
                  {column.because === BY_USER ? t('import.byYou') : visibleText(column.because)}
                </td>
                <td className="num">
                  {formatInteger(Math.round(column.confidence * 100), lang)} %
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function IssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useLanguage();
  if (issues.length === 0) return <p>{t('import.noIssues')}</p>;
  return (
    <ul className="issue-list">
      {issues.map((issue, index) => (
        <li key={index}>
          <SeverityMark severity={issue.severity} />
          <span className="issue-message">{visibleText(issue.message)}</span>
          {issue.sheet && (
            <span className="where">
              {visibleText(issue.sheet)}
              {issue.row !== null ? ` · ${issue.column ?? ''}${issue.row}` : ''}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  preview: ImportPreview;
  saving: boolean;
  /** True while the preview is being read again with a changed mapping. */
  busy: boolean;
  onRemap: Remap;
  onConfirm(): void;
  onCancel(): void;
}

/** What the import would store, shown before anything is written. */
export function PreviewPanel({ preview, saving, busy, onRemap, onConfirm, onCancel }: Props) {
  const { t, lang } = useLanguage();
  const gaps = preview.reconciliations.filter((r) => r.differenceMinor !== 0);

  return (
    <section className="preview" aria-labelledby="preview-title" aria-busy={busy}>
      <h2 id="preview-title">
        {t('import.previewTitle', { file: visibleText(preview.file.name) })}
      </h2>
      <dl className="facts">
        <dt>{t('import.entity')}</dt>
        <dd>{visibleText(preview.entity) || t('common.none')}</dd>
        <dt>{t('import.year')}</dt>
        <dd>{preview.fiscalYear ?? t('common.none')}</dd>
        <dt>{t('import.currency')}</dt>
        <dd>{preview.currency}</dd>
        <dt>{t('import.unit')}</dt>
        <dd>
          {preview.unitSource
            ? visibleText(preview.unitSource)
            : formatInteger(preview.unitMultiplier, lang)}
        </dd>
      </dl>
      <h2>{t('import.sheets')}</h2>
      {preview.sheets.map((sheet) => (
        <SheetColumns key={sheet.name} sheet={sheet} onRemap={onRemap} />
      ))}
      <h2>{t('import.rows')}</h2>
      <RowsPreview rows={preview.rows} />
      <h2>{t('import.issues', { count: preview.issues.length })}</h2>
      <IssueList issues={preview.issues} />
      {gaps.length > 0 && (
        <>
          <h2>{t('import.reconciliations')}</h2>
          <ul className="issue-list">
            {gaps.map((gap) => (
              <li key={`${gap.sheet}-${gap.row}-${gap.phase}`}>
                <span className="issue-message">
                  {visibleText(gap.label)} ({gap.phase}) :{' '}
                  {formatAmount(gap.statedMinor, preview.currencyExponent, lang)} ≠{' '}
                  {formatAmount(gap.computedMinor, preview.currencyExponent, lang)}
                </span>
                <span className="where">
                  {visibleText(gap.sheet)} · {gap.row}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={saving || busy} onClick={onConfirm}>
          {saving ? t('import.saving') : t('import.confirm')}
        </button>
        <button type="button" disabled={saving} onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
