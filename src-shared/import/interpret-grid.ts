import type { ImportOptions } from '../contract';
import type { Grid, GridSheet } from '../grid';
import type {
  ImportedRow,
  ImportIssue,
  ImportPreview,
  Reconciliation,
  SheetPreview,
} from '../model';
import { currencyExponent, detectCurrency } from '../numbers/currency';
import { findHeader, type HeaderBlock } from './find-header';
import type { ColumnPlan, FieldOverrides } from './map-columns';
import {
  parseMappingTemplate,
  sheetMappingOf,
  type MappingTemplate,
  type SheetMapping,
} from './mapping';
import type { LongPick } from './long-budgets';
import { readTable, type TableReading } from './read-table';
import { filledColumns, textAt } from './sheet-cells';
import { findHeaderByNames, tableSegments } from './sheet-tables';
import { buildTemplate, isSummaryOf } from './sheet-summary';
import { readTitleFacts, unitIn, yearIn } from './title-facts';

/** What the import service passes: the command line's options (src-shared/contract.ts). */
export type InterpretOptions = ImportOptions;

interface SheetReading {
  preview: SheetPreview;
  rows: ImportedRow[];
  issues: ImportIssue[];
  reconciliations: Reconciliation[];
  plan: ColumnPlan | null;
  pick?: LongPick;
}

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

/** The header texts a mapping names (letters left out), to find a table's header by. */
function headerTexts(mapping: SheetMapping): string[] {
  const fields = Object.values(mapping.fields ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v]));
  const long = mapping.long ? [mapping.long.phase, mapping.long.amount] : [];
  return [...fields, ...long, ...(mapping.key ?? [])];
}

/** A fixed header, else the vocabulary's, else the row that holds the template's header texts. */
function headerOf(sheet: GridSheet, mapping: SheetMapping, from: number, to: number, inTable: boolean) {
  if (mapping.headerRows?.length) return findHeader(sheet, mapping.headerRows.map((r) => r - 1));
  if (inTable) return findHeaderByNames(sheet, headerTexts(mapping), from, to);
  return findHeader(sheet) ?? findHeaderByNames(sheet, headerTexts(mapping), from, to);
} // prettier-ignore

function readSheet(
  grid: Grid,
  sheet: GridSheet,
  options: InterpretOptions,
  template: MappingTemplate | null,
  money: { currency: string; exponent: number; unitMultiplier: number },
): SheetReading {
  const own = sheetMappingOf(template, sheet.name);
  if (own.skip) return emptySheet(sheet, 'left out by the template');
  const inTables = !!own.tables?.length;
  const cut = inTables
    ? tableSegments(sheet, own, own.tables!)
    : { segments: [{ from: 0, to: sheet.rows.length, mapping: own }], missing: [] };
  const ctx = { grid, sheet, money, decimalMark: template?.decimalMark ?? null, user: (options.map ?? {}) as FieldOverrides, forced: options.direction ?? null, year: options.year ?? null, entity: options.entity ?? null }; // prettier-ignore
  const note = (row: number | null, message: string): ImportIssue => ({ severity: 'info', code: 'table-left-out', file: grid.fileName, sheet: sheet.name, row, column: null, message }); // prettier-ignore
  const issues: ImportIssue[] = cut.missing.map((m) => note(null, `Tableau « ${m} » attendu par le modèle, absent de la feuille`)); // prettier-ignore
  const tables: { header: HeaderBlock; reading: TableReading }[] = [];

  for (const { from, to, mapping } of cut.segments) {
    const title = inTables ? `Lignes ${from + 1}–${to} (« ${sheet.rows[from] ? textAt(sheet, from, filledColumns(sheet, from)[0] ?? 0) : ''} »)` : ''; // prettier-ignore
    if (mapping.skip) {
      issues.push(note(from + 1, `${title} : tableau laissé de côté par le modèle`));
      continue;
    }
    const header = headerOf(sheet, mapping, from, to, inTables);
    const reading = header ? readTable(ctx, header, mapping, to) : null;
    if (!header || !reading) {
      if (inTables) issues.push(note(from + 1, `${title} : ${header ? 'aucune colonne de montant' : 'en-tête introuvable'}`)); // prettier-ignore
      continue;
    }
    tables.push({ header, reading });
  }
  const first = tables[0];
  if (!first) return { ...emptySheet(sheet, inTables ? 'no table of the template found' : 'no table header found or no amount column recognised'), issues }; // prettier-ignore

  const rowCounts: Record<string, number> = {};
  for (const { reading } of tables) for (const [k, n] of Object.entries(reading.rowCounts)) rowCounts[k] = (rowCounts[k] ?? 0) + n; // prettier-ignore
  const headerRows = tables.flatMap((t) => t.header.rows.map((r) => r + 1));
  const preview: SheetPreview = {
    name: sheet.name,
    used: true,
    reason: `header on row ${tables.map((t) => t.header.rows.map((r) => r + 1).join('–')).join(', ')}`,
    headerRows: inTables ? headerRows : first.header.rows.map((r) => r + 1),
    columns: tables.flatMap((t) => t.reading.plan.columns),
    direction: first.reading.direction,
    rowCounts,
  };
  return {
    preview,
    rows: tables.flatMap((t) => t.reading.rows),
    issues: [...issues, ...tables.flatMap((t) => t.reading.issues)],
    reconciliations: tables.flatMap((t) => t.reading.reconciliations),
    plan: first.reading.plan,
    ...(first.reading.pick ? { pick: first.reading.pick } : {}),
  };
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
  const money = {
    currency,
    exponent: currencyExponent(currency),
    unitMultiplier: unit?.multiplier ?? 1,
  };

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
  const pick = readings.find((r) => r.pick)?.pick;
  return {
    file: { name: file.name, sha256: file.sha256, sizeBytes: file.sizeBytes, format: grid.format, encoding: grid.encoding, delimiter: grid.delimiter },
    entity: options.entity ?? pick?.entity ?? facts.entity?.name ?? null,
    fiscalYear: options.year ?? pick?.year ?? facts.year?.value ?? fileYear?.value ?? null,
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
