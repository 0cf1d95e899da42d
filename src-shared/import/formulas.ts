import type { Grid, GridSheet } from '../grid';

/**
 * Formulas whose value the file did not save (a workbook written by a program that never ran
 * Excel's calculation). The simple ones are computed from the other cells; the rest are
 * reported. A blank formula is never read as zero.
 */

export type FormulaResult = { ok: true; value: number } | { ok: false; reason: string };

type Token =
  { kind: 'num'; value: number } | { kind: 'ref'; text: string } | { kind: 'op'; text: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?%?)|((?:'[^']+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Za-z][A-Za-z0-9.]*)(?=\s*\()|(<>|<=|>=|[-+*/^(),;=<>&]))/y;

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const text = formula.trim();
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return null;
    if (m[1])
      tokens.push({ kind: 'num', value: parseFloat(m[1]) / (m[1].endsWith('%') ? 100 : 1) });
    else if (m[3]) tokens.push({ kind: 'ref', text: (m[2] ?? '') + m[3] });
    else if (m[4]) tokens.push({ kind: 'op', text: m[4].toUpperCase() });
    else if (m[5]) tokens.push({ kind: 'op', text: m[5] === ';' ? ',' : m[5] });
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
  }
  return tokens;
}

/** "AB12" → 0-based [row, col]. */
function position(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

class Unsupported extends Error {}

/** Evaluates one formula in its sheet; references to cells without value are followed. */
class Evaluator {
  private pos = 0;
  private tokens: Token[] = [];
  /** Above 0 while reading the branch of an IF that is not taken: its errors do not count. */
  private skipping = 0;

  constructor(
    private readonly grid: Grid,
    private readonly visiting: Set<string>,
  ) {}

  run(sheet: GridSheet, formula: string): number {
    const tokens = tokenize(formula);
    if (!tokens) throw new Unsupported('a formula this importer cannot read');
    const saved = [this.tokens, this.pos] as const;
    [this.tokens, this.pos] = [tokens, 0];
    const value = this.comparison(sheet);
    if (this.pos < this.tokens.length) throw new Unsupported('a formula this importer cannot read');
    [this.tokens, this.pos] = saved;
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(text: string): boolean {
    const t = this.peek();
    if (t?.kind === 'op' && t.text === text) return (this.pos += 1) > 0;
    return false;
  }

  private comparison(sheet: GridSheet): number {
    const left = this.additive(sheet);
    for (const op of ['=', '<>', '<=', '>=', '<', '>']) {
      if (!this.take(op)) continue;
      const right = this.additive(sheet);
      const results: Record<string, boolean> = {
        '=': left === right, '<>': left !== right, '<=': left <= right,
        '>=': left >= right, '<': left < right, '>': left > right,
      }; // prettier-ignore
      return results[op] ? 1 : 0;
    }
    return left;
  }

  private additive(sheet: GridSheet): number {
    let value = this.multiplicative(sheet);
    for (;;) {
      if (this.take('+')) value += this.multiplicative(sheet);
      else if (this.take('-')) value -= this.multiplicative(sheet);
      else return value;
    }
  }

  private multiplicative(sheet: GridSheet): number {
    let value = this.unary(sheet);
    for (;;) {
      if (this.take('*')) value *= this.unary(sheet);
      else if (this.take('/')) {
        const divisor = this.unary(sheet);
        if (divisor === 0 && !this.skipping) throw new Unsupported('a division by zero (#DIV/0!)');
        value = divisor === 0 ? 0 : value / divisor;
      } else return value;
    }
  }

  private unary(sheet: GridSheet): number {
    if (this.take('-')) return -this.unary(sheet);
    if (this.take('+')) return this.unary(sheet);
    return this.primary(sheet);
  }

  private primary(sheet: GridSheet): number {
    const token = this.tokens[this.pos++];
    if (!token) throw new Unsupported('an incomplete formula');
    if (token.kind === 'num') return token.value;
    if (token.kind === 'ref') return this.values(sheet, token.text).reduce((a, b) => a + b, 0);
    if (token.text === '(') {
      const value = this.comparison(sheet);
      if (!this.take(')')) throw new Unsupported('an unbalanced formula');
      return value;
    }
    if ((token.text === 'SUM' || token.text === 'IF') && this.take('('))
      return this.call(sheet, token.text);
    throw new Unsupported(`the function ${token.text}, which this importer does not compute`);
  }

  private branch(sheet: GridSheet, taken: boolean): number {
    if (taken) return this.comparison(sheet);
    this.skipping += 1;
    this.comparison(sheet);
    this.skipping -= 1;
    return 0;
  }

  private condition(sheet: GridSheet): number {
    const test = this.comparison(sheet);
    if (!this.take(',')) throw new Unsupported('an IF without a value');
    const yes = this.branch(sheet, !!test);
    const no = this.take(',') ? this.branch(sheet, !test) : 0;
    if (!this.take(')')) throw new Unsupported('an unbalanced formula');
    return test ? yes : no;
  }

  private call(sheet: GridSheet, name: string): number {
    if (name === 'IF') return this.condition(sheet);
    const args: number[] = [];
    if (!this.take(')')) {
      do args.push(this.comparison(sheet));
      while (this.take(','));
      if (!this.take(')')) throw new Unsupported('an unbalanced formula');
    }
    return args.reduce((a, b) => a + b, 0);
  }

  /** The numbers of a reference or range; blank cells count as 0, as in the spreadsheet. */
  private values(sheet: GridSheet, text: string): number[] {
    const bang = text.lastIndexOf('!');
    const sheetName = bang >= 0 ? text.slice(0, bang).replace(/^'|'$/g, '') : null;
    const target = sheetName ? this.grid.sheets.find((s) => s.name === sheetName) : sheet;
    if (!target) throw new Unsupported(`a reference to a sheet that is not there (${sheetName})`);
    const [from, to = from] = text.slice(bang + 1).split(':') as [string, string?];
    const [r1, c1] = position(from);
    const [r2, c2] = position(to);
    const out: number[] = [];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r += 1) {
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c += 1)
        out.push(this.cell(target, r, c));
    }
    return out;
  }

  private cell(sheet: GridSheet, row: number, col: number): number {
    const cell = sheet.rows[row]?.[col];
    if (!cell) return 0;
    if (cell.formulaWithoutValue && cell.formula) {
      const key = `${sheet.name}!${row},${col}`;
      if (this.visiting.has(key)) throw new Unsupported('a circular reference');
      this.visiting.add(key);
      const value = this.run(sheet, cell.formula);
      this.visiting.delete(key);
      return value;
    }
    if (cell.type === 'number') return Number(cell.value);
    if (cell.type === 'empty') return 0;
    if (cell.type === 'string' && String(cell.value).trim() === '') return 0;
    if (this.skipping) return 0;
    if (cell.type === 'error') throw new Unsupported(`a cell holding ${String(cell.value)}`);
    throw new Unsupported('a reference to a cell that holds text');
  }
}

/**
 * Computes a formula that has no saved value, in its sheet of the grid: numbers, cell
 * references and ranges (also `Sheet!A1`), + − × ÷, comparisons, SUM and IF. Blank cells count
 * as zero (as the spreadsheet would), referenced formulas are computed in turn, and a cycle,
 * a division by zero or any other function gives a reason instead of a value.
 */
export function evaluateFormula(grid: Grid, sheet: GridSheet, formula: string): FormulaResult {
  try {
    const value = new Evaluator(grid, new Set()).run(sheet, formula.replace(/^=/, ''));
    return Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, reason: 'a value that is not finite' };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
}
