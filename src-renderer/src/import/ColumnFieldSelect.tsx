import type { ColumnMapping } from '../../../src-shared/model';
import { FIELDS } from '../../../src-shared/import/vocabulary';
import { visibleText } from '../format';
import { useLanguage } from '../shell/language';

interface Props {
  sheet: string;
  column: ColumnMapping;
  onChange(field: string | null): void;
}

/**
 * The field a column holds, as a select. Choosing a field maps it to this column's letter;
 * the importer has no way to drop a column it recognised, so "not used" only takes back a
 * choice made here.
 */
export function ColumnFieldSelect({ sheet, column, onChange }: Props) {
  const { t } = useLanguage();
  return (
    <select
      aria-label={t('import.fieldOf', { sheet: visibleText(sheet), column: column.column })}
      value={column.field ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">{t('import.unmapped')}</option>
      {FIELDS.map((field) => (
        <option key={field} value={field}>
          {t(`fieldName.${field}`)}
        </option>
      ))}
    </select>
  );
}
