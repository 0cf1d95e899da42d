import type { ImportOptions } from '../../../src-shared/contract';
import type { ImportPreview } from '../../../src-shared/model';
import { useLanguage } from '../shell/language';

interface Props {
  preview: ImportPreview;
  options: ImportOptions;
  onChange(options: ImportOptions): void;
}

/** The entity and year the budget is stored under, when the file is silent or wrong. */
export function ImportTarget({ preview, options, onChange }: Props) {
  const { t } = useLanguage();
  return (
    <fieldset className="import-target">
      <legend>{t('import.target')}</legend>
      <label>
        <span>{t('import.entity')}</span>
        <input
          value={options.entity ?? ''}
          placeholder={preview.entity ?? ''}
          onChange={(event) => onChange({ ...options, entity: event.target.value || undefined })}
        />
      </label>
      <label className="narrow">
        <span>{t('import.year')}</span>
        <input
          type="number"
          min={1900}
          max={2200}
          value={options.year ?? ''}
          placeholder={preview.fiscalYear ? String(preview.fiscalYear) : ''}
          onChange={(event) =>
            onChange({
              ...options,
              year: event.target.value ? Number(event.target.value) : undefined,
            })
          }
        />
      </label>
    </fieldset>
  );
}
