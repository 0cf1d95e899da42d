import { tableFromIPC } from 'apache-arrow';
import type { Direction, Flag, RowKind, Section, Severity } from '../../../src-shared/model';

/** One stored row as the explorer shows it; amounts in minor units, null where absent. */
export interface ExplorerRow {
  id: number;
  sheet: string;
  row: number;
  kind: RowKind;
  code: string | null;
  label: string | null;
  direction: Direction | null;
  section: Section | null;
  chapter: string | null;
  parentCode: string | null;
  level: number;
  planned: number | null;
  revised: number | null;
  executed: number | null;
  rate: number | null;
  /** Code and label folded to lower case without accents, for the text search. */
  haystack: string;
}

export interface ExplorerFilter {
  direction?: Direction;
  section?: Section;
  chapter?: string;
  rateMin?: number;
  rateMax?: number;
  flaggedOnly?: boolean;
  text?: string;
}

export type SortKey = 'code' | 'label' | 'planned' | 'revised' | 'executed' | 'rate' | 'flag';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const nodeKey = (sheet: string, code: string) => `${sheet}\u0000${code}`;
export const keyOf = (row: ExplorerRow) => (row.code ? nodeKey(row.sheet, row.code) : null);

/** Decodes the Arrow IPC stream of `budgets.linesArrow` into rows, column by column. */
export function rowsFromArrow(base64: string): ExplorerRow[] {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const table = tableFromIPC(bytes);
  const col = <T>(name: string) => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`the lines table has no column ${name}`);
    return vector.toArray() as ArrayLike<T>;
  };
  // Utf8 and nullable columns come back as plain arrays; numbers keep their nulls via get().
  const strings = (name: string) => {
    const vector = table.getChild(name);
    return (i: number) => (vector?.get(i) as string | null) ?? null;
  };
  const numbers = (name: string) => {
    const vector = table.getChild(name);
    return (i: number) => (vector?.get(i) as number | null) ?? null;
  };
  const ids = col<number>('id');
  const rowNumbers = col<number>('row');
  const levels = col<number>('level');
  const [sheet, kind, code, label, direction, section, chapter, parentCode] = [
    'sheet', 'kind', 'code', 'label', 'direction', 'section', 'chapter', 'parentCode',
  ].map(strings); // prettier-ignore
  const [planned, revised, executed, rate] = ['planned', 'revised', 'executed', 'rate'].map(
    numbers,
  );

  const rows: ExplorerRow[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const c = code?.(i) ?? null;
    const l = label?.(i) ?? null;
    rows[i] = {
      id: ids[i] ?? 0,
      sheet: sheet?.(i) ?? '',
      row: rowNumbers[i] ?? 0,
      kind: (kind?.(i) ?? 'line') as RowKind,
      code: c,
      label: l,
      direction: direction?.(i) as Direction | null,
      section: section?.(i) as Section | null,
      chapter: chapter?.(i) ?? null,
      parentCode: parentCode?.(i) ?? null,
      level: levels[i] ?? 0,
      planned: planned?.(i) ?? null,
      revised: revised?.(i) ?? null,
      executed: executed?.(i) ?? null,
      rate: rate?.(i) ?? null,
      haystack: fold(`${c ?? ''} ${l ?? ''}`),
    };
  }
  return rows;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst flag severity of each line. */
export function worstSeverityByLine(flags: Flag[]): Map<number, Severity> {
  const worst = new Map<number, Severity>();
  for (const flag of flags) {
    if (flag.lineId === null) continue;
    const seen = worst.get(flag.lineId);
    if (!seen || SEVERITY_RANK[flag.severity] < SEVERITY_RANK[seen])
      worst.set(flag.lineId, flag.severity);
  }
  return worst;
}

/** Codes that head other rows of their sheet: the rows that can be folded. */
export function parentKeys(rows: ExplorerRow[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) if (row.parentCode) keys.add(nodeKey(row.sheet, row.parentCode));
  return keys;
}

/**
 * A row with no code, no label and no figure: the banner or spacer rows a file keeps between
 * its tables. Stored for provenance, but shown in the tree they are only blank bands.
 */
export function isEmpty(row: ExplorerRow): boolean {
  return (
    !row.code && !row.label && row.planned === null && row.revised === null && row.executed === null
  );
}

export function isFiltering(filter: ExplorerFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== '' && v !== false);
}

function matches(row: ExplorerRow, f: ExplorerFilter, flags: Map<number, Severity>): boolean {
  if (row.kind !== 'line') return false;
  if (f.direction && row.direction !== f.direction) return false;
  if (f.section && row.section !== f.section) return false;
  if (f.chapter && row.chapter !== f.chapter) return false;
  if (f.rateMin !== undefined && (row.rate === null || row.rate < f.rateMin)) return false;
  if (f.rateMax !== undefined && (row.rate === null || row.rate > f.rateMax)) return false;
  if (f.flaggedOnly && !flags.has(row.id)) return false;
  return !f.text || row.haystack.includes(fold(f.text.trim()));
}

/**
 * The rows to show, as indices into `rows`. With no filter and no sort, the file's order with
 * folded branches left out; a filter or a sort gives the matching detail lines as a flat list,
 * since a sorted tree would scatter each branch.
 */
export function visibleRows(
  rows: ExplorerRow[],
  filter: ExplorerFilter,
  sort: Sort | null,
  collapsed: ReadonlySet<string>,
  flags: Map<number, Severity>,
): number[] {
  if (!isFiltering(filter) && !sort) {
    const hidden = new Set<string>();
    const out: number[] = [];
    rows.forEach((row, i) => {
      const parent = row.parentCode ? nodeKey(row.sheet, row.parentCode) : null;
      const isHidden = parent !== null && (collapsed.has(parent) || hidden.has(parent));
      const key = keyOf(row);
      if (isHidden) {
        if (key) hidden.add(key);
      } else if (!isEmpty(row)) out.push(i);
    });
    return out;
  }
  const out: number[] = [];
  rows.forEach((row, i) => matches(row, filter, flags) && out.push(i));
  return sort ? sortIndices(rows, out, sort, flags) : out;
}

function sortIndices(
  rows: ExplorerRow[],
  indices: number[],
  sort: Sort,
  flags: Map<number, Severity>,
) {
  const value = (i: number): string | number | null => {
    const row = rows[i] as ExplorerRow;
    if (sort.key === 'code' || sort.key === 'label') return row[sort.key];
    if (sort.key === 'flag') {
      const s = flags.get(row.id);
      return s ? SEVERITY_RANK[s] : null;
    }
    return row[sort.key];
  };
  const sign = sort.descending ? -1 : 1;
  const collator = new Intl.Collator('fr', { numeric: true });
  // Rows without a value go last whichever the direction, as a spreadsheet does.
  return [...indices].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === null || b === null) return a === b ? x - y : a === null ? 1 : -1;
    const order = typeof a === 'string' ? collator.compare(a, String(b)) : a - Number(b);
    return order === 0 ? x - y : sign * order;
  });
}
