import type { BudgetLine, Phase } from '../../model';
import { foldLabel } from '../figures';
import {
  budgetFlag,
  lineFlag,
  lineName,
  money,
  qualifiedCell,
  stageWord,
  type Rule,
} from './context';
import { FirstSeen } from './first-seen';

/**
 * What names a line: its code, and the template's key values when the file has them (the same
 * account under two funds or units is two lines, not one entered twice).
 */
export function lineIdentity(line: BudgetLine): string | null {
  if (line.code === null) return null;
  if (!line.keyValues) return line.code;
  const keys = Object.entries(line.keyValues).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([line.code, ...keys]);
}

/** The same code (and key) and label twice on one side: a line entered twice is counted twice. */
export const duplicateLine: Rule = {
  id: 'duplicate-line',
  severity: 'warning',
  title: { fr: 'Ligne en double', en: 'Duplicate line' },
  run(ctx, emit) {
    // Codes are nearly all distinct: labels are folded only for a code seen before.
    const first = new FirstSeen(ctx.lines.length);
    const others = new Map<string, BudgetLine[]>();
    ctx.lines.forEach((line, i) => {
      const identity = lineIdentity(line);
      if (identity === null || line.label === null) return;
      const firstIndex = first.firstOf(identity, i);
      if (firstIndex < 0) return;
      const seen = ctx.lines[firstIndex] as BudgetLine;
      const label = foldLabel(line.label).trim();
      const earlier = [seen, ...(others.get(identity) ?? [])];
      const original = earlier.find(
        (other) => other.direction === line.direction && foldLabel(other.label).trim() === label,
      );
      others.set(identity, earlier.slice(1).concat(line));
      if (!original) return;
      const message =
        ctx.lang === 'fr'
          ? `${lineName(ctx, line)} : même code et même libellé que le rang ${original.row} de ${original.sheet}.`
          : `${lineName(ctx, line)}: same code and label as row ${original.row} of ${original.sheet}.`;
      const values = {
        firstLineId: original.id,
        firstSheet: original.sheet,
        firstRow: original.row,
      };
      emit(lineFlag(ctx, this, line, Object.keys(line.cells) as Phase[], message, values));
    });
  },
};

/** Digits left once trailing zeros are dropped: 4 837 250 → 6, 5 000 000 → 1. */
export function significantDigits(value: number): number {
  let v = Math.abs(value);
  if (v === 0) return 0;
  while (v % 10 === 0) v /= 10;
  return String(v).length;
}

/** Positive values found at least `minCount` times, by sorting a copy rather than hashing all. */
function amountsRepeated(values: Float64Array, minCount: number): number[] {
  const positive = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > 0) positive[count++] = v;
  }
  const sorted = positive.subarray(0, count).sort();
  const repeated: number[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[start]) continue;
    if (i - start >= minCount) repeated.push(sorted[start] as number);
    start = i;
  }
  return repeated;
}

/**
 * One precise executed amount on several lines with different codes. Round figures repeat in
 * honest accounts (a monthly allowance), so only amounts with enough significant digits count.
 */
export const repeatedAmount: Rule = {
  id: 'repeated-amount',
  severity: 'info',
  title: { fr: 'Montant répété', en: 'Repeated amount' },
  run(ctx, emit) {
    const { repeatedAmountMinCount: minCount, repeatedAmountMinSignificantDigits: minDigits } =
      ctx.settings;
    const byAmount = new Map<number, number[]>();
    for (const value of amountsRepeated(ctx.executed, minCount)) {
      if (significantDigits(value) >= minDigits) byAmount.set(value, []);
    }
    if (byAmount.size === 0) return;
    for (let i = 0; i < ctx.executed.length; i++) {
      const value = ctx.executed[i] as number;
      if (value > 0) byAmount.get(value)?.push(i);
    }
    for (const [amount, indices] of byAmount) {
      if (indices.length < minCount) continue;
      const lines = indices.map((i) => ctx.lines[i] as BudgetLine);
      const codes = new Set(lines.map((line) => lineIdentity(line) ?? `#${line.id}`));
      if (codes.size < minCount) continue;
      const phase = ctx.executedPhase[indices[0] as number] as Phase;
      const where = lines
        .map((line) => `${line.code ?? '—'} (${line.sheet} ${line.row})`)
        .join(', ');
      const message =
        ctx.lang === 'fr'
          ? `Montant ${money(ctx, amount)} ${stageWord(ctx, phase)} sur ${lines.length} lignes : ${where}.`
          : `Amount ${money(ctx, amount)} ${stageWord(ctx, phase)} on ${lines.length} lines: ${where}.`;
      const cells = lines.map((line, k) =>
        qualifiedCell(line, ctx.executedPhase[indices[k] as number] ?? null),
      );
      const values = {
        amountMinor: amount,
        lineCount: lines.length,
        lineIds: lines.map((l) => l.id).join(','),
      };
      emit(
        budgetFlag(
          ctx,
          this,
          null,
          cells.filter((c): c is string => c !== null),
          message,
          values,
        ),
      );
    }
  },
};
