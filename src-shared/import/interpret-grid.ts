import type { ImportOptions } from '../contract';
import type { Grid, GridSheet } from '../grid';
import type {
  Direction,
  ImportedRow,
  ImportIssue,
  ImportPreview,
  Reconciliation,
  SheetPreview,
} from '../model';
import { currencyExponent, detectCurrency } from '../numbers/currency';
import { classifyRows, contextOf } from './classify-rows';
import { findHeader } from './find-header';
import { mapColumns, type ColumnPlan } from './map-columns';
import { parseMappingTemplate, sheetMappingOf, type MappingTemplate } from './mapping';
import { readRows } from './read-rows';
import { reconcile } from './reconcile';
import { filledColumns, textAt } from './sheet-cells';
import { buildTemplate, isSummaryOf } from './sheet-summary';
import { readTitleFacts, unitIn, yearIn } from './title-facts';
import type { Field } from './vocabulary';

/** What the import service passes: the command line's options (src-shared/contract.ts). */
export type InterpretOptions = ImportOptions;

interface SheetReading {
  preview: SheetPreview;
  rows: ImportedRow[];
  issues: ImportIssue[];
  reconciliations: Reconciliation[];
  plan: ColumnPlan | null;
}

const SILENT_KINDS = new Set(['header', 'note', 'banner', 'blank', 'heading']);

function titleTexts(sheet: GridSheet, before: number): string[] {
  const texts: string[] = [];
  for (let r = 0; r < Math.min(before, 40); r += 1) {
    for (const c of filledColumns(sheet, r)) texts.push(textAt(sheet, r, c));
  }
  return texts;
}

function sampleTexts(sheet: GridSheet): string[] {
  const texts: string[] = [];
  for (let r = 0; r < Math.min(sheet.rows.length, 500); r += 1) {
    for (const c of filledColumns(sheet, r)) texts.push(textAt(sheet, r, c));
  }
  return texts;
}

function emptySheet(sheet: GridSheet, reason: string): SheetReading {
  const preview = { name: sheet.name, used: false, reason, headerRows: [], columns: [], direction: null, rowCounts: {} };
  return { preview, rows: [], issues: [], reconciliations: [], plan: null };
} // prettier-ignore

function readSheet(
  grid: Grid,
  sheet: GridSheet,
  options: InterpretOptions,
  template: MappingTemplate | null,
  money: { exponent: number; unitMultiplier: number },
): SheetReading {
  const own = sheetMappingOf(template, sheet.name);
  if (own.skip) return emptySheet(sheet, 'left out by the template');
  const header = findHeader(
    sheet,
    own.headerRows?.map((r) => r - 1),
  );
  if (!header) return emptySheet(sheet, 'no table header found');
  const user = options.map as Partial<Record<Field, string>> | undefined;
  const plan = mapColumns(sheet, header, { template: own.fields ?? {}, user: user ?? {} });
  if (plan.amounts.length === 0) return emptySheet(sheet, 'no amount column recognised');

  const fallback = grid.delimiter === ';' || grid.delimiter === '\t' ? ',' : '.';
  const decimalMark = template?.decimalMark ?? null;
  const ctx = { grid, sheet, header, plan, ...money, decimalMark };
  const table = readRows(ctx, fallback);
  const sheetContext = contextOf(sheet.name);
  const direction: Direction | null =
    own.direction ?? sheetContext.direction ?? contextOf(grid.fileName).direction;
  const forced = options.direction ?? null;
  const classes = classifyRows(table.raws, {
    direction,
    section: own.section ?? sheetContext.section,
    forced,
  });

  const rows: ImportedRow[] = [];
  const rowCounts: Record<string, number> = {};
  const issues = table.issues.filter(
    (i) => !SILENT_KINDS.has(classes[table.raws.findIndex((r) => r.row + 1 === i.row)]?.kind ?? ''),
  );
  table.raws.forEach((raw, i) => {
    const c = classes[i]!;
    rowCounts[c.kind] = (rowCounts[c.kind] ?? 0) + 1;
    if (c.kind === 'blank') return;
    if (raw.hidden) issues.push({ severity: 'info', code: 'hidden-row', file: grid.fileName, sheet: sheet.name, row: raw.row + 1, column: null, message: `Ligne ${raw.row + 1} : ligne masquée dans le fichier (${c.kind === 'line' ? 'exclue des totaux par défaut' : 'gardée pour contrôle'})` });
    if (c.kind === 'unclassified') issues.push({ severity: 'warning', code: 'unclassified-row', file: grid.fileName, sheet: sheet.name, row: raw.row + 1, column: null, message: `Ligne ${raw.row + 1} : ligne non reconnue (${c.reason})` });
    rows.push({ sheet: sheet.name, row: raw.row + 1, kind: c.kind, reason: c.reason, code: raw.code, label: raw.label, direction: c.direction, section: c.section, parentCode: c.parentCode, level: c.level, amounts: table.amounts[i]!, statedRatePercent: table.rates[i] ?? null, hidden: raw.hidden });
  }); // prettier-ignore

  const reconciliations = reconcile(sheet.name, table.raws, classes);
  for (const rec of reconciliations.filter((x) => x.differenceMinor !== 0)) {
    const cell = table.amounts[table.raws.findIndex((r) => r.row + 1 === rec.row)]?.find((a) => a.phase === rec.phase)?.cell ?? null;
    issues.push({ severity: 'warning', code: 'total-mismatch', file: grid.fileName, sheet: sheet.name, row: rec.row, column: cell?.replace(/\d+$/, '') ?? null, message: `Ligne ${rec.row} « ${rec.label} » (${rec.phase}) : le total indiqué ${rec.statedMinor} diffère de la somme des lignes ${rec.computedMinor} (écart ${rec.differenceMinor}, en unités mineures)` });
  } // prettier-ignore

  const preview: SheetPreview = {
    name: sheet.name,
    used: true,
    reason: `header on row ${header.rows.map((r) => r + 1).join('–')}`,
    headerRows: header.rows.map((r) => r + 1),
    columns: plan.columns,
    direction: forced ?? direction,
    rowCounts,
  };
  return { preview, rows, issues, reconciliations, plan };
}

