import type { Phase, Reconciliation } from '../model';
import { hierarchyKey, type RawRow, type RowClass } from './classify-rows';

/** The rows a stated total or subtotal closes, as indexes into the table's rows. */
function closedLines(rows: readonly RawRow[], classes: readonly RowClass[], i: number): number[] {
  const raw = rows[i]!;
  const kind = classes[i]!.kind;
  const lineIndexes = (from: number, to: number, key?: string) => {
    const out: number[] = [];
    for (let j = from; j < to; j += 1) {
      if (classes[j]!.kind !== 'line') continue;
      // A total split by section closes the lines of its own section only.
      if (raw.section && rows[j]!.section !== raw.section) continue;
      if (key && !(rows[j]!.code && hierarchyKey(rows[j]!.code!).startsWith(key))) continue;
      out.push(j);
    }
    return out;
  };

  // A coded subtotal closes the lines below it that its code prefixes.
  if (raw.code && kind === 'subtotal') {
    const key = hierarchyKey(raw.code);
    let end = i + 1;
    while (
      end < rows.length &&
      (!rows[end]!.code || hierarchyKey(rows[end]!.code!).startsWith(key))
    ) {
      if (classes[end]!.kind === 'total' || classes[end]!.kind === 'banner') break;
      end += 1;
    }
    return lineIndexes(i + 1, end, key);
  }

  // "Total chapitre 70" closes the lines coded 70…, wherever they sit above.
  const words = [raw.label ?? '', ...raw.texts].join(' ');
  const named = /(?:chapitre|article|compte|chapter|account|celkem\s+za)\s+([\d.]+)/i.exec(words);
  if (named?.[1]) return lineIndexes(0, i, hierarchyKey(named[1]));

  // A grand total closes every line above; another total or subtotal those since the last one.
  const isGrand = /g[ée]n[ée]ral|grand|general/i.test(raw.label ?? '');
  let start = 0;
  for (let j = i - 1; j >= 0 && !isGrand; j -= 1) {
    if (rows[j]!.row === raw.row) continue; // another section of the same sheet row
    const k = classes[j]!.kind;
    const stops = kind === 'subtotal' ? ['subtotal', 'total', 'banner', 'heading'] : ['total'];
    if (stops.includes(k) || (k === 'banner' && kind === 'total' && !raw.code)) {
      start = j + 1;
      break;
    }
  }
  return lineIndexes(start, i);
}

/**
 * Sets each stated total and subtotal of a table beside the sum of the lines it closes, one
 * reconciliation per phase it states. Hidden lines are included, since the file's own total
 * counts them too, and what they hold is given apart (`hiddenMinor`): the totals the workbench
 * shows leave them out by default, and the difference must be visible.
 */
export function reconcile(
  sheet: string,
  rows: readonly RawRow[],
  classes: readonly RowClass[],
): Reconciliation[] {
  const out: Reconciliation[] = [];
  rows.forEach((raw, i) => {
    const kind = classes[i]!.kind;
    if (kind !== 'total' && kind !== 'subtotal') return;
    const lines = closedLines(rows, classes, i);
    if (lines.length === 0) return;
    for (const [phase, statedMinor] of Object.entries(raw.values) as [Phase, number][]) {
      const computedMinor = lines.reduce((sum, j) => sum + (rows[j]!.values[phase] ?? 0), 0);
      const hiddenMinor = lines.reduce(
        (sum, j) => sum + (rows[j]!.hidden ? (rows[j]!.values[phase] ?? 0) : 0),
        0,
      );
      const label = raw.label ?? raw.code ?? raw.texts[0] ?? '';
      const differenceMinor = statedMinor - computedMinor;
      out.push({
        sheet,
        row: raw.row + 1,
        label,
        phase,
        statedMinor,
        computedMinor,
        differenceMinor,
        ...(hiddenMinor !== 0 ? { hiddenMinor } : {}),
      });
    }
  });
  return out;
}
