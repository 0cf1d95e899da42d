import type { BudgetLine } from '../../src-shared/model';

/** How a corrected file's lines differ from those of the budget it replaces. */
export interface LineChanges {
  added: number;
  removed: number;
  /** Lines found in both whose figures differ in at least one phase. */
  changedAmounts: number;
  unchanged: number;
}

// A line is known by what it is, not by where it sits: a corrected file may insert a row and
// move every line below it. The n-th line with the same identity pairs with the n-th one.
function identitiesOf(lines: readonly BudgetLine[]): Map<string, BudgetLine> {
  const byIdentity = new Map<string, BudgetLine>();
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (line.kind !== 'line') continue;
    const base = JSON.stringify([line.sheet, line.direction, line.section, line.code, line.label]);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    byIdentity.set(`${base}#${n}`, line);
  }
  return byIdentity;
}

function sameAmounts(a: BudgetLine, b: BudgetLine): boolean {
  const phases = new Set([...Object.keys(a.amounts), ...Object.keys(b.amounts)]);
  return [...phases].every(
    (p) =>
      a.amounts[p as keyof BudgetLine['amounts']] === b.amounts[p as keyof BudgetLine['amounts']],
  );
}

/** Counts the detail lines added, removed and changed from one stored budget to another. */
export function compareLines(
  before: readonly BudgetLine[],
  after: readonly BudgetLine[],
): LineChanges {
  const old = identitiesOf(before);
  const changes: LineChanges = { added: 0, removed: 0, changedAmounts: 0, unchanged: 0 };
  for (const [identity, line] of identitiesOf(after)) {
    const was = old.get(identity);
    if (!was) changes.added += 1;
    else if (sameAmounts(was, line)) changes.unchanged += 1;
    else changes.changedAmounts += 1;
    old.delete(identity);
  }
  changes.removed = old.size;
  return changes;
}
