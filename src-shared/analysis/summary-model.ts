import { z } from 'zod';
import { BudgetInfo, Direction, Section } from '../model';

/** Key figures of one side, in minor units; null where the file has no such figure. */
export const SideTotals = z.object({
  planned: z.number().int().nullable(),
  revised: z.number().int().nullable(),
  executed: z.number().int().nullable(),
  committed: z.number().int().nullable(),
  paid: z.number().int().nullable(),
  collected: z.number().int().nullable(),
});
export type SideTotals = z.infer<typeof SideTotals>;

/**
 * One rolled-up group (a section, a chapter) compared against its forecast.
 * `basisMinor` is the forecast used (revised by default), `ratePercent` is null when it is 0.
 */
export const GroupComparison = z.object({
  key: z.string(),
  label: z.string(),
  direction: Direction,
  section: Section.nullable(),
  chapter: z.string().nullable(),
  plannedMinor: z.number().int(),
  revisedMinor: z.number().int(),
  basisMinor: z.number().int(),
  executedMinor: z.number().int(),
  varianceMinor: z.number().int(),
  ratePercent: z.number().nullable(),
  lineCount: z.number().int(),
});
export type GroupComparison = z.infer<typeof GroupComparison>;

export const Summary = z.object({
  budget: BudgetInfo,
  basis: z.enum(['revised', 'original']),
  totals: z.object({ revenue: SideTotals, expenditure: SideTotals }),
  balance: z.object({ plannedMinor: z.number().int(), executedMinor: z.number().int() }),
  byDirection: z.array(GroupComparison),
  bySection: z.array(GroupComparison),
  byChapter: z.array(GroupComparison),
  flagCounts: z.object({
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
  }),
});
export type Summary = z.infer<typeof Summary>;
