import { z } from 'zod';
import type { Grid } from '../grid';
import { normaliseHeader } from './normalise-header';
import { textAt } from './sheet-cells';
import { FIELDS, type Field } from './vocabulary';

/**
 * A mapping template: how to read a file of one shape, saved so next year's file of the same
 * shape is read the same way (docs/mapping.md). Each field names a column by its header text
 * ("Prév. Atualizada") or its letter ("F"); `code` may list several columns, one per level.
 *
 *     {
 *       "version": 1,
 *       "name": "Rifaina receitas",
 *       "signature": ["codigo", "especificacao", "prev inicial", "prev atualizada"],
 *       "decimalMark": ",",
 *       "all": { "headerRows": [1], "direction": "revenue",
 *                "fields": { "code": "Código", "label": "Especificação",
 *                            "planned": "Prev. Inicial", "revised": "Prev. Atualizada",
 *                            "collected": "Arrec. Total" } },
 *       "sheets": { "Sheet1": { "skip": false } }
 *     }
 *
 * `headerRows` are 1-based as the spreadsheet shows them; `unitMultiplier` overrides a stated
 * unit (1000 for "en milliers"); `sheets` entries add to (and win over) `all` for one sheet.
 */
const FieldName = z.enum(FIELDS as [Field, ...Field[]]);
const ColumnRef = z.union([
  z.string().min(1).max(500),
  z.array(z.string().min(1).max(500)).max(10),
]);

const ColumnName = z.string().min(1).max(500);

/** A column that names the phase of each row's figure (long format), pivoted into phases. */
export const LongMapping = z.object({
  /** The column naming the phase ("YEARPERIOD": 2015ORGB, 2015ADJB…; "ETAPE": ENGAGE…). */
  phase: ColumnName,
  /** The column holding the figure. */
  amount: ColumnName,
  /** Phase code (without a fused year) → field; null leaves those rows out, reported. */
  values: z.record(z.string().max(40), FieldName.nullable()),
  /** Columns that make the line key; by default every other column. */
  key: z.array(ColumnName).max(20).optional(),
  /** The column naming the entity, when one file holds the figures of several. */
  entity: ColumnName.optional(),
});
export type LongMapping = z.infer<typeof LongMapping>;

const TableOptions = {
  headerRows: z.array(z.number().int().positive()).max(4).optional(),
  fields: z.partialRecord(FieldName, ColumnRef).optional(),
  direction: z.enum(['revenue', 'expenditure']).optional(),
  section: z.enum(['operating', 'investment']).optional(),
  /** Leave the sheet (or table) out (a summary that repeats the others). */
  skip: z.boolean().optional(),
  /** False when the codes do not follow the French account classes (6/7 operating, 1/2 capital). */
  accountClasses: z.boolean().optional(),
  /** An empty amount cell is 0 on rows with other figures (printed statutory reports). */
  blankIsZero: z.boolean().optional(),
  long: LongMapping.optional(),
  /** `transaction`: rows with the same `key` make one line, their figures summed. */
  grain: z.enum(['line', 'transaction']).optional(),
  key: z.array(ColumnName).max(20).optional(),
  /** At transaction grain, fields that repeat the line's allocation on every row: taken once. */
  once: z.array(FieldName).max(16).optional(),
};

/** A table inside a sheet: starts at the row whose first text begins with `start`. */
export const TableMapping = z.object({ start: z.string().min(1).max(200), ...TableOptions });
export type TableMapping = z.infer<typeof TableMapping>;

export const SheetMapping = z.object({
  ...TableOptions,
  /** Several tables on the sheet, each with its own header and fields (sections of a report). */
  tables: z.array(TableMapping).max(50).optional(),
});
export type SheetMapping = z.infer<typeof SheetMapping>;

export const MappingTemplate = z.object({
  version: z.literal(1),
  name: z.string().max(200).optional(),
  /** Normalised header texts the file's header carries; how a template finds its files. */
  signature: z.array(z.string().max(500)).max(200).default([]),
  encoding: z.string().max(40).optional(),
  delimiter: z.string().max(2).optional(),
  decimalMark: z.enum(['.', ',']).optional(),
  unitMultiplier: z.number().positive().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  all: SheetMapping.optional(),
  sheets: z.record(z.string().max(200), SheetMapping).optional(),
});
export type MappingTemplate = z.infer<typeof MappingTemplate>;

/** Reads a template from parsed JSON; a bad one is a reason, not a crash. */
export function parseMappingTemplate(
  input: unknown,
): { ok: true; template: MappingTemplate } | { ok: false; reason: string } {
  const parsed = MappingTemplate.safeParse(input);
  if (parsed.success) return { ok: true, template: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    reason: `${first?.path.join('.') || 'template'}: ${first?.message ?? 'invalid'}`,
  };
}

/** The mapping of one sheet: `all`, then the sheet's own entries over it. */
export function sheetMappingOf(template: MappingTemplate | null, sheet: string): SheetMapping {
  const all = template?.all ?? {};
  const own = template?.sheets?.[sheet] ?? {};
  return { ...all, ...own, fields: { ...all.fields, ...own.fields } };
}

/**
 * The share (0–1) of a template's header signature found among the first 80 rows' texts of a
 * grid's sheets. An empty signature matches nothing: a template must say what it is for.
 */
export function signatureScore(template: MappingTemplate, grid: Grid): number {
  if (template.signature.length === 0) return 0;
  const seen = new Set<string>();
  for (const sheet of grid.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 80); r += 1) {
      (sheet.rows[r] ?? []).forEach((_, c) => seen.add(normaliseHeader(textAt(sheet, r, c))));
    }
  }
  const wanted = template.signature.map(normaliseHeader);
  return wanted.filter((w) => seen.has(w)).length / wanted.length;
}

/** True when a grid carries at least 80 % of a template's header signature. */
export function matchesGrid(template: MappingTemplate, grid: Grid): boolean {
  return signatureScore(template, grid) >= 0.8;
}

/**
 * Parses `--map` text: `FIELD=HEADER[,FIELD=HEADER…]`; a header may name a column letter.
 * Unknown fields are returned as reasons. (`code=B+C+D` lists several code columns.)
 */
export function parseMapArgument(text: string): {
  fields: Partial<Record<Field, string | string[]>>;
  errors: string[];
} {
  const fields: Partial<Record<Field, string | string[]>> = {};
  const errors: string[] = [];
  for (const pair of text.split(/,(?=\s*[a-z]+\s*=)/)) {
    const [name = '', ...rest] = pair.split('=');
    const field = name.trim() as Field;
    const header = rest.join('=').trim();
    if (!FIELDS.includes(field)) errors.push(`unknown field “${name.trim()}”`);
    else if (!header) errors.push(`no header given for ${field}`);
    else fields[field] = header.includes('+') ? header.split('+').map((h) => h.trim()) : header;
  }
  return { fields, errors };
}
