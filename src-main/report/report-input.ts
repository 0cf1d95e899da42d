import { z } from 'zod';
import { BudgetInfo, BudgetLine, Flag } from '../../src-shared/model';
import type { PefaResult } from '../../src-shared/analysis/pefa';
import { Summary } from '../../src-shared/analysis/summary-model';

/** A file an import read, as the provenance annex shows it. */
export const ReportSource = z.object({
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  format: z.string(),
  sheets: z.array(z.string()),
  importedAt: z.string(),
  mapping: z.unknown(),
});
export type ReportSource = z.infer<typeof ReportSource>;

/**
 * Everything an export needs, gathered once by the caller (store, CLI, app) so that every
 * format is a pure function of it. `generatedAt` is an ISO date-time; it is passed in rather
 * than read from the clock so that two exports of the same input are byte for byte equal.
 */
export const ReportInput = z.object({
  budget: BudgetInfo,
  summary: Summary,
  lines: z.array(BudgetLine),
  flags: z.array(Flag),
  sources: z.array(ReportSource),
  settings: z.record(z.string(), z.unknown()),
  lang: z.enum(['fr', 'en']),
  generatedAt: z.string(),
  /** PEFA PI-1 to PI-3 over the entity's last years, when the caller computed them. */
  pefa: z
    .custom<PefaResult>(
      (v) => typeof v === 'object' && v !== null && Array.isArray((v as PefaResult).indicators),
    )
    .optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

export type ReportLang = ReportInput['lang'];
