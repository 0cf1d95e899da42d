import { z } from 'zod';

/** Which side of the budget a line belongs to. */
export const Direction = z.enum(['revenue', 'expenditure']);
export type Direction = z.infer<typeof Direction>;

/** Operating (fonctionnement) or capital (investissement) section. */
export const Section = z.enum(['operating', 'investment']);
export type Section = z.infer<typeof Section>;

/**
 * The stage a figure stands for. `original` is the budget primitif, `revised` the final
 * forecast (prévisions définitives), `change` the modifications between them. Expenditure runs
 * committed → liquidated → ordered → paid, revenue assessed → collected; `executed` is a
 * figure whose stage the file does not say ("Réalisations"). `remaining` is what is left.
 */
export const Phase = z.enum([
  'original',
  'revised',
  'change',
  'committed',
  'liquidated',
  'ordered',
  'paid',
  'assessed',
  'collected',
  'executed',
  'remaining',
]);
export type Phase = z.infer<typeof Phase>;

/** Stages that count as execution, in the order they happen. */
export const EXPENDITURE_STAGES = ['committed', 'liquidated', 'ordered', 'paid'] as const;
export const REVENUE_STAGES = ['assessed', 'collected'] as const;
export const EXECUTION_PHASES = [
  'committed',
  'liquidated',
  'ordered',
  'paid',
  'assessed',
  'collected',
  'executed',
] as const satisfies readonly Phase[];

/** What a row of a sheet turned out to be. Only `line` rows are added up. */
export const RowKind = z.enum([
  'line',
  'heading',
  'subtotal',
  'total',
  'banner',
  'header',
  'note',
  'blank',
  'ignored',
  'unclassified',
]);
export type RowKind = z.infer<typeof RowKind>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * Something the importer wants a person to know, located as precisely as it can be.
 * `row` is 1-based as a spreadsheet shows it; `column` is the letter (A, B, … AA) or, for CSV,
 * the column's header when known.
 */