/**
 * Interprets a grid as an executed budget: finds each sheet's table, maps its columns, reads
 * and classifies its rows, checks the file's own totals, and says what it left out and why.
 * Pure: the same grid and options always give the same preview. Bad input becomes issues
 * (in French, located by sheet, row and column), never an exception.
 */
export function interpretGrid(
  grid: Grid,
  file: { name: string; sha256: string; sizeBytes: number },
  options: InterpretOptions,
): ImportPreview {
  const issues: ImportIssue[] = grid.notes.map((n) => ({ ...n, file: file.name }));
  let template: MappingTemplate | null = null;
  if (options.mapping !== undefined) {
    const parsed = parseMappingTemplate(options.mapping);
    if (parsed.ok) template = parsed.template;
    else issues.push({ severity: 'error', code: 'bad-template', file: file.name, sheet: null, row: null, column: null, message: `Modèle de lecture invalide : ${parsed.reason}` }); // prettier-ignore
  }

  const chosen = grid.sheets.filter(
    (s) => !options.sheets?.length || options.sheets.includes(s.name),
  );
  const titles = grid.sheets.flatMap((s) => titleTexts(s, findHeader(s)?.rows[0] ?? 15));
  const headerNames = chosen.flatMap((s) => findHeader(s)?.columns.map((c) => c.name) ?? []);
  const facts = readTitleFacts(titles);
  const headerUnit = headerNames.map(unitIn).find((u) => u) ?? null;
  const unit = template?.unitMultiplier
    ? { multiplier: template.unitMultiplier, source: 'template' }
    : (facts.unit ?? headerUnit);
  // Labels speak last: "Emprunts en Ariary" names the currency when no title does.
  const detected =
    detectCurrency([...titles, ...headerNames]) ?? detectCurrency(chosen.flatMap(sampleTexts));
  const currency = options.currency ?? template?.currency ?? detected?.code ?? 'XXX';
  if (currency === 'XXX') issues.push({ severity: 'info', code: 'currency-unknown', file: file.name, sheet: null, row: null, column: null, message: 'Le fichier ne dit pas sa devise : précisez-la (--currency)' }); // prettier-ignore
  const money = { exponent: currencyExponent(currency), unitMultiplier: unit?.multiplier ?? 1 };

  const readings = grid.sheets.map((sheet) =>
    chosen.includes(sheet) ? readSheet(grid, sheet, options, template, money) : emptySheet(sheet, 'not among the sheets asked for'),
  ); // prettier-ignore
  for (const reading of readings) {
    if (!reading.preview.used) continue;
    const others = readings.filter((r) => r !== reading && r.preview.used);
    const summary = isSummaryOf(reading, others);
    if (!summary) continue;
    Object.assign(reading, { rows: [], reconciliations: [], issues: [] });
    Object.assign(reading.preview, { used: false, reason: summary });
  }

  const fileYear = yearIn(file.name.replace(/[_-]/g, ' '));
  return {
    file: { name: file.name, sha256: file.sha256, sizeBytes: file.sizeBytes, format: grid.format, encoding: grid.encoding },
    entity: options.entity ?? facts.entity?.name ?? null,
    fiscalYear: options.year ?? facts.year?.value ?? fileYear?.value ?? null,
    currency,
    currencyExponent: money.exponent,
    unitMultiplier: money.unitMultiplier,
    unitSource: unit?.source ?? null,
    sheets: readings.map((r) => r.preview),
    rows: readings.flatMap((r) => r.rows),
    issues: [...issues, ...readings.flatMap((r) => r.issues)],
    reconciliations: readings.flatMap((r) => r.reconciliations),
    mapping: buildTemplate(grid, readings.filter((r) => r.preview.used).map((r) => ({ preview: r.preview, plan: r.plan! })), template, unit?.multiplier ?? null),
  }; // prettier-ignore
}
