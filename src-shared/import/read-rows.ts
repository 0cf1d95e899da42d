import { formatAmount } from '../format/amount';
import { cellAddress, columnLetter, type Grid, type GridCell, type GridSheet } from '../grid';
import type { Direction, ImportedAmount, ImportIssue, Phase, Section } from '../model';
import {
  exactFromNumber,
  inferNumberStyle,
  parseAmount,
  toMinorUnits,
  type ExactDecimal,
  type NumberStyle,
} from '../numbers/parse-amount';
import { contextOf, type RawRow } from './classify-rows';
import { isRepeatedHeader, type HeaderBlock } from './find-header';
import { evaluateFormula } from './formulas';
import type { ColumnPlan } from './map-columns';
import { PHASE_WORDS } from './phase-words';
import { cellAt, filledTexts, textOf } from './sheet-cells';

/** Everything read from a table's data rows, before classification. */
export interface TableRows {
  raws: RawRow[];
  amounts: ImportedAmount[][];
  rates: (number | null)[];
  issues: ImportIssue[];
}

export interface ReadContext {
  grid: Grid;
  sheet: GridSheet;
  header: HeaderBlock;
  plan: ColumnPlan;
  currency: string;
  exponent: number;
  unitMultiplier: number;
  decimalMark: '.' | ',' | null;
}

type Figure =
  | { ok: true; exact: ExactDecimal; text: string; damage: string | null }
  | { ok: false; missing: boolean; reason: string; text: string };

/** One amount cell as a figure: typed numbers, text in the column's style, or a formula computed. */
function figureOf(ctx: ReadContext, cell: GridCell | null, style: NumberStyle): Figure {
  if (!cell) return { ok: false, missing: true, reason: 'blank', text: '' };
  if (cell.formulaWithoutValue) {
    const text = `=${cell.formula ?? ''}`;
    const result = evaluateFormula(ctx.grid, ctx.sheet, cell.formula ?? '');
    if (result.ok) return { ok: true, exact: exactFromNumber(result.value), text, damage: null };
    return { ok: false, missing: false, reason: `la formule ${text} n'a pas de valeur enregistrée et n'a pas pu être calculée (${result.reason})`, text };
  }
  const text = textOf(cell);
  if (cell.type === 'number') return { ok: true, exact: exactFromNumber(Number(cell.value)), text, damage: null };
  if (cell.type === 'date') return { ok: false, missing: false, reason: `« ${text} » est une date, pas un montant`, text };
  if (cell.type === 'error') return { ok: false, missing: false, reason: `la valeur d'erreur « ${text} » n'est pas un montant`, text };
  if (cell.type === 'boolean') return { ok: false, missing: false, reason: `« ${text} » n'est pas un montant`, text };
  const parsed = parseAmount(text, style);
  if (parsed.ok) return { ok: true, exact: parsed.exact, text, damage: parsed.damage };
  if (parsed.missing) return { ok: false, missing: true, reason: 'blank', text };
  return { ok: false, missing: false, reason: `« ${text} » n'est pas un montant (${parsed.reason})`, text };
} // prettier-ignore

/** The column's number style, from all its texts (typed numbers need none). */
function styleOf(ctx: ReadContext, col: number, fallback: '.' | ','): NumberStyle {
  if (ctx.decimalMark) return { decimalMark: ctx.decimalMark, evidence: 'template' };
  const texts: string[] = [];
  for (let r = ctx.header.firstDataRow; r < ctx.sheet.rows.length; r += 1) {
    const cell = cellAt(ctx.sheet, r, col);
    if (cell?.type === 'string') texts.push(textOf(cell));
  }
  return inferNumberStyle(texts, fallback);
}

/** Joins a code split by level: "70" | "708" | "7080" keep the longest, "70" | "8" concatenate. */
function codeOf(
  sheet: GridSheet,
  row: number,
  cols: number[],
): { code: string | null; level: number | null } {
  let code = '';
  let level: number | null = null;
  cols.forEach((col, i) => {
    const part = textOf(cellAt(sheet, row, col)).replace(/\s+/g, ' ');
    if (!part) return;
    // Dotted codes take a qualifier after a space ("1112.50.0.1.00.00 110.000"); plain digit
    // levels concatenate ("70" | "8").
    const sep = /[.-]/.test(code) ? ' ' : '';
    code = code && !(part.startsWith(code) && part.length > code.length) ? code + sep + part : part;
    level = i;
  });
  return { code: code || null, level: cols.length > 1 ? level : null };
}

function rateOf(ctx: ReadContext, row: number, asFraction: boolean): number | null {
  if (ctx.plan.rateCol === null) return null;
  const cell = cellAt(ctx.sheet, row, ctx.plan.rateCol);
  if (!cell || cell.formulaWithoutValue) return null;
  if (cell.type === 'number') return Number(cell.value) * (asFraction ? 100 : 1);
  const parsed = parseAmount(textOf(cell), { decimalMark: ctx.decimalMark ?? ',', evidence: '' });
  return parsed.ok ? parsed.value * (asFraction && !parsed.isPercent ? 100 : 1) : null;
}

