import type { BudgetLine, Phase } from '../../model';
import { foldLabel } from '../figures';
import {
  budgetFlag,
  lineFlag,
  lineName,
  money,
  qualifiedCell,
  say,
  stageWord,
  type Rule,
} from './context';

/** The same code and label twice on one side: a line entered twice is counted twice. */
export const duplicateLine: Rule = {
  id: 'duplicate-line',
  severity: 'warning',
  title: { fr: 'Ligne en double', en: 'Duplicate line' },
  run(ctx, emit) {
    const first = new Map<string, BudgetLine>();
    for (const line of ctx.lines) {
      if (line.code === null || line.label === null) continue;
      const key = `${line.direction ?? '-'}\u0000${line.code}\u0000${foldLabel(line.label).trim()}`;
      const original = first.get(key);
      if (!original) {
        first.set(key, line);
        continue;
      }
      const message = say(
        ctx,
        `${lineName(ctx, line)} : même code et même libellé que le rang ${original.row} de ${original.sheet}.`,
        `${lineName(ctx, line)}: same code and label as row ${original.row} of ${original.sheet}.`,
      );
      const values = {
        firstLineId: original.id,
        firstSheet: original.sheet,
        firstRow: original.row,
      };
      emit(lineFlag(ctx, this, line, Object.keys(line.cells) as Phase[], message, values));
    }
  },
};

/** Digits left once trailing zeros are dropped: 4 837 250 → 6, 5 000 000 → 1. */
export function significantDigits(value: number): number {
  let v = Math.abs(value);
  if (v === 0) return 0;
  while (v % 10 === 0) v /= 10;
  return String(v).length;
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
    ctx.executed.forEach((value, i) => {
      if (!(value > 0) || significantDigits(value) < minDigits) return;
      const list = byAmount.get(value);
      if (list) list.push(i);
      else byAmount.set(value, [i]);
    });
    for (const [amount, indices] of byAmount) {
      if (indices.length < minCount) continue;
      const lines = indices.map((i) => ctx.lines[i] as BudgetLine);
      const codes = new Set(lines.map((line) => line.code ?? `#${line.id}`));
      if (codes.size < minCount) continue;
      const phase = ctx.executedPhase[indices[0] as number] as Phase;
      const where = lines
        .map((line) => `${line.code ?? '—'} (${line.sheet} ${line.row})`)
        .join(', ');
      const message = say(
        ctx,
        `Montant ${money(ctx, amount)} ${stageWord(ctx, phase)} sur ${lines.length} lignes : ${where}.`,
        `Amount ${money(ctx, amount)} ${stageWord(ctx, phase)} on ${lines.length} lines: ${where}.`,
      );
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
