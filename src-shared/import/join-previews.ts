import type { ImportedAmount, ImportedRow, ImportIssue, ImportPreview, Phase } from '../model';

/** The columns to join on: pairs of header names, budget file first, actuals file second. */
export interface JoinKey {
  key: { budget: string; actuals: string }[];
}

/** What the join found, to show before the user confirms it. */
export interface JoinResult {
  preview: ImportPreview;
  matched: number;
  onlyInBudget: number;
  onlyInActuals: number;
}

const BUDGET_PHASES = new Set<Phase>(['original', 'revised', 'change']);

function keyOf(row: ImportedRow, columns: readonly string[]): string | null {
  const values = columns.map((c) => row.keyValues?.[c] ?? '');
  return values.some(Boolean) ? JSON.stringify(values) : null;
}

/** Lines of one file grouped by the join key; figures of a phase summed, cells kept as parts. */
function byKey(preview: ImportPreview, columns: readonly string[], keep: (p: Phase) => boolean) {
  const groups = new Map<string, { row: ImportedRow; amounts: ImportedAmount[] }>();
  let unkeyed = 0;
  for (const row of preview.rows) {
    if (row.kind !== 'line') continue;
    const key = keyOf(row, columns);
    if (!key) {
      unkeyed += 1;
      continue;
    }
    const group = groups.get(key) ?? { row, amounts: [] };
    groups.set(key, group);
    for (const a of row.amounts.filter((x) => keep(x.phase))) {
      const cell = `${row.sheet}!${a.cell}`;
      const parts = (a.parts ?? [a]).map((p) => ({ ...p, cell: `${row.sheet}!${p.cell}` }));
      const held = group.amounts.find((x) => x.phase === a.phase);
      if (!held) group.amounts.push({ ...a, cell, parts });
      else {
        held.valueMinor += a.valueMinor;
        held.parts = [...(held.parts ?? []), ...parts];
      }
    }
  }
  return { groups, unkeyed };
}

/**
 * Joins a budget file and an actuals file of the same entity and year, read separately with
 * different column names, on key columns the user confirms. Each side is first summed by the
 * key (a budget line may be finer than the actuals, or the reverse); the budget side gives the
 * forecast phases, the actuals side the execution ones. Every amount's cell is prefixed by its
 * sheet ("actuals!J12"), since the two files' cells would otherwise meet. Pure.
 */
export function joinPreviews(
  budget: ImportPreview,
  actuals: ImportPreview,
  options: JoinKey,
): JoinResult {
  const b = byKey(
    budget,
    options.key.map((k) => k.budget),
    (p) => BUDGET_PHASES.has(p),
  );
  const a = byKey(
    actuals,
    options.key.map((k) => k.actuals),
    (p) => !BUDGET_PHASES.has(p),
  );
  const rows: ImportedRow[] = [];
  let matched = 0;
  for (const [key, side] of b.groups) {
    const other = a.groups.get(key);
    if (other) matched += 1;
    const keyValues = Object.fromEntries(options.key.map((k, i) => [k.budget, (JSON.parse(key) as string[])[i] ?? '']));
    rows.push({ ...side.row, amounts: [...side.amounts, ...(other?.amounts ?? [])], keyValues, reason: other ? 'budget and actuals joined on the key' : 'in the budget only' });
  } // prettier-ignore
  for (const [key, side] of a.groups) {
    if (b.groups.has(key)) continue;
    const keyValues = Object.fromEntries(options.key.map((k, i) => [k.budget, (JSON.parse(key) as string[])[i] ?? '']));
    rows.push({ ...side.row, amounts: side.amounts, keyValues, reason: 'in the actuals only' });
  } // prettier-ignore

  const onlyInBudget = b.groups.size - matched;
  const onlyInActuals = a.groups.size - matched;
  const names = options.key.map((k) => `${k.budget} = ${k.actuals}`).join(', ');
  const note = (code: string, message: string): ImportIssue => ({ severity: 'info', code, file: null, sheet: null, row: null, column: null, message }); // prettier-ignore
  const issues = [
    note('join-counts', `Jointure sur ${names} : ${matched} lignes dans les deux fichiers, ${onlyInBudget} dans le budget seulement, ${onlyInActuals} dans les réalisations seulement`),
    ...(b.unkeyed + a.unkeyed > 0 ? [note('join-unkeyed', `${b.unkeyed + a.unkeyed} lignes sans valeur de clé, laissées hors de la jointure`)] : []),
  ]; // prettier-ignore
  const preview: ImportPreview = {
    ...budget,
    sheets: [...budget.sheets, ...actuals.sheets],
    rows,
    issues: [...budget.issues, ...actuals.issues, ...issues],
    reconciliations: [...budget.reconciliations, ...actuals.reconciliations],
  };
  return { preview, matched, onlyInBudget, onlyInActuals };
}
