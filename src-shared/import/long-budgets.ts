import type { ImportIssue, Phase } from '../model';

/** One row of a long table as far as choosing its budget goes. */
export interface LongRowFacts {
  entity: string | null;
  year: number | null;
  phase: Phase;
}

/** The budget (entity and year) a long file is read as; null parts are not filtered. */
export interface LongPick {
  entity: string | null;
  year: number | null;
}

const FORECASTS: ReadonlySet<Phase> = new Set(['original', 'revised']);

const budgetName = (entity: string | null, year: number | null) =>
  [entity, year].filter((part) => part !== null).join(' ') || '—';

/**
 * Which budget of a long file to read, when its rows hold several entities or years. The asked
 * entity and year win; otherwise the first entity, in row order, that has a year with both a
 * forecast and an execution figure, and of its years the latest such one, since a comparison
 * needs both. Without any such year, the first entity and its latest year. Null when the file
 * holds one budget only, so nothing is filtered.
 */
export function pickLongBudget(
  rows: readonly LongRowFacts[],
  asked: { entity: string | null; year: number | null },
): LongPick | null {
  const entities = [...new Set(rows.map((r) => r.entity))];
  const years = new Set(rows.map((r) => r.year));
  if (entities.length <= 1 && years.size <= 1) return null;

  const wanted = asked.entity?.trim().toLowerCase();
  const named = entities.find((e) => e !== null && e.trim().toLowerCase() === wanted);
  const complete = (entity: string | null) => {
    const kinds = new Map<number | null, { forecast: boolean; executed: boolean }>();
    for (const r of rows.filter((row) => row.entity === entity)) {
      const seen = kinds.get(r.year) ?? { forecast: false, executed: false };
      if (FORECASTS.has(r.phase)) seen.forecast = true;
      else seen.executed = true;
      kinds.set(r.year, seen);
    }
    return [...kinds].filter(([, k]) => k.forecast && k.executed).map(([year]) => year);
  };
  const entity =
    named !== undefined
      ? named
      : (entities.find((e) => complete(e).length > 0) ?? entities[0] ?? null);
  if (asked.year !== null) return { entity, year: asked.year };
  const candidates = complete(entity);
  const own = candidates.length > 0 ? candidates : rows.filter((r) => r.entity === entity).map((r) => r.year); // prettier-ignore
  const latest = own.reduce<number | null>((max, y) => (y !== null && (max === null || y > max) ? y : max), null); // prettier-ignore
  return { entity, year: latest };
}

/** True when a row belongs to the picked budget. */
export function isPicked(pick: LongPick | null, entity: string | null, year: number | null) {
  if (pick === null) return true;
  if (pick.entity !== null && entity !== pick.entity) return false;
  return pick.year === null || year === null || year === pick.year;
}

/**
 * What reading one budget of a long file leaves out: an info with the rows per budget left
 * out, and a warning naming the budget read and the others the file holds.
 */
export function leftOutIssues(
  base: Omit<ImportIssue, 'severity' | 'code' | 'message'>,
  pick: LongPick,
  leftOut: ReadonlyMap<string, number>,
): ImportIssue[] {
  if (leftOut.size === 0) return [];
  const total = [...leftOut.values()].reduce((sum, n) => sum + n, 0);
  const list = [...leftOut].map(([name, n]) => `${name} (${n} ligne${n > 1 ? 's' : ''})`);
  const read = budgetName(pick.entity, pick.year);
  return [
    {
      ...base,
      severity: 'info',
      code: 'rows-left-out',
      message: `${total} ligne${total > 1 ? 's' : ''} d'autres budgets laissée${total > 1 ? 's' : ''} de côté : ${list.join(', ')}`,
    },
    {
      ...base,
      severity: 'warning',
      code: 'several-budgets',
      message: `Le fichier contient plusieurs budgets ; seul « ${read} » est lu. Autres budgets : ${[...leftOut.keys()].join(', ')} ; importez-les un par un avec --entity et --year.`,
    },
  ];
}

export { budgetName as longBudgetName };
