import type { RuleSettings } from '../../../src-shared/analysis/rules/settings';
import { useLanguage } from '../shell/language';
import type { SettingKey } from './rule-thresholds';

interface Props {
  name: SettingKey;
  value: RuleSettings[SettingKey];
  fallback: RuleSettings[SettingKey];
  onChange(value: RuleSettings[SettingKey]): void;
}

/** The default in words, as the user would type it. */
function shown(value: RuleSettings[SettingKey], t: ReturnType<typeof useLanguage>['t']): string {
  if (typeof value === 'boolean') return value ? t('settings.yes') : t('settings.no');
  if (value === 'revised' || value === 'original') return t(`settings.basis.${value}`);
  return Array.isArray(value) ? value.join(' · ') : String(value);
}

function NumberInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
}) {
  return (
    <input
      type="number"
      step="any"
      min={0}
      aria-label={label}
      value={Number.isFinite(value) ? value : ''}
      onChange={(event) => {
        const next = event.target.valueAsNumber;
        if (Number.isFinite(next)) onChange(next);
      }}
    />
  );
}

/** One threshold with its default beside it; a changed value is marked in words, not colour. */
export function ThresholdField({ name, value, fallback, onChange }: Props) {
  const { t } = useLanguage();
  const label = t(`setting.${name}`);
  const changed = JSON.stringify(value) !== JSON.stringify(fallback);
  const id = `setting-${name}`;

  let control;
  if (typeof value === 'boolean') {
    control = (
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
    );
  } else if (value === 'revised' || value === 'original') {
    control = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as typeof value)}>
        <option value="revised">{t('settings.basis.revised')}</option>
        <option value="original">{t('settings.basis.original')}</option>
      </select>
    );
  } else if (Array.isArray(value)) {
    control = (
      <span className="threshold-parts" id={id}>
        {value.map((part, i) => (
          <NumberInput
            key={i}
            label={t('settings.madPart', { which: label, n: i + 1 })}
            value={part}
            onChange={(next) => {
              const parts = [...value] as [number, number, number];
              parts[i] = next;
              onChange(parts);
            }}
          />
        ))}
      </span>
    );
  } else {
    control = (
      <input
        id={id}
        type="number"
        step="any"
        min={0}
        value={value}
        onChange={(e) =>
          Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)
        }
      />
    );
  }

  return (
    <div className="threshold">
      {Array.isArray(value) ? (
        <span className="threshold-label">{label}</span>
      ) : (
        <label htmlFor={id} className="threshold-label">
          {label}
        </label>
      )}
      {control}
      <span className="threshold-default">
        {t('settings.default', { value: shown(fallback, t) })}
        {changed && <strong> — {t('settings.changed')}</strong>}
      </span>
    </div>
  );
}
