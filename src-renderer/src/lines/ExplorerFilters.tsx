import type { ExplorerFilter } from './explorer-model';
import { useLanguage } from '../shell/language';

interface Props {
  filter: ExplorerFilter;
  chapters: string[];
  onChange(filter: ExplorerFilter): void;
}

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The explorer's filters, each a plain labelled control; changes apply as they are made. */
export function ExplorerFilters({ filter, chapters, onChange }: Props) {
  const { t } = useLanguage();
  const set = (patch: Partial<ExplorerFilter>) => onChange({ ...filter, ...patch });

  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t('explore.search')}</span>
        <input
          type="search"
          value={filter.text ?? ''}
          placeholder={t('explore.searchHint')}
          onChange={(event) => set({ text: event.target.value || undefined })}
        />
      </label>
      <label>
        <span>{t('field.direction')}</span>
        <select
          name="direction"
          value={filter.direction ?? ''}
          onChange={(event) =>
            set({ direction: (event.target.value || undefined) as ExplorerFilter['direction'] })
          }
        >
          <option value="">{t('explore.all')}</option>
          <option value="revenue">{t('direction.revenue')}</option>
          <option value="expenditure">{t('direction.expenditure')}</option>
        </select>
      </label>
      <label>
        <span>{t('field.section')}</span>
        <select
          name="section"
          value={filter.section ?? ''}
          onChange={(event) =>
            set({ section: (event.target.value || undefined) as ExplorerFilter['section'] })
          }
        >
          <option value="">{t('explore.all')}</option>
          <option value="operating">{t('section.operating')}</option>
          <option value="investment">{t('section.investment')}</option>
        </select>
      </label>
      <label>
        <span>{t('explore.chapter')}</span>
        <select
          value={filter.chapter ?? ''}
          onChange={(event) => set({ chapter: event.target.value || undefined })}
        >
          <option value="">{t('explore.all')}</option>
          {chapters.map((chapter) => (
            <option key={chapter} value={chapter}>
              {chapter}
            </option>
          ))}
        </select>
      </label>
      <label className="narrow">
        <span>{t('explore.rateMin')}</span>
        <input
          type="number"
          inputMode="decimal"
          value={filter.rateMin ?? ''}
          onChange={(event) => set({ rateMin: numberOrUndefined(event.target.value) })}
        />
      </label>
      <label className="narrow">
        <span>{t('explore.rateMax')}</span>
        <input
          type="number"
          inputMode="decimal"
          value={filter.rateMax ?? ''}
          onChange={(event) => set({ rateMax: numberOrUndefined(event.target.value) })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.flaggedOnly ?? false}
          onChange={(event) => set({ flaggedOnly: event.target.checked || undefined })}
        />
        <span>{t('explore.flaggedOnly')}</span>
      </label>
      <button type="button" onClick={() => onChange({})}>
        {t('explore.clear')}
      </button>
    </form>
  );
}
