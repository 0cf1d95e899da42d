import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { summarise } from '../../src-shared/analysis/summarise';
import type { BudgetInfo, BudgetLine, ImportIssue, ImportPreview } from '../../src-shared/model';
import { importFile, previewFile, type ImportOutcome } from '../services/import-service';
import type { Replacement } from '../services/replace-version';
import { getBudget } from '../store/budgets-repo';
import { linesOfRows, readLines } from '../store/lines-repo';
import { openStore } from '../store/open-store';
import {
  importOptionsOf,
  requireString,
  serviceOptionsOf,
  UsageError,
  type ParsedValues,
} from './cli-args';
import type { CliIo } from './cli-io';
import { sayIn } from './cli-messages';
import { sideTotalsMajor } from './summary-output';
import { formatTable } from './table-text';

function previewBudget(preview: ImportPreview, lines: BudgetLine[]): BudgetInfo {
  return {
    id: 0,
    entity: preview.entity ?? preview.file.name,
    fiscalYear: preview.fiscalYear,
    currency: preview.currency,
    currencyExponent: preview.currencyExponent,
    version: 'compte-administratif',
    executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    sourceFile: preview.file.name,
    sourceSha256: preview.file.sha256,
    importedAt: new Date().toISOString(),
    lineCount: lines.filter((l) => l.kind === 'line').length,
    population: null,
  };
}

/** What `import --json` prints: amounts in major units, null where the file has no figure. */
export interface ImportReport {
  budgetId: number | null;
  duplicate: boolean;
  dryRun: boolean;
  entity: string | null;
  year: number | null;
  currency: string | null;
  /** How a text file was decoded (a WHATWG name); null for workbooks. */
  encoding: string | null;
  version: BudgetInfo['version'] | null;
  /** The budget a corrected file superseded, with the lines added, removed and changed. */
  replaced?: Replacement;
  lines: number;
  totals: Record<'revenue' | 'expenditure', ReturnType<typeof sideTotalsMajor>> | null;
  issues: Omit<ImportIssue, 'file'>[];
  rowCounts: Record<string, number>;
}

const issueJson = (i: ImportIssue) => ({
  severity: i.severity,
  code: i.code,
  message: i.message,
  sheet: i.sheet,
  row: i.row,
  column: i.column,
});

function rowCounts(preview: ImportPreview | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of preview?.rows ?? []) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}

function issuesText(issues: Omit<ImportIssue, 'file'>[]): string {
  if (issues.length === 0) return 'Aucune remarque.';
  const rows = issues.map((i) => [
    // The import's messages are French, and so is the word for how grave each one is.
    sayIn('fr')(`severity.${i.severity}`),
    i.sheet ?? '—',
    i.row === null ? '—' : String(i.row),
    i.column ?? '—',
    i.message,
  ]);
  return formatTable([['Gravité', 'Feuille', 'Ligne', 'Col.', 'Message'], ...rows], ['left']);
}

/** `budget-clair import`: exit 0 imported, 2 refused (nothing written). */
export async function importCommand(
  values: ParsedValues,
  positionals: string[],
  io: CliIo,
): Promise<number> {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('import attend un seul FICHIER.');
  const dbPath = requireString(values, 'db');
  const options = importOptionsOf(values);
  const dryRun = values['dry-run'] === true;
  const bytes = new Uint8Array(await readFile(file));
  const request = { fileName: basename(file), bytes, options, actor: 'cli', ...serviceOptionsOf(values) }; // prettier-ignore

  let outcome: ImportOutcome;
  let budget: BudgetInfo | null = null;
  let lines: BudgetLine[] = [];
  if (dryRun) {
    const preview = await previewFile(request);
    outcome = preview.ok ? { ...preview, budgetId: 0, duplicate: false } : preview;
    if (outcome.ok) {
      lines = linesOfRows(outcome.preview.rows);
      budget = previewBudget(outcome.preview, lines);
    }
  } else {
    const store = openStore(dbPath);
    try {
      outcome = await importFile(store, request);
      if (outcome.ok) {
        budget = getBudget(store.db, outcome.budgetId);
        lines = readLines(store.db, outcome.budgetId);
      }
    } finally {
      store.close();
    }
  }

  const result = importReport(outcome, budget, lines, dryRun);
  if (values.json === true) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(importText(result, outcome.ok));
  return outcome.ok ? 0 : 2;
}

/** The report of a stored (or dry-run) import, as `import` and `join` print it. */
export function importReport(
  outcome: ImportOutcome,
  budget: BudgetInfo | null,
  lines: BudgetLine[],
  dryRun: boolean,
): ImportReport {
  const preview = outcome.preview;
  const issues = outcome.ok ? outcome.preview.issues : outcome.issues;
  const summary = budget ? summarise(budget, lines, { basis: 'revised' }) : null;
  const e = budget?.currencyExponent ?? 0;
  return {
    budgetId: outcome.ok && !dryRun ? outcome.budgetId : null,
    duplicate: outcome.ok ? outcome.duplicate : false,
    dryRun,
    entity: budget?.entity ?? preview?.entity ?? null,
    year: budget?.fiscalYear ?? preview?.fiscalYear ?? null,
    currency: budget?.currency ?? preview?.currency ?? null,
    encoding: preview?.file.encoding ?? null,
    version: budget && !dryRun ? budget.version : null,
    ...(outcome.ok && outcome.replaced ? { replaced: outcome.replaced } : {}),
    lines: lines.filter((l) => l.kind === 'line').length,
    totals: summary
      ? {
          revenue: sideTotalsMajor(summary.totals.revenue, e),
          expenditure: sideTotalsMajor(summary.totals.expenditure, e),
        }
      : null,
    issues: issues.map(issueJson),
    rowCounts: rowCounts(preview),
  };
}

export function importText(r: ImportReport, ok: boolean): string {
  const head = !ok
    ? 'Fichier refusé : rien n’a été enregistré.'
    : r.dryRun
      ? `Essai à blanc : ${r.lines} lignes seraient enregistrées (rien n’a été écrit).`
      : r.duplicate
        ? `Ce fichier a déjà été importé : budget n° ${r.budgetId}.`
        : `Importé : budget n° ${r.budgetId}, ${r.lines} lignes.`;
  const what = `${r.entity ?? 'Entité inconnue'} — exercice ${r.year ?? 'inconnu'}`;
  return [head, what, '', issuesText(r.issues), ''].join('\n');
}
