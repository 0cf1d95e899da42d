import {
  canonicalJson,
  DEFAULT_RULE_SETTINGS,
  hashSettings,
  resolveSettings,
} from '../../src-shared/analysis/rules/settings';
import { RuleSettingsInput, type StoredRuleSettings } from '../../src-shared/contract-settings';
import { listBudgets } from '../store/budgets-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { readRuleSettings, writeRuleSettings } from '../store/rule-settings-repo';
import { analyseBudget } from './analyse';

type Key = keyof RuleSettingsInput;

/**
 * The thresholds saved for this store. A saved key that a later version no longer knows, or
 * whose value is now out of bounds, is dropped rather than refusing the whole store.
 */
export function storedOverrides(store: Store): RuleSettingsInput {
  const row = readRuleSettings(store.db);
  if (!row || typeof row.overrides !== 'object' || row.overrides === null) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.overrides)) {
    const one = RuleSettingsInput.safeParse({ [key]: value });
    if (one.success) kept[key] = value;
  }
  return kept as RuleSettingsInput;
}

/** Only the keys that differ from the defaults: saving the defaults is a reset. */
function withoutDefaults(overrides: RuleSettingsInput): RuleSettingsInput {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const fallback = DEFAULT_RULE_SETTINGS[key as Key];
    if (canonicalJson(value) !== canonicalJson(fallback)) kept[key] = value;
  }
  return kept as RuleSettingsInput;
}

export function describeSettings(store: Store, reanalysed = 0): StoredRuleSettings {
  const overrides = storedOverrides(store);
  return {
    overrides,
    settingsHash: hashSettings(resolveSettings(overrides)),
    savedAt: readRuleSettings(store.db)?.savedAt ?? null,
    reanalysed,
  };
}

/**
 * Saves the store's thresholds, logs what changed, and judges every current budget again with
 * them, all in one transaction: flags never stand on settings other than the saved ones.
 */
export function saveRuleSettings(
  store: Store,
  overrides: RuleSettingsInput,
  actor: string,
): StoredRuleSettings {
  const { db } = store;
  const before = storedOverrides(store);
  const after = withoutDefaults(overrides);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => canonicalJson(before[key as Key]) !== canonicalJson(after[key as Key]))
    .sort();

  // The log says the values in force, default or not, so that it reads without the defaults.
  const was = resolveSettings(before);
  const now = resolveSettings(after);

  const reanalysed = db.transaction(() => {
    writeRuleSettings(db, after, new Date().toISOString());
    const settingsHash = hashSettings(resolveSettings(after));
    appendOperation(db, {
      actor,
      kind: 'rule-settings',
      parameters: {
        changed: Object.fromEntries(
          changed.map((key) => [key, { from: was[key as Key], to: now[key as Key] }]),
        ),
        reset: Object.keys(after).length === 0,
      },
      outputHash: settingsHash,
    });
    const budgets = listBudgets(db);
    for (const budget of budgets) analyseBudget(store, budget.id, { actor, settings: after });
    return budgets.length;
  })();
  return describeSettings(store, reanalysed);
}