function issue(ctx: ReadContext, row: number, col: number, severity: ImportIssue['severity'], code: string, message: string): ImportIssue {
  const header = ctx.header.columns.find((c) => c.col === col)?.name ?? columnLetter(col);
  return { severity, code, file: ctx.grid.fileName, sheet: ctx.sheet.name, row: row + 1, column: columnLetter(col), message: `Ligne ${row + 1}, colonne ${header} : ${message}` };
} // prettier-ignore

/** Adds one cell's figure to a row: a phase already held (two change columns) sums, keeping parts. */
function addAmount(amounts: ImportedAmount[], values: RawRow['values'], next: ImportedAmount) {
  const held = amounts.find((a) => a.phase === next.phase);
  if (!held) {
    amounts.push(next);
    values[next.phase] = next.valueMinor;
    return;
  }
  const part = (a: ImportedAmount) => ({ cell: a.cell, valueMinor: a.valueMinor, sourceText: a.sourceText });
  held.parts = [...(held.parts ?? [part(held)]), part(next)];
  held.valueMinor += next.valueMinor;
  values[next.phase] = held.valueMinor;
} // prettier-ignore

type Buckets = Map<Section | null, { values: RawRow['values']; amounts: ImportedAmount[] }>;

/** The figures of one section of a row, made on first use. */
function bucketOf(buckets: Buckets, section: Section | null) {
  let found = buckets.get(section);
  if (!found) {
    found = { values: {}, amounts: [] };
    buckets.set(section, found);
  }
  return found;
}

/** A code cell's text, or null when it is a sentence ("Celkem za 0000", "TOTAL") and not a code. */
function asCode(code: string | null): string | null {
  if (!code || !/\d/.test(code) || /(?:^|\s)\p{L}{3,}(?:\s|$)/u.test(code)) return null;
  return code;
}

/** Issues where a "Total" column differs from the sum of its section columns on the same row. */
function checkSectionTotals(ctx: ReadContext, r: number, amounts: ImportedAmount[], style: (col: number) => NumberStyle): ImportIssue[] {
  const out: ImportIssue[] = [];
  const amount = (minor: number) => formatAmount(minor, ctx.currency, ctx.exponent, 'fr');
  for (const t of ctx.plan.sectionTotals) {
    const figure = figureOf(ctx, cellAt(ctx.sheet, r, t.col), style(t.col));
    if (!figure.ok) continue;
    const stated = toMinorUnits(figure.exact, ctx.exponent, ctx.unitMultiplier)?.valueMinor;
    const cols = new Set(ctx.plan.amounts.filter((a) => a.section && a.phase === t.phase).map((a) => cellAddress(r, a.col)));
    const sum = amounts.filter((a) => a.phase === t.phase && cols.has(a.cell)).reduce((n, a) => n + a.valueMinor, 0);
    if (stated !== undefined && stated !== sum) out.push(issue(ctx, r, t.col, 'warning', 'section-total-mismatch', `le total ${PHASE_WORDS[t.phase]} de ${amount(stated)} diffère de la somme des colonnes par section, ${amount(sum)} (écart ${amount(stated - sum)}).`));
  }
  return out;
} // prettier-ignore

/**
 * Reads the data rows under a header, up to `endRow` (exclusive): codes (joined over split
 * columns), labels, every amount cell as integer minor units with its A1 address and source text,
 * stated rates. A cell that is no amount, a formula that cannot be computed, scientific notation
 * and over-precise decimals each become an issue on that cell; none of them becomes a figure.
 * Columns split by section give one row per section, with the same row number. `blankIsZero`
 * reads an empty amount cell as 0 on rows that hold at least one figure.
 */
