import type { BudgetInfo, BudgetVersion } from '../../../src-shared/model';

export const VERSIONS: readonly BudgetVersion[] = ['primitif', 'revised', 'compte-administratif'];

/** One entity's fiscal year, with the budget of each version when imported. */
export interface YearGroup {
  year: number | null;
  versions: Partial<Record<BudgetVersion, BudgetInfo>>;
  /** The population recorded for the entity that year, from any of its budgets. */
  population: number | null;
}

export interface EntityGroup {
  entity: string;
  years: YearGroup[];
}

/**
 * Budgets grouped by entity (by name) and year, the latest year first; a year without a known
 * fiscal year comes last. Of two budgets of one version, the store lists only the current one.
 */
export function groupBudgets(budgets: readonly BudgetInfo[]): EntityGroup[] {
  const entities = new Map<string, Map<number | null, YearGroup>>();
  for (const budget of budgets) {
    const years = entities.get(budget.entity) ?? new Map<number | null, YearGroup>();
    entities.set(budget.entity, years);
    const group = years.get(budget.fiscalYear) ?? {
      year: budget.fiscalYear,
      versions: {},
      population: null,
    };
    years.set(budget.fiscalYear, group);
    const shown = group.versions[budget.version];
    if (!shown || shown.id < budget.id) group.versions[budget.version] = budget;
    group.population ??= budget.population;
  }
  const byYear = (a: YearGroup, b: YearGroup) => (b.year ?? -Infinity) - (a.year ?? -Infinity);
  return [...entities.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([entity, years]) => ({ entity, years: [...years.values()].sort(byYear) }));
}
