import { cellAddress, columnLetter, type Grid, type GridCell, type GridSheet } from '../grid';
import type { ImportedAmount, ImportIssue } from '../model';
import {
  exactFromNumber,
  inferNumberStyle,
  parseAmount,
  toMinorUnits,
  type ExactDecimal,
  type NumberStyle,
} from '../numbers/parse-amount';
import type { RawRow } from './classify-rows';
import { isRepeatedHeader, type HeaderBlock } from './find-header';
import { evaluateFormula } from './formulas';
import type { ColumnPlan } from './map-columns';
import { cellAt, filledColumns, textOf } from './sheet-cells';

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
    code = code && !part.startsWith(code) ? code + part : part;
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

/**
 * Reads the data rows under a header: codes (joined over split columns), labels, every amount
 * cell as integer minor units with its A1 address and source text, stated rates. A cell that is
 * no amount, a formula that cannot be computed, scientific notation and over-precise decimals
 * each become an issue on that cell; none of them becomes a figure.
 */
export function readRows(ctx: ReadContext, fallbackMark: '.' | ','): TableRows {
  const { sheet, header, plan } = ctx;
  const styles = new Map(plan.amounts.map((a) => [a.col, styleOf(ctx, a.col, fallbackMark)]));
  const hidden = new Set(sheet.hiddenRows);
  const rateNumbers: number[] = [];
  for (let r = header.firstDataRow; plan.rateCol !== null && r < sheet.rows.length; r += 1) {
    const c = cellAt(sheet, r, plan.rateCol);
    if (c?.type === 'number') rateNumbers.push(Math.abs(Number(c.value)));
  }
  const ratesAreFractions = rateNumbers.length > 0 && Math.max(...rateNumbers) <= 2;
  const out: TableRows = { raws: [], amounts: [], rates: [], issues: [] };

  for (let r = header.firstDataRow; r < sheet.rows.length; r += 1) {
    const { code, level } = codeOf(sheet, r, plan.codeCols);
    const filled = filledColumns(sheet, r);
    const texts = filled.map((c) => textOf(cellAt(sheet, r, c))).filter(Boolean);
    const labelText = plan.labelCol !== null ? textOf(cellAt(sheet, r, plan.labelCol)).replace(/\s+/g, ' ') : '';
    const values: RawRow['values'] = {};
    const amounts: ImportedAmount[] = [];
    const figures = new Map<number, Figure>();
    for (const { col, phase } of plan.amounts) {
      const figure = figures.get(col) ?? figureOf(ctx, cellAt(sheet, r, col), styles.get(col)!);
      const isFirstUse = !figures.has(col);
      figures.set(col, figure);
      if (!figure.ok) {
        if (!figure.missing && isFirstUse) out.issues.push(issue(ctx, r, col, 'warning', 'not-an-amount', figure.reason));
        continue;
      }
      const minor = toMinorUnits(figure.exact, ctx.exponent, ctx.unitMultiplier);
      if (!minor) {
        if (isFirstUse) out.issues.push(issue(ctx, r, col, 'error', 'amount-too-large', `« ${figure.text} » est trop grand pour être stocké exactement`));
        continue;
      }
      if (isFirstUse && figure.damage) out.issues.push(issue(ctx, r, col, 'warning', 'damaged-number', `« ${figure.text} » : ${figure.damage}`));
      if (isFirstUse && minor.isRounded) out.issues.push(issue(ctx, r, col, 'warning', 'rounded', `« ${figure.text} » a plus de décimales que la devise n'en permet ; arrondi`));
      values[phase] = minor.valueMinor;
      amounts.push({ phase, valueMinor: minor.valueMinor, cell: cellAddress(r, col), sourceText: figure.text || null });
    }
    out.raws.push({ row: r, code, codeLevel: level, label: labelText || null, texts, filled: filled.length, values, isRepeatedHeader: isRepeatedHeader(sheet, r, header), hidden: hidden.has(r) });
    out.amounts.push(amounts);
    out.rates.push(rateOf(ctx, r, ratesAreFractions));
  } // prettier-ignore
  return out;
}
