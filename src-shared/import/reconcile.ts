import type { Phase, Reconciliation } from '../model';
import { hierarchyKey, type RawRow, type RowClass } from './classify-rows';

/**
 * The table's codes as hierarchy keys, computed once, and its lines sorted by key so that the
 * lines under a code are one binary search away: a table of a million lines has tens of
 * thousands of "Sous-total chapitre …" rows, and scanning the table for each is quadratic.
 */
interface TableIndex {
  keys: (string | null)[];
  byKey: { key: string; j: number }[];
}

function indexTable(rows: readonly RawRow[], classes: readonly RowClass[]): TableIndex {
  const keys = rows.map((r) => (r.code ? hierarchyKey(r.code) : null));
  const byKey: { key: string; j: number }[] = [];
  keys.forEach((key, j) => {
    if (key !== null && classes[j]!.kind === 'line') byKey.push({ key, j });
  });
  byKey.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.j - b.j));
  return { keys, byKey };
}

/** Indexes of the lines above `before` whose key starts with `prefix`, in row order. */
function linesUnder(index: TableIndex, prefix: string, before: number): number[] {
  let lo = 0;
  let hi = index.byKey.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.byKey[mid]!.key < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < index.byKey.length && index.byKey[k]!.key.startsWith(prefix); k += 1) {
    if (index.byKey[k]!.j < before) out.push(index.byKey[k]!.j);
  }
  return out.sort((a, b) => a - b);
}

const SUBTOTAL_STOPS = new Set(['subtotal', 'total', 'banner', 'heading']);

/** The rows a stated total or subtotal closes, as indexes into the table's rows. */
function closedLines(
  rows: readonly RawRow[],
  classes: readonly RowClass[],
  index: TableIndex,
  i: number,
): number[] {
  const raw = rows[i]!;
  const kind = classes[i]!.kind;
  // A total split by section closes the lines of its own section only.
  const inSection = (j: number) => !raw.section || rows[j]!.section === raw.section;
  const lineIndexes = (from: number, to: number) => {
    const out: number[] = [];
    for (let j = from; j < to; j += 1) {
      if (classes[j]!.kind === 'line' && inSection(j)) out.push(j);
    }
    return out;
  };

  // A coded subtotal closes the lines below it that its code prefixes.
  const key = index.keys[i];
  if (key && kind === 'subtotal') {
    let end = i + 1;
    while (end < rows.length && (index.keys[end] === null || index.keys[end]!.startsWith(key))) {
      if (classes[end]!.kind === 'total' || classes[end]!.kind === 'banner') break;
      end += 1;
    }
    return lineIndexes(i + 1, end).filter((j) => index.keys[j]?.startsWith(key));
  }

  // "Total chapitre 70" closes the lines coded 70…, wherever they sit above.
  const words = [raw.label ?? '', ...raw.texts].join(' ');
  const named = /(?:chapitre|article|compte|chapter|account|celkem\s+za)\s+([\d.]+)/i.exec(words);
  if (named?.[1]) return linesUnder(index, hierarchyKey(named[1]), i).filter(inSection);

  // A grand total closes every line above; another total or subtotal those since the last one.
  const isGrand = /g[ée]n[ée]ral|grand|general/i.test(raw.label ?? '');
  let start = 0;
  for (let j = i - 1; j >= 0 && !isGrand; j -= 1) {
    if (rows[j]!.row === raw.row) continue; // another section of the same sheet row
    const k = classes[j]!.kind;
    const stops = kind === 'subtotal' ? SUBTOTAL_STOPS.has(k) : k === 'total';
    if (stops || (k === 'banner' && kind === 'total' && !raw.code)) {
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
  const index = indexTable(rows, classes);
  rows.forEach((raw, i) => {
    const kind = classes[i]!.kind;
    if (kind !== 'total' && kind !== 'subtotal') return;
    const lines = closedLines(rows, classes, index, i);
    if (lines.length === 0) return;
    for (const [phase, statedMinor] of Object.entries(raw.values) as [Phase, number][]) {
      // One loop for both sums: a grand total closes every line of the table.
      let computedMinor = 0;
      let hiddenMinor = 0;
      for (const j of lines) {
        const line = rows[j]!;
        const value = line.values[phase] ?? 0;
        computedMinor += value;
        hiddenMinor += line.hidden ? value : 0;
      }
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
