import { z } from 'zod';
import { BudgetInfo, Direction, Phase, Section } from '../model';

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
 * `basisMinor` is the forecast used (revised by default), `ratePercent` is null when it is 0
 * or when the group has no execution figure.
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
  /** Null when no line of the group has an execution figure (a forecast-only file). */
  executedMinor: z.number().int().nullable(),
  /** Executed minus basis; null with `executedMinor`. */
  varianceMinor: z.number().int().nullable(),
  ratePercent: z.number().nullable(),
  lineCount: z.number().int(),
  /** Executed rate minus 100, in points; null with the rate. */
  variancePoints: z.number().nullable(),
  /** The group's share of its direction's forecast (basis) and of its executed total, in %. */
  basisSharePercent: z.number().nullable(),
  executedSharePercent: z.number().nullable(),
  /** Executed share minus forecast share, in points: how the composition moved. */
  shareChangePoints: z.number().nullable(),
  /** Minor units per resident (not rounded); null when the population is not known. */
  basisPerResidentMinor: z.number().nullable(),
  executedPerResidentMinor: z.number().nullable(),
});
export type GroupComparison = z.infer<typeof GroupComparison>;

/** Which stage gave the executed figures of one side: the chosen one and the lines per stage. */
export const StageUse = z.object({
  chosen: Phase,
  /** Lines counted per phase actually read; a phase other than `chosen` is a fallback. */
  linesByPhase: z.partialRecord(Phase, z.number().int()),
  /** Lines with a forecast but no execution figure at any stage. */
  linesWithoutExecution: z.number().int(),
});
export type StageUse = z.infer<typeof StageUse>;

/** Revenue minus expenditure of one section (or of the whole budget when section is null). */
export const SectionBalance = z.object({
  section: Section.nullable(),
  plannedMinor: z.number().int(),
  revisedMinor: z.number().int(),
  basisMinor: z.number().int(),
  /** Null when a side that has lines has no execution figure at all. */
  executedMinor: z.number().int().nullable(),
});
export type SectionBalance = z.infer<typeof SectionBalance>;

export const Summary = z.object({
  budget: BudgetInfo,
  basis: z.enum(['revised', 'original']),
  totals: z.object({ revenue: SideTotals, expenditure: SideTotals }),
  /** Revenue minus expenditure over the whole budget; planned is the original forecast. */
  balance: z.object({
    plannedMinor: z.number().int(),
    executedMinor: z.number().int().nullable(),
    revisedMinor: z.number().int(),
    basisMinor: z.number().int(),
  }),
  balanceBySection: z.array(SectionBalance),
  /**
   * Totals with the transfer between sections counted once: the transfer lines (chapters 021 /
   * 023, or labelled "virement" / "prélèvement" between sections) are left out of both sides.
   * `totals` keeps them, as the file's own TOTAL rows do and as each section's balance needs.
   */
  consolidated: z.object({ revenue: SideTotals, expenditure: SideTotals }),
  transfers: z.object({
    revenue: SideTotals,
    expenditure: SideTotals,
    lineIds: z.array(z.number().int()),
  }),
  executedStage: z.object({ revenue: StageUse, expenditure: StageUse }),
  /** Lines of kind `line` left out of every total because their direction is unknown. */
  linesWithoutDirection: z.number().int(),
  /**
   * Lines on rows the file hides, left out of every total and group by default, and what they
   * hold by side (the forecast used as basis and the executed figure), so the gap can be shown.
   */
  hiddenExcluded: z.object({
    lines: z.number().int(),
    revenue: z.object({ basisMinor: z.number().int(), executedMinor: z.number().int() }),
    expenditure: z.object({ basisMinor: z.number().int(), executedMinor: z.number().int() }),
  }),
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
