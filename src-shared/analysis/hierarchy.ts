import type { BudgetLine, Phase } from '../model';

/** A stated subtotal or total row with the sums of the detail lines it closes. */
export interface StatedGroup {
  row: BudgetLine;
  /** How its lines were found: by code (prefix or parent chain), or by sheet and section. */
  scope: 'code' | 'section' | 'sheet';
  sums: Partial<Record<Phase, number>>;
  lineCount: number;
}

const LABEL_CODE = /(?:^|\s)(\d{2,8})(?:\s|$)/;

/** The code a subtotal row stands for: its own, or one written in its label ("Total 60"). */
export function codeOfStated(row: BudgetLine): string | null {
  if (row.code) return row.code;
  return LABEL_CODE.exec(row.label ?? '')?.[1] ?? null;
}

const matchesDirection = (row: BudgetLine, line: BudgetLine) =>
  row.direction === null || row.direction === line.direction;

/**
 * Finds, for every subtotal and total row, the detail lines it should equal. A coded row closes
 * the lines of its sheet whose code it prefixes or whose parentCode chain leads to it; an
 * uncoded total closes its sheet's lines of its direction (and section when it has one). Rows
 * whose lines cannot be told (an uncoded subtotal with no code in its label) are left out.
 * One pass over the lines: each line visits only its own code's prefixes and parents.
 */
export function statedGroups(rows: BudgetLine[]): StatedGroup[] {
  const coded = new Map<string, Map<string, StatedGroup[]>>();
  const wide: StatedGroup[] = [];
  const parents = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (row.code !== null && row.parentCode !== null) {
      mapOf(parents, row.sheet).set(row.code, row.parentCode);
    }
    if (row.kind !== 'subtotal' && row.kind !== 'total') continue;
    const code = codeOfStated(row);
    if (code !== null) {
      const byCode = mapOf(coded, row.sheet);
      const group: StatedGroup = { row, scope: 'code', sums: {}, lineCount: 0 };
      byCode.set(code, [...(byCode.get(code) ?? []), group]);
    } else if (row.kind === 'total') {
      wide.push({ row, scope: row.section === null ? 'sheet' : 'section', sums: {}, lineCount: 0 });
    }
  }

  const lengths = new Map<string, number[]>();
  for (const [sheet, byCode] of coded) {
    lengths.set(sheet, [...new Set([...byCode.keys()].map((code) => code.length))]);
  }
  const ancestors: string[] = [];
  for (const line of rows) {
    if (line.kind !== 'line') continue;
    const byCode = coded.get(line.sheet);
    if (byCode && line.code !== null) {
      collectAncestors(line, lengths.get(line.sheet) ?? [], parents.get(line.sheet), ancestors);
      for (const code of ancestors) {
        for (const group of byCode.get(code) ?? []) {
          if (matchesDirection(group.row, line)) add(group, line);
        }
      }
    }
    for (const group of wide) {
      if (group.row.sheet !== line.sheet || !matchesDirection(group.row, line)) continue;
      if (group.row.section !== null && group.row.section !== line.section) continue;
      add(group, line);
    }
  }
  return [...[...coded.values()].flatMap((m) => [...m.values()].flat()), ...wide];
}

function mapOf<T>(maps: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}

/** Strict prefixes of the line's code (of the lengths stated codes have), then its parents. */
function collectAncestors(
  line: BudgetLine,
  lengths: number[],
  parents: Map<string, string> | undefined,
  out: string[],
) {
  out.length = 0;
  const code = line.code as string;
  for (const len of lengths) if (len < code.length) out.push(code.slice(0, len));
  let parent = line.parentCode;
  for (let steps = 0; parent !== null && steps < 32; steps++) {
    if (!out.includes(parent)) out.push(parent);
    parent = parents?.get(parent) ?? null;
  }
}

function add(group: StatedGroup, line: BudgetLine): void {
  group.lineCount += 1;
  for (const phase in line.amounts) {
    const value = line.amounts[phase as Phase] as number;
    group.sums[phase as Phase] = (group.sums[phase as Phase] ?? 0) + value;
  }
}
