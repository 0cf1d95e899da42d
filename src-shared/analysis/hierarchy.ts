import { Phase, type BudgetLine } from '../model';

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
  // Only codes that are some row's parent can be on a chain: keeping just those spares a map of
  // every line's code.
  const parentCodes = parentCodesOf(rows);
  // A code of a length no parent has is no parent: most line codes are never looked up.
  const parentLengths = new Set([...parentCodes].map((code) => code.length));
  for (const row of rows) {
    const own = row.code;
    if (own !== null && row.parentCode !== null && parentLengths.has(own.length)) {
      if (parentCodes.has(own)) mapOf(parents, row.sheet).set(own, row.parentCode);
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
  const wideBySheet = new Map<string, StatedGroup[]>();
  for (const group of wide) mapList(wideBySheet, group.row.sheet).push(group);
  const runs = new RunsOfLines(coded, lengths, parents, wideBySheet);
  for (const line of rows) if (line.kind === 'line') runs.add(line);
  runs.flush();
  return [...[...coded.values()].flatMap((m) => [...m.values()].flat()), ...wide];
}

/** Every row's parent code; rows of one chapter share theirs, which is added once. */
function parentCodesOf(rows: BudgetLine[]): Set<string> {
  const codes = new Set<string>();
  let last: string | null = null;
  for (const row of rows) {
    if (row.parentCode === null || row.parentCode === last) continue;
    codes.add(row.parentCode);
    last = row.parentCode;
  }
  return codes;
}

const PHASES = Phase.options;
const PHASE_INDEX = Object.fromEntries(PHASES.map((phase, i) => [phase, i])) as Record<Phase, number>; // prettier-ignore

/**
 * Adds lines to their groups run by run. Lines come chapter by chapter, so consecutive lines
 * nearly always close into the same groups: a run is summed once, in a typed array, and added
 * to each of its groups when the next line's groups differ. Amounts are integer minor units,
 * so a run's sum added at once gives the same total as its lines added one by one.
 */
class RunsOfLines {
  private last: BudgetLine | null = null;
  private prefixes: string[] = [];
  private groups: StatedGroup[] = [];
  private readonly ancestors: string[] = [];
  private readonly sums = new Float64Array(PHASES.length);
  private readonly has = new Uint8Array(PHASES.length);
  private count = 0;

  constructor(
    private readonly coded: Map<string, Map<string, StatedGroup[]>>,
    private readonly lengths: Map<string, number[]>,
    private readonly parents: Map<string, Map<string, string>>,
    private readonly wideBySheet: Map<string, StatedGroup[]>,
  ) {}

  add(line: BudgetLine): void {
    if (!this.sameAsLast(line)) {
      this.flush();
      this.resolve(line);
    }
    this.last = line;
    this.count += 1;
    for (const phase in line.amounts) {
      const i = PHASE_INDEX[phase as Phase];
      this.sums[i] = (this.sums[i] as number) + (line.amounts[phase as Phase] as number);
      this.has[i] = 1;
    }
  }

  flush(): void {
    if (this.count === 0) return;
    for (const group of this.groups) {
      group.lineCount += this.count;
      for (let i = 0; i < PHASES.length; i++) {
        if (this.has[i] === 0) continue;
        const phase = PHASES[i] as Phase;
        group.sums[phase] = (group.sums[phase] ?? 0) + (this.sums[i] as number);
      }
    }
    this.sums.fill(0);
    this.has.fill(0);
    this.count = 0;
  }

  private sameAsLast(line: BudgetLine): boolean {
    const last = this.last;
    if (last === null) return false;
    if (last.sheet !== line.sheet || last.direction !== line.direction) return false;
    if (last.section !== line.section || last.parentCode !== line.parentCode) return false;
    if (last.code === null || line.code === null) return last.code === line.code;
    if (last.code.length !== line.code.length) return false;
    for (const prefix of this.prefixes) if (!line.code.startsWith(prefix)) return false;
    return true;
  }

  private resolve(line: BudgetLine): void {
    const groups: StatedGroup[] = [];
    const byCode = this.coded.get(line.sheet);
    const prefixes: string[] = [];
    if (byCode && line.code !== null) {
      const lengths = this.lengths.get(line.sheet) ?? [];
      collectAncestors(line, lengths, this.parents.get(line.sheet), this.ancestors);
      for (const len of lengths) if (len < line.code.length) prefixes.push(line.code.slice(0, len));
      for (const code of this.ancestors) {
        for (const group of byCode.get(code) ?? []) {
          if (matchesDirection(group.row, line)) groups.push(group);
        }
      }
    }
    for (const group of this.wideBySheet.get(line.sheet) ?? []) {
      if (!matchesDirection(group.row, line)) continue;
      if (group.row.section !== null && group.row.section !== line.section) continue;
      groups.push(group);
    }
    this.groups = groups;
    this.prefixes = prefixes;
  }
}

function mapList<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
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