export function readRows(
  ctx: ReadContext,
  fallbackMark: '.' | ',',
  extra: { endRow?: number; blankIsZero?: boolean } = {},
): TableRows {
  const { sheet, header, plan } = ctx;
  const endRow = Math.min(extra.endRow ?? sheet.rows.length, sheet.rows.length);
  const styleCols = [...plan.amounts, ...plan.sectionTotals].map((a) => a.col);
  const styles = new Map(styleCols.map((col) => [col, styleOf(ctx, col, fallbackMark)]));
  const style = (col: number) => styles.get(col)!;
  const hidden = new Set(sheet.hiddenRows);
  // The largest rate decides whether rates are fractions (0.95) or percentages (95). A loop,
  // not Math.max(...rates): spreading a million arguments overflows the stack.
  let rateCount = 0;
  let largestRate = -Infinity;
  for (let r = header.firstDataRow; plan.rateCol !== null && r < endRow; r += 1) {
    const c = cellAt(sheet, r, plan.rateCol);
    if (c?.type !== 'number') continue;
    rateCount += 1;
    largestRate = Math.max(largestRate, Math.abs(Number(c.value)));
  }
  const ratesAreFractions = rateCount > 0 && largestRate <= 2;
  const out: TableRows = { raws: [], amounts: [], rates: [], issues: [] };
  const isSplit = plan.amounts.some((a) => a.section);

  for (let r = header.firstDataRow; r < endRow; r += 1) {
    const joined = codeOf(sheet, r, plan.codeCols);
    const code = asCode(joined.code);
    const { cols: filled, texts } = filledTexts(sheet, r);
    const labelText = plan.labelCol !== null ? textOf(cellAt(sheet, r, plan.labelCol)).replace(/\s+/g, ' ') : '';
    const buckets: Buckets = new Map();
    const figures = new Map<number, Figure>();
    const blanks: { col: number; phase: Phase; section: Section | null }[] = [];
    const unreadable = new Map<Section | null, number>();
    for (const { col, phase, section = null } of plan.amounts) {
      const { values, amounts } = bucketOf(buckets, section);
      const figure = figures.get(col) ?? figureOf(ctx, cellAt(sheet, r, col), style(col));
      const isFirstUse = !figures.has(col);
      figures.set(col, figure);
      if (!figure.ok) {
        if (figure.missing) blanks.push({ col, phase, section });
        if (figure.text.trim() !== '') unreadable.set(section, (unreadable.get(section) ?? 0) + 1);
        if (!isFirstUse) continue;
        if (!figure.missing) out.issues.push(issue(ctx, r, col, 'warning', 'not-an-amount', figure.reason));
        else if (figure.text.trim() !== '') out.issues.push(issue(ctx, r, col, 'info', 'amount-not-available', `« ${figure.text} » : montant non disponible, laissé vide (ce n'est pas 0)`));
        continue;
      }
      const minor = toMinorUnits(figure.exact, ctx.exponent, ctx.unitMultiplier);
      if (!minor) {
        if (isFirstUse) out.issues.push(issue(ctx, r, col, 'error', 'amount-too-large', `« ${figure.text} » est trop grand pour être stocké exactement`));
        continue;
      }
      if (isFirstUse && figure.damage) out.issues.push(issue(ctx, r, col, 'warning', 'damaged-number', `« ${figure.text} » : ${figure.damage}`));
      if (isFirstUse && minor.isRounded) out.issues.push(issue(ctx, r, col, 'warning', 'rounded', `« ${figure.text} » a plus de décimales que la devise n'en permet ; arrondi`));
      addAmount(amounts, values, { phase, valueMinor: minor.valueMinor, cell: cellAddress(r, col), sourceText: figure.text || null });
    }
    // Printed reports leave a cell empty for zero; only where the template says so.
    for (const b of extra.blankIsZero ? blanks : []) {
      const held = bucketOf(buckets, b.section);
      if ([...buckets.values()].some((x) => x.amounts.length > 0)) addAmount(held.amounts, held.values, { phase: b.phase, valueMinor: 0, cell: cellAddress(r, b.col), sourceText: null });
    }
    const own = ownContext(sheet, r, plan.directionCol, plan.sectionCol);
    const base = { row: r, code, codeLevel: joined.level, label: labelText || null, texts, filled: filled.length, isRepeatedHeader: isRepeatedHeader(sheet, r, header), hidden: hidden.has(r), direction: own.direction, ...(own.section ? { section: own.section } : {}) };
    const rate = rateOf(ctx, r, ratesAreFractions);
    if (!isSplit) {
      const { values, amounts } = bucketOf(buckets, null);
      out.raws.push({ ...base, values, ...(unreadable.get(null) ? { unreadable: unreadable.get(null) } : {}) });
      out.amounts.push(amounts);
      out.rates.push(rate);
      continue;
    }
    for (const issue of checkSectionTotals(ctx, r, [...buckets.values()].flatMap((x) => x.amounts), style)) out.issues.push(issue); // prettier-ignore
    for (const [section, { values, amounts }] of buckets) {
      out.raws.push({ ...base, values, section, ...(unreadable.get(section) ? { unreadable: unreadable.get(section) } : {}) });
      out.amounts.push(amounts);
      // The stated rate is the row's overall one: it checks no single section.
      out.rates.push(null);
    }
  } // prettier-ignore
  return out;
}

/** Direction and section written in the row's own columns, read with the banner words. */
function ownContext(
  sheet: GridSheet,
  row: number,
  directionCol: number | null,
  sectionCol: number | null,
): { direction: Direction | null; section: Section | null } {
  const direction = directionCol === null ? null : contextOf(textOf(cellAt(sheet, row, directionCol))).direction;
  const section = sectionCol === null ? null : contextOf(textOf(cellAt(sheet, row, sectionCol))).section;
  return { direction, section };
} // prettier-ignore
