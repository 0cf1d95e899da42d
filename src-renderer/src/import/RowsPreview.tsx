import { useState } from 'react';
import type { ImportedRow, RowKind } from '../../../src-shared/model';
import { formatInteger, visibleText } from '../format';
import { useLanguage } from '../shell/language';

const SHOWN = 200;

/** The rows as the importer classified them, with the reason for each kind. */
export function RowsPreview({ rows }: { rows: ImportedRow[] }) {
  const { t, lang } = useLanguage();
  const [kind, setKind] = useState<RowKind | ''>('');
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const matching = kind ? rows.filter((r) => r.kind === kind) : rows;

  return (
    <div className="rows-preview">
      <label>
        <span>{t('import.rowKind')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as RowKind | '')}>
          <option value="">{t('explore.all')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)} ({formatInteger(rows.filter((r) => r.kind === k).length, lang)})
            </option>
          ))}
        </select>
      </label>
      {matching.length > SHOWN && (
        <p className="status">
          {t('lines.truncated', {
            shown: formatInteger(SHOWN, lang),
            count: formatInteger(matching.length, lang),
          })}
        </p>
      )}
      <div className="table-scroll rows-scroll" tabIndex={0} aria-label={t('import.rows')}>
        <table className="data-table compact">
          <caption className="visually-hidden">{t('import.rows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prov.sheet')}</th>
              <th scope="col" className="num">
                {t('prov.row')}
              </th>
              <th scope="col">{t('import.kind')}</th>
              <th scope="col">{t('field.code')}</th>
              <th scope="col">{t('field.label')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {matching.slice(0, SHOWN).map((row) => (
              <tr key={`${row.sheet}-${row.row}`} className={`row-${row.kind}`}>
                <td>{visibleText(row.sheet)}</td>
                <td className="num">{row.row}</td>
                <td>{t(`kind.${row.kind}`)}</td>
                <td className="code">{visibleText(row.code)}</td>
                <td>{visibleText(row.label)}</td>
                <td>{visibleText(row.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
