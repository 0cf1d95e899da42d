import { columnLetter, type Grid } from '../grid';
import type { ImportedRow, SheetPreview } from '../model';
import type { ColumnPlan } from './map-columns';
import { normaliseHeader } from './normalise-header';
import type { MappingTemplate, SheetMapping } from './mapping';
import type { Field } from './vocabulary';

const SUMMARY_NAME =
  /equilibre|balance|summary|synth[eè]se|r[ée]capitulatif|recap|r[ée]sum[ée]|overview/i;

/**
 * Why a sheet repeats the others and must not be counted twice, or null. A sheet named like a
 * summary (EQUILIBRE, Récapitulatif) is one; so is a sheet whose coded figures mostly stand,
 * with the same code and amount, on other sheets.
 */
export function isSummaryOf(
  reading: { preview: SheetPreview; rows: ImportedRow[] },
  others: { rows: ImportedRow[] }[],
): string | null {
  if (others.length === 0) return null;
  if (SUMMARY_NAME.test(reading.preview.name)) {
    return 'summary of the other sheets (its name says so): left out so nothing counts twice';
  }
  // Counts first: most sheets are no summary, and say so before any figure is compared.
  let otherFigures = 0;
  for (const other of others) for (const row of other.rows) otherFigures += row.amounts.length;
  let figures = 0;
  for (const row of reading.rows) if (row.code) figures += row.amounts.length;
  if (figures < 4 || figures >= otherFigures) return null;

  // The other sheets' coded figures by code: a few amounts per code, and no key string built
  // per figure (at a million lines those strings were most of the import's summary check).
  const byCode = new Map<string, number[]>();
  for (const other of others) {
    for (const row of other.rows) {
      if (!row.code || row.amounts.length === 0) continue;
      let values = byCode.get(row.code);
      if (!values) byCode.set(row.code, (values = []));
      for (const a of row.amounts) values.push(a.valueMinor);
    }
  }
  const needed = 0.8 * figures;
  let repeated = 0;
  let missed = 0;
  for (const row of reading.rows) {
    if (!row.code) continue;
    const values = byCode.get(row.code);
    for (const a of row.amounts) {
      if (values?.includes(a.valueMinor)) repeated++;
      // Past this many misses the sheet can no longer be a summary.
      else if (++missed > figures - needed) return null;
    }
  }
  if (repeated >= needed) {
    return `repeats ${repeated} figures of the other sheets: left out so nothing counts twice`;
  }
  return null;
}

function fieldsOf(plan: ColumnPlan): Partial<Record<Field, string | string[]>> {
  const fields: Partial<Record<Field, string | string[]>> = {};
  if (plan.codeCols.length > 0) fields.code = plan.codeCols.map(columnLetter);
  for (const c of plan.columns) {
    if (!c.field || c.field === 'code' || !c.phase) continue;
    const field = (c.phase === 'original' ? 'planned' : c.phase) as Field;
    const held = fields[field];
    const name = c.header || c.column;
    // Several columns of one field (two change columns, Rec | Dev) are listed, none dropped.
    if (held === undefined) fields[field] = name;
    else if (!(Array.isArray(held) ? held : [held]).includes(name))
      fields[field] = [...(Array.isArray(held) ? held : [held]), name];
  }
  if (plan.labelCol !== null) fields.label = columnLetter(plan.labelCol);
  if (plan.rateCol !== null) fields.rate = columnLetter(plan.rateCol);
  return fields;
}

/**
 * The template that reproduces a reading: per used sheet its header rows, each field by header
 * text (amounts) or letter (code, label), its direction; the header texts as signature.
 */
export function buildTemplate(
  grid: Grid,
  sheets: { preview: SheetPreview; plan: ColumnPlan }[],
  base: MappingTemplate | null,
  unitMultiplier: number | null,
): MappingTemplate {
  const out: Record<string, SheetMapping> = {};
  const signature = new Set<string>();
  for (const { preview, plan } of sheets) {
    out[preview.name] = {
      headerRows: preview.headerRows,
      fields: fieldsOf(plan),
      ...(preview.direction ? { direction: preview.direction } : {}),
    };
    for (const c of preview.columns)
      if (c.header) signature.add(normaliseHeader(c.header.split(' / ').pop() ?? ''));
  }
  signature.delete('');
  return {
    version: 1,
    ...(base?.name ? { name: base.name } : {}),
    signature: base?.signature.length ? base.signature : [...signature].slice(0, 40),
    ...(grid.encoding ? { encoding: grid.encoding } : {}),
    ...(grid.delimiter ? { delimiter: grid.delimiter } : {}),
    ...(base?.decimalMark ? { decimalMark: base.decimalMark } : {}),
    ...(unitMultiplier && unitMultiplier !== 1 ? { unitMultiplier } : {}),
    sheets: out,
  };
}
