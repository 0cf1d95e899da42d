import { z } from 'zod';
import { ImportPreview } from './model';

/**
 * The shapes of a long import that shows its stages and can be cancelled, and the calls behind
 * the rule settings of a store and the population of an entity. They live apart from
 * contract.ts so that the contract stays a readable table of names.
 */

export const ImportJobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type ImportJobState = z.infer<typeof ImportJobState>;

/**
 * One import under way or just finished. `preview` is set once the file is interpreted;
 * `budgetId` once it is stored. A cancelled job stored nothing.
 */
export const ImportJob = z.object({
  jobId: z.string(),
  state: ImportJobState,
  stage: z.enum(['read', 'interpret', 'store', 'done']),
  /** Share of the whole job done, from 0 to 1. */
  fraction: z.number().min(0).max(1),
  /** True for an import that stores the budget; false for a preview only. */
  commit: z.boolean(),
  preview: ImportPreview.nullable(),
  budgetId: z.number().int().nullable(),
  duplicate: z.boolean(),
  error: z
    .object({ code: z.string(), message: z.string(), detail: z.string().optional() })
    .nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

const Mad = z.tuple([z.number().min(0), z.number().min(0), z.number().min(0)]);
const Percent = z.number().min(0).max(10_000);
const Count = z.number().int().min(0).max(1_000_000_000);

/** Every threshold of RuleSettings with its bounds; the store keeps only what differs. */
export const RuleSettingsInput = z
  .object({
    basis: z.enum(['revised', 'original']),
    overExecutionTolerancePercent: Percent,
    lowExecutionPercent: Percent,
    lowExecutionOperating: z.boolean(),
    revenueShortfallPercent: Percent,
    subtotalToleranceMinorPerLine: Count,
    statedRateTolerancePoints: Percent,
    revisedChangeToleranceMinor: Count,
    imbalanceToleranceMinor: Count,
    repeatedAmountMinCount: Count,
    repeatedAmountMinSignificantDigits: Count,
    largeRevisionPercent: Percent,
    outlierRobustZ: z.number().min(0).max(1000),
    outlierMinGroupSize: Count,
    roundUnitMajor: z.number().min(1).max(1e15),
    roundShareMaxPercent: Percent,
    roundMinSample: Count,
    benfordMinSample: Count,
    benfordMinAmountMajor: z.number().min(0).max(1e15),
    benfordFirstDigitMad: Mad,
    benfordFirstTwoMad: Mad,
  })
  .partial()
  .strict();
export type RuleSettingsInput = z.infer<typeof RuleSettingsInput>;

/** The settings of a store: what was saved over the defaults, and the fingerprint in force. */
export const StoredRuleSettings = z.object({
  overrides: RuleSettingsInput,
  settingsHash: z.string(),
  savedAt: z.string().nullable(),
  /** Budgets whose flags were judged again with these settings by the last save. */
  reanalysed: z.number().int(),
});
export type StoredRuleSettings = z.infer<typeof StoredRuleSettings>;

export const settingsCalls = {
  'settings.get': { input: z.object({}), output: StoredRuleSettings },
  'settings.save': {
    input: z.object({ overrides: RuleSettingsInput }),
    output: StoredRuleSettings,
  },
  'population.set': {
    input: z.object({
      budgetId: z.number().int().positive(),
      count: z.number().int().min(1).max(2_000_000_000),
    }),
    output: z.object({ entity: z.string(), year: z.number().int(), count: z.number().int() }),
  },
} as const;
