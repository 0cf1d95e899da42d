import { useState } from 'react';
import { RULES } from '../../../src-shared/analysis/rules/registry';
import {
  DEFAULT_RULE_SETTINGS,
  resolveSettings,
  type RuleSettings,
} from '../../../src-shared/analysis/rules/settings';
import type { StoredRuleSettings } from '../../../src-shared/contract-settings';
import { call } from '../api';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import {
  COMMON_THRESHOLDS,
  overridesOf,
  RULE_THRESHOLDS,
  type SettingKey,
} from './rule-thresholds';
import { ThresholdField } from './ThresholdField';

function Thresholds({
  keys,
  draft,
  onChange,
}: {
  keys: readonly SettingKey[];
  draft: RuleSettings;
  onChange(key: SettingKey, value: RuleSettings[SettingKey]): void;
}) {
  return (
    <>
      {keys.map((key) => (
        <ThresholdField
          key={key}
          name={key}
          value={draft[key]}
          fallback={DEFAULT_RULE_SETTINGS[key]}
          onChange={(value) => onChange(key, value)}
        />
      ))}
    </>
  );
}

function SettingsForm({ stored }: { stored: StoredRuleSettings }) {
  const { t, lang } = useLanguage();
  const [draft, setDraft] = useState<RuleSettings>(() => resolveSettings(stored.overrides));
  const [saved, setSaved] = useState<StoredRuleSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (key: SettingKey, value: RuleSettings[SettingKey]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async (next: RuleSettings) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('settings.save', {
        overrides: overridesOf(next, DEFAULT_RULE_SETTINGS),
      });
      setDraft(resolveSettings(answer.overrides));
      setSaved(answer);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <fieldset className="rule-settings">
        <legend>{t('settings.common')}</legend>
        <Thresholds keys={COMMON_THRESHOLDS} draft={draft} onChange={change} />
      </fieldset>
      {RULES.map((rule) => {
        const keys = RULE_THRESHOLDS[rule.id] ?? [];
        return (
          <fieldset key={rule.id} className="rule-settings">
            <legend>{rule.title[lang]}</legend>
            {keys.length === 0 ? (
              <p className="muted">{t('settings.none')}</p>
            ) : (
              <Thresholds keys={keys} draft={draft} onChange={change} />
            )}
          </fieldset>
        );
      })}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('settings.save')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save(DEFAULT_RULE_SETTINGS)}>
          {t('settings.reset')}
        </button>
      </div>
      <p className="muted">{t('settings.hash', { hash: (saved ?? stored).settingsHash })}</p>
      {saved && (
        <p className="status" role="status">
          {t('settings.saved', { count: saved.reanalysed })}
        </p>
      )}
      {error && (
        <p className="status status-error" role="alert">
          {t('common.error', { message: error })}
        </p>
      )}
    </form>
  );
}

/** Every rule with its thresholds and their defaults, saved for the whole store. */
export function SettingsView() {
  const { t } = useLanguage();
  const { state, retry } = useCall('settings.get', {});
  return (
    <section className="view" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <p className="intro">{t('settings.intro')}</p>
      <CallStatus state={state} retry={retry}>
        {(stored) => <SettingsForm stored={stored} />}
      </CallStatus>
    </section>
  );
}
