import type { BudgetInfo, BudgetLine, Flag } from '../model';
import type { Lang } from '../format/amount';
import { buildContext } from './rules/context';
import { RULES } from './rules/registry';
import { hashSettings, resolveSettings, type RuleSettings } from './rules/settings';

export type { RuleSettings } from './rules/settings';
export { DEFAULT_RULE_SETTINGS } from './rules/settings';

/** The flags of one run with the settings that produced them, to be stored together. */
export interface FlagRun {
  flags: Flag[];
  settings: RuleSettings;
  /** Fingerprint of `settings`, also in every flag's `values.settingsHash`. */
  settingsHash: string;
  /** Rule ids run, in order. */
  rules: string[];
}

/**
 * Runs every rule of the registry over one budget. `lines` are all its rows (subtotal and total
 * rows are checked, never added); `settings` override the defaults; messages are written in
 * `lang`. Flags come in registry order, each pointing to its line and cells.
 */
export function runRules(
  budget: BudgetInfo,
  lines: BudgetLine[],
  settings: Partial<RuleSettings> = {},
  lang: Lang = 'fr',
): FlagRun {
  const resolved = resolveSettings(settings);
  const settingsHash = hashSettings(resolved);
  const ctx = buildContext(budget, lines, resolved, settingsHash, lang);
  const flags: Flag[] = [];
  const emit = (flag: Flag) => {
    flags.push(flag);
  };
  for (const rule of RULES) rule.run(ctx, emit);
  return { flags, settings: resolved, settingsHash, rules: RULES.map((rule) => rule.id) };
}

/** The flags of `runRules`, for callers that store the settings elsewhere. */
export function detectFlags(
  budget: BudgetInfo,
  lines: BudgetLine[],
  settings?: Partial<RuleSettings>,
  lang: Lang = 'fr',
): Flag[] {
  return runRules(budget, lines, settings, lang).flags;
}
