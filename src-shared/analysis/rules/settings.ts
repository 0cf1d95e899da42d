import type { Basis } from '../figures';

/**
 * Every threshold the rules use. Amounts said "Major" are in major units of the budget's
 * currency (francs, euros) and are converted with its exponent; percentages are in percent.
 */
export interface RuleSettings {
  /** Forecast that execution is judged against. */
  basis: Basis;
  /** Expenditure above the revised forecast by more than this share is over-executed. */
  overExecutionTolerancePercent: number;
  /** Executed below this share of the forecast is low execution. */
  lowExecutionPercent: number;
  /** Low execution of operating lines is reported too (investment lines always are). */
  lowExecutionOperating: boolean;
  /** Revenue executed, or collected against assessed, below this share is a shortfall. */
  revenueShortfallPercent: number;
  /** A stated subtotal may differ from its lines by this many minor units per line (rounding). */
  subtotalToleranceMinorPerLine: number;
  /** A stated rate may differ from the recomputed one by this many points (rounding). */
  statedRateTolerancePoints: number;
  /** Revised may differ from original + change by this many minor units. */
  revisedChangeToleranceMinor: number;
  /** Forecast revenue and expenditure may differ by this many minor units. */
  imbalanceToleranceMinor: number;
  /** An executed amount on this many lines or more is a suspicious repetition… */
  repeatedAmountMinCount: number;
  /** …when it has at least this many significant digits (round figures repeat naturally). */
  repeatedAmountMinSignificantDigits: number;
  /** Revised further than this share from the original forecast is a large revision. */
  largeRevisionPercent: number;
  /** Robust z-score (0.6745 (x − median) / MAD) above which a rate is an outlier. */
  outlierRobustZ: number;
  /** Peers needed in a group before its median means anything: with fewer, one line moves it. */
  outlierMinGroupSize: number;
  /** A figure that is a whole multiple of this (major units) is round. */
  roundUnitMajor: number;
  /** Share of round executed figures in a sheet above which it is flagged. */
  roundShareMaxPercent: number;
  /** Executed figures of at least `roundUnitMajor` needed in a sheet for the round test. */
  roundMinSample: number;
  /** Amounts needed for a Benford verdict; below, the test says the sample is too small. */
  benfordMinSample: number;
  /** Smallest amount (major units) in the digit tests; Nigrini uses amounts of 10 or more. */
  benfordMinAmountMajor: number;
  /** Nigrini's MAD limits for the first digit: close, acceptable, marginal. */
  benfordFirstDigitMad: [number, number, number];
  /** Nigrini's MAD limits for the first two digits: close, acceptable, marginal. */
  benfordFirstTwoMad: [number, number, number];
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  basis: 'revised',
  overExecutionTolerancePercent: 0,
  lowExecutionPercent: 50,
  lowExecutionOperating: true,
  revenueShortfallPercent: 70,
  subtotalToleranceMinorPerLine: 1,
  statedRateTolerancePoints: 0.5,
  revisedChangeToleranceMinor: 0,
  imbalanceToleranceMinor: 0,
  repeatedAmountMinCount: 3,
  repeatedAmountMinSignificantDigits: 3,
  largeRevisionPercent: 50,
  outlierRobustZ: 3.5,
  outlierMinGroupSize: 8,
  roundUnitMajor: 1_000_000,
  roundShareMaxPercent: 25,
  roundMinSample: 10,
  benfordMinSample: 300,
  benfordMinAmountMajor: 10,
  benfordFirstDigitMad: [0.006, 0.012, 0.015],
  benfordFirstTwoMad: [0.0012, 0.0018, 0.0022],
};

/** The defaults overridden by the given settings. */
export function resolveSettings(settings: Partial<RuleSettings> = {}): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...settings };
}

/** JSON with sorted keys, so that the same settings always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A short fingerprint of the settings (FNV-1a, 64 bits as 16 hex digits) stored with the flags,
 * so that a report can show that two runs used the same thresholds. Not a security hash.
 */
export function hashSettings(settings: RuleSettings): string {
  const text = canonicalJson(settings);
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