export const ImportIssue = z.object({
  severity: Severity,
  code: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** One figure of a line, in integer minor units of the budget's currency, with its cell. */
export const ImportedAmount = z.object({
  phase: Phase,
  valueMinor: z.number().int(),
  /** A1 address in the sheet, e.g. "F12". */
  cell: z.string(),
  /** The text as the file had it, for provenance ("1 234 567", "(1 234)"). */
  sourceText: z.string().nullable(),
  /**
   * When several cells make this figure (two change columns, rows of one line at transaction
   * grain), each of them; `valueMinor` is their sum and `cell` the first one.
   */
  parts: z
    .array(
      z.object({
        cell: z.string(),
        valueMinor: z.number().int(),
        sourceText: z.string().nullable(),
      }),
    )
    .optional(),
});
export type ImportedAmount = z.infer<typeof ImportedAmount>;

/** A row of the file after classification and normalisation. */
export const ImportedRow = z.object({
  sheet: z.string(),
  /** 1-based row number as the spreadsheet shows it. */
  row: z.number().int(),
  kind: RowKind,
  /** Why the row got its kind, in plain words ("label starts with 'Total'"). */
  reason: z.string(),
  code: z.string().nullable(),
  label: z.string().nullable(),
  direction: Direction.nullable(),
  section: Section.nullable(),
  /** Code of the parent line or heading when the hierarchy is known. */
  parentCode: z.string().nullable(),
  /** 0 for a chapter, 1 for an article, 2 for a paragraph… */
  level: z.number().int(),
  amounts: z.array(ImportedAmount),
  /** The rate the file states, as a percentage (63.5), to check against the amounts. */
  statedRatePercent: z.number().nullable(),
  hidden: z.boolean(),
  /** Values of the line-key columns by header, for lines grouped or pivoted by a key. */
  keyValues: z.record(z.string(), z.string()).optional(),
});
export type ImportedRow = z.infer<typeof ImportedRow>;

/** How one column of one table was understood. */
export const ColumnMapping = z.object({
  column: z.string(),
  header: z.string(),
  field: z.string().nullable(),
  phase: Phase.nullable(),
  /** The header words that matched, or "template", or "user". */
  because: z.string(),
  confidence: z.number().min(0).max(1),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** A stated total row of the file beside the sum of the lines it closes. */
export const Reconciliation = z.object({
  sheet: z.string(),
  row: z.number().int(),
  label: z.string(),
  phase: Phase,
  statedMinor: z.number().int(),
  computedMinor: z.number().int(),
  differenceMinor: z.number().int(),
  /** What hidden lines among those closed hold; excluded from totals by default. */
  hiddenMinor: z.number().int().optional(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const SheetPreview = z.object({
  name: z.string(),
  used: z.boolean(),
  /** Why a sheet was left out ("summary of the other sheets", "no header found"). */
  reason: z.string(),
  headerRows: z.array(z.number().int()),
  columns: z.array(ColumnMapping),
  direction: Direction.nullable(),
  rowCounts: z.record(z.string(), z.number().int()),
});
export type SheetPreview = z.infer<typeof SheetPreview>;

export const FileFormat = z.enum(['xlsx', 'xlsm', 'xls', 'ods', 'csv']);
export type FileFormat = z.infer<typeof FileFormat>;

/** What an import would store: shown to the user before anything is written. */
export const ImportPreview = z.object({
  file: z.object({
    name: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    format: FileFormat,
    encoding: z.string().nullable(),
    /** CSV only: the delimiter the reader found (or was given); absent for workbooks. */
    delimiter: z.string().nullable().optional(),
  }),
  entity: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  currency: z.string(),
  /** Digits of the minor unit: 0 for GNF, 2 for EUR. */
  currencyExponent: z.number().int().min(0).max(4),
  /** A stated unit ("en milliers") multiplies every amount; 1 when none. */
  unitMultiplier: z.number().positive(),
  unitSource: z.string().nullable(),
  sheets: z.array(SheetPreview),
  rows: z.array(ImportedRow),
  issues: z.array(ImportIssue),
  reconciliations: z.array(Reconciliation),
  /** The mapping template that reproduces this reading (see src-shared/import/mapping.ts). */
  mapping: z.unknown(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const BudgetVersion = z.enum(['primitif', 'revised', 'compte-administratif']);
export type BudgetVersion = z.infer<typeof BudgetVersion>;

/** Which stage counts as "executed" for each side; shown in every report. */
export const ExecutedStage = z.object({
  revenue: Phase,
  expenditure: Phase,
});
export type ExecutedStage = z.infer<typeof ExecutedStage>;

export const BudgetInfo = z.object({
  id: z.number().int(),
  entity: z.string(),
  fiscalYear: z.number().int().nullable(),
  currency: z.string(),
  currencyExponent: z.number().int(),
  version: BudgetVersion,
  executedStage: ExecutedStage,
  sourceFile: z.string(),
  sourceSha256: z.string(),
  importedAt: z.string(),
  lineCount: z.number().int(),
  population: z.number().int().nullable(),
});
export type BudgetInfo = z.infer<typeof BudgetInfo>;

/** A stored line as the analysis reads it; amounts are minor units by phase. */
export const BudgetLine = z.object({
  id: z.number().int(),
  sheet: z.string(),
  row: z.number().int(),
  kind: RowKind,
  code: z.string().nullable(),
  label: z.string().nullable(),
  direction: Direction.nullable(),
  section: Section.nullable(),
  /** The chapter's code (first level of the hierarchy), or null. */
  chapter: z.string().nullable(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  hidden: z.boolean(),
  amounts: z.partialRecord(Phase, z.number().int()),
  cells: z.partialRecord(Phase, z.string()),
  statedRatePercent: z.number().nullable(),
  /**
   * The values of the template's key columns on the line's row (fund, unit, account…), when
   * the file names a line by more than its code. Two lines with one code and different keys are
   * two lines.
   */
  keyValues: z.record(z.string(), z.string()).optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const ReviewStatus = z.enum(['explained', 'confirmed', 'dismissed']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const Review = z.object({
  status: ReviewStatus,
  note: z.string(),
  reviewer: z.string(),
  at: z.string(),
});
export type Review = z.infer<typeof Review>;

/** A finding of a rule, with the figures behind its message and the cells it points to. */
export const Flag = z.object({
  id: z.number().int().optional(),
  rule: z.string(),
  severity: Severity,
  lineId: z.number().int().nullable(),
  code: z.string().nullable(),
  label: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  cells: z.array(z.string()),
  message: z.string(),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  review: Review.nullable(),
});
export type Flag = z.infer<typeof Flag>;
