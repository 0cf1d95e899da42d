import type { ImportOptions } from '../../../src-shared/contract';
import type { BudgetVersion, ImportPreview } from '../../../src-shared/model';
import { VERSIONS } from '../projects/project-groups';
import { useLanguage } from '../shell/language';

const isVersion = (value: string): value is BudgetVersion =>
  (VERSIONS as readonly string[]).includes(value);

interface Props {
  preview: ImportPreview;
  options: ImportOptions;
  version: BudgetVersion | undefined;
  onChange(options: ImportOptions): void;
  onVersion(version: BudgetVersion | undefined): void;
}

/** The entity, year and version the budget is stored under, when the file is silent or wrong. */
export function ImportTarget({ preview, options, version, onChange, onVersion }: Props) {
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
      <label>
        <span>{t('import.version')}</span>
        <select
          value={version ?? ''}
          onChange={(event) => {
            const chosen = event.target.value;
            onVersion(isVersion(chosen) ? chosen : undefined);
          }}
        >
          <option value="">{t('import.versionAuto')}</option>
          {VERSIONS.map((v) => (
            <option key={v} value={v}>
              {t(`version.${v}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
