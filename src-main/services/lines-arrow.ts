import { tableToIPC, vectorFromArray, Table, Utf8, Int32, Float64, Bool } from 'apache-arrow';
import {
  executedPhaseOf,
  forecastOf,
  phaseOrdersOf,
  ratePercent,
} from '../../src-shared/analysis/figures';
import type { BudgetInfo, BudgetLine } from '../../src-shared/model';

/**
 * The columns of the lines explorer, one Arrow vector each. Amounts are Float64 of minor units:
 * exact up to 2^53, far beyond any commune's budget, and null where the file has no figure.
 * "executed" is the stage the summary counts for the line, so the explorer and the totals agree.
 */
export function linesToArrow(budget: BudgetInfo, lines: BudgetLine[]): Uint8Array {
  const orders = phaseOrdersOf(budget);
  const executed = lines.map((line) => {
    const phase = executedPhaseOf(line, orders);
    return phase === null ? null : (line.amounts[phase] ?? null);
  });
  const revised = lines.map((line) => forecastOf(line, 'revised'));
  const strings = (pick: (line: BudgetLine) => string | null) =>
    vectorFromArray(lines.map(pick), new Utf8());

  const table = new Table({
    id: vectorFromArray(
      lines.map((l) => l.id),
      new Int32(),
    ),
    sheet: strings((l) => l.sheet),
    row: vectorFromArray(
      lines.map((l) => l.row),
      new Int32(),
    ),
    kind: strings((l) => l.kind),
    code: strings((l) => l.code),
    label: strings((l) => l.label),
    direction: strings((l) => l.direction),
    section: strings((l) => l.section),
    chapter: strings((l) => l.chapter),
    parentCode: strings((l) => l.parentCode),
    level: vectorFromArray(
      lines.map((l) => l.level),
      new Int32(),
    ),
    hidden: vectorFromArray(
      lines.map((l) => l.hidden),
      new Bool(),
    ),
    planned: vectorFromArray(
      lines.map((l) => l.amounts.original ?? null),
      new Float64(),
    ),
    revised: vectorFromArray(revised, new Float64()),
    executed: vectorFromArray(executed, new Float64()),
    rate: vectorFromArray(
      lines.map((_, i) => ratePercent(executed[i] ?? 0, revised[i] ?? null)),
      new Float64(),
    ),
  });
  return tableToIPC(table, 'stream');
}
