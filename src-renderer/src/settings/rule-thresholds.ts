import type { RuleSettings } from '../../../src-shared/analysis/rules/settings';

export type SettingKey = keyof RuleSettings;

/**
 * Which thresholds each rule reads, from the rules' sources; a rule missing here has none to
 * adjust. `basis` is read by every rule that compares executed with a forecast.
 */
export const RULE_THRESHOLDS: Readonly<Record<string, readonly SettingKey[]>> = {
  'over-execution': ['overExecutionTolerancePercent'],
  'low-execution': ['lowExecutionPercent', 'lowExecutionOperating'],
  'revenue-shortfall': ['revenueShortfallPercent'],
  'subtotal-mismatch': ['subtotalToleranceMinorPerLine'],
  'stated-rate-mismatch': ['statedRateTolerancePoints'],
  'revised-change-mismatch': ['revisedChangeToleranceMinor'],
  imbalance: ['imbalanceToleranceMinor'],
  'repeated-amount': ['repeatedAmountMinCount', 'repeatedAmountMinSignificantDigits'],
  'large-revision': ['largeRevisionPercent'],
  'outlier-rate': ['outlierRobustZ', 'outlierMinGroupSize'],
  'round-amounts': ['roundUnitMajor', 'roundShareMaxPercent', 'roundMinSample'],
  'benford-first-digit': ['benfordMinSample', 'benfordMinAmountMajor', 'benfordFirstDigitMad'],
  'benford-first-two-digits': ['benfordFirstTwoMad'],
};

export const COMMON_THRESHOLDS: readonly SettingKey[] = ['basis'];

/** The draft minus what equals the defaults: what the store keeps. */
export function overridesOf(draft: RuleSettings, defaults: RuleSettings): Partial<RuleSettings> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as SettingKey[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(defaults[key])) kept[key] = draft[key];
  }
  return kept as Partial<RuleSettings>;
}
