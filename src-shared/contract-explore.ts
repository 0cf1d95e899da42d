import { z } from 'zod';
import { Summary } from './analysis/summary-model';
import { BudgetInfo, ColumnMapping, Flag, Phase } from './model';

/**
 * The shapes of the calls behind exploring, comparing and presenting a budget. They live apart
 * from contract.ts so that the contract stays a readable table of names.
 */

/** The lines of a budget as an Apache Arrow IPC stream, base64-encoded for JSON transport. */
export const LinesArrow = z.object({
  rowCount: z.number().int(),
  arrowBase64: z.string(),
});
export type LinesArrow = z.infer<typeof LinesArrow>;

/** One figure of a line with the cell it was read from and the text the file had there. */
export const ProvenanceAmount = z.object({
  phase: Phase,
  valueMinor: z.number().int(),
  cell: z.string(),
  sourceText: z.string().nullable(),
});
export type ProvenanceAmount = z.infer<typeof ProvenanceAmount>;

/**
 * Where a figure came from. Without a line it describes a budget's totals: the file, its
 * columns and the stage counted; with a line, also its row, cells and flags.
 */
export const Provenance = z.object({
  budget: BudgetInfo,
  file: z.object({
    name: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    format: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
  }),
  /** The columns as the import understood them, per sheet used. */
  sheets: z.array(z.object({ name: z.string(), columns: z.array(ColumnMapping) })),
  /** The mapping template the import used or produced, as stored. */
  mapping: z.unknown(),
  line: z
    .object({
      id: z.number().int(),
      sheet: z.string(),
      row: z.number().int(),
      code: z.string().nullable(),
      label: z.string().nullable(),
      kind: z.string(),
      executedPhase: Phase.nullable(),
      amounts: z.array(ProvenanceAmount),
    })
    .nullable(),
  flags: z.array(Flag),
});
export type Provenance = z.infer<typeof Provenance>;

const Side = z.object({ forecastMinor: z.number().int(), executedMinor: z.number().int() });

export const MatchedLine = z.object({
  key: z.string(),
  code: z.string(),
  label: z.string().nullable(),
  a: Side.nullable(),
  b: Side.nullable(),
  executedChangePercent: z.number().nullable(),
});

export const Comparison = z.object({
  mode: z.enum(['years', 'entities']),
  summaries: z.tuple([Summary, Summary]),
  lines: z.array(MatchedLine),
  appeared: z.array(MatchedLine),
  disappeared: z.array(MatchedLine),
  recoded: z.array(z.object({ from: MatchedLine, to: MatchedLine })),
  flags: z.array(Flag),
});
export type Comparison = z.infer<typeof Comparison>;

const PefaYear = z.object({
  fiscalYear: z.number().int(),
  budgetMinor: z.number(),
  actualMinor: z.number(),
  valuePercent: z.number().nullable(),
});

export const PefaResult = z.object({
  fiscalYears: z.array(z.number().int()),
  graded: z.boolean(),
  indicators: z.array(
    z.object({
      id: z.enum(['PI-1', 'PI-2', 'PI-3']),
      grade: z.string().nullable(),
      method: z.enum(['single', 'M1', 'M2']),
      explanation: z.string(),
      dimensions: z.array(
        z.object({
          id: z.enum(['PI-1', 'PI-2.1', 'PI-2.2', 'PI-2.3', 'PI-3.1', 'PI-3.2']),
          years: z.array(PefaYear),
          grade: z.string().nullable(),
          explanation: z.string(),
        }),
      ),
    }),
  ),
});
export type PefaResult = z.infer<typeof PefaResult>;

/** What the facilitator changed in a budget's deck; slides are named by their stable id. */
export const DeckSettings = z.object({
  order: z.array(z.string().max(60)).max(100),
  hidden: z.array(z.string().max(60)).max(100),
  notes: z.record(z.string().max(60), z.string().max(2000)),
});
export type DeckSettings = z.infer<typeof DeckSettings>;

const BudgetId = z.number().int().positive();

export const exploreCalls = {
  'budgets.linesArrow': { input: z.object({ budgetId: BudgetId }), output: LinesArrow },
  'lines.provenance': {
    input: z.object({ budgetId: BudgetId, lineId: z.number().int().positive().optional() }),
    output: Provenance,
  },
  'budgets.compare': {
    input: z.object({
      a: BudgetId,
      b: BudgetId,
      basis: z.enum(['revised', 'original']).optional(),
      lang: z.enum(['fr', 'en']).default('fr'),
    }),
    output: Comparison,
  },
  'pefa.compute': {
    input: z.object({
      entity: z.string().min(1).max(200),
      lang: z.enum(['fr', 'en']).default('fr'),
    }),
    output: PefaResult,
  },
  'deck.get': { input: z.object({ budgetId: BudgetId }), output: DeckSettings.nullable() },
  'deck.save': {
    input: z.object({ budgetId: BudgetId, deck: DeckSettings }),
    output: DeckSettings,
  },
} as const;
