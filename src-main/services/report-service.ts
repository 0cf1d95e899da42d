import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Basis } from '../../src-shared/analysis/figures';
import { computePefa, type PefaInputYear } from '../../src-shared/analysis/pefa';
import { summarise } from '../../src-shared/analysis/summarise';
import { hashSettings, resolveSettings } from '../../src-shared/analysis/rules/settings';
import type { SheetPreview } from '../../src-shared/model';
import { exportBudget, type ExportFormat } from '../report/export-budget';
import type { ReportInput, ReportLang } from '../report/report-input';
import { getBudget, latestBudgetId, listBudgets } from '../store/budgets-repo';
import { listFlags } from '../store/flags-repo';
import { getImportOfBudget } from '../store/imports-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { sha256Hex } from './import-service';
import { storedOverrides } from './rule-settings';
import { ServiceError } from './service-error';

/** The budget asked for, or the latest import when none is named. */
export function resolveBudgetId(store: Store, budgetId?: number): number {
  const id = budgetId ?? latestBudgetId(store.db);
  if (id === null) {
    throw new ServiceError(
      'no-budget',
      'Cette base ne contient encore aucun budget : importez un fichier.',
    );
  }
  if (!getBudget(store.db, id)) {
    throw new ServiceError('not-found', `Il n’y a pas de budget n° ${id} dans cette base.`);
  }
  return id;
}

function usedSheets(sheets: unknown): string[] {
  if (!Array.isArray(sheets)) return [];
  return (sheets as SheetPreview[]).filter((s) => s.used).map((s) => s.name);
}

/**
 * The stored years of one entity, one budget a year: the latest import of a year stands for
 * the earlier ones (listBudgets gives the latest first).
 */
export function entityYears(store: Store, entity: string): PefaInputYear[] {
  const byYear = new Map<number, number>();
  for (const budget of listBudgets(store.db)) {
    if (budget.entity !== entity || budget.fiscalYear === null) continue;
    if (!byYear.has(budget.fiscalYear)) byYear.set(budget.fiscalYear, budget.id);
  }
  return [...byYear].flatMap(([fiscalYear, id]) => {
    const budget = getBudget(store.db, id);
    return budget ? [{ fiscalYear, budget, lines: readLines(store.db, id) }] : [];
  });
}

export interface ReportInputOptions {
  /** The forecast execution is judged against; the rule settings' basis when not given. */
  basis?: Basis;
  generatedAt?: string;
}

/** Everything a report needs, read once from the store, with PEFA when the entity has years. */
export function buildReportInput(
  store: Store,
  budgetId: number,
  lang: ReportLang,
  options: ReportInputOptions = {},
): ReportInput {
  const { basis, generatedAt = new Date().toISOString() } = options;
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) throw new ServiceError('not-found', `Il n’y a pas de budget n° ${budgetId}.`);
  const lines = readLines(db, budgetId);
  const flags = listFlags(db, budgetId);
  const source = getImportOfBudget(db, budgetId);
  const settings = resolveSettings({ ...storedOverrides(store), ...(basis ? { basis } : {}) });
  const years = entityYears(store, budget.entity);

  return {
    budget,
    summary: summarise(budget, lines, { basis: settings.basis, flags }),
    lines,
    flags,
    sources: source
      ? [
          {
            fileName: source.fileName,
            sha256: source.sha256,
            sizeBytes: source.sizeBytes,
            format: source.format,
            sheets: usedSheets(source.sheets),
            importedAt: source.finishedAt,
            mapping: source.mapping,
          },
        ]
      : [],
    settings: { ...settings, hash: hashSettings(settings) },
    lang,
    generatedAt,
    ...(years.length > 0 ? { pefa: computePefa(years, { lang }) } : {}),
  };
}

export interface ExportRequest {
  budgetId?: number;
  format: ExportFormat;
  outPath: string;
  lang: ReportLang;
  basis?: Basis;
  actor?: string;
}

/**
 * Writes one export of a budget in any of the formats (a folder for `fdp`) and records it in
 * the operation log with the basis and the executed stage it used.
 */
export async function exportReport(store: Store, request: ExportRequest): Promise<string> {
  const budgetId = resolveBudgetId(store, request.budgetId);
  const input = buildReportInput(store, budgetId, request.lang, { basis: request.basis });
  await exportBudget(request.format, input, request.outPath);

  appendOperation(store.db, {
    actor: request.actor ?? 'app',
    kind: `export-${request.format}`,
    parameters: {
      budgetId,
      lang: request.lang,
      outPath: request.outPath,
      basis: input.summary.basis,
      executedStage: input.budget.executedStage,
    },
    inputHash: input.budget.sourceSha256,
    // A package is a folder: its descriptor stands for it.
    outputHash: sha256Hex(
      await readFile(
        request.format === 'fdp' ? join(request.outPath, 'datapackage.json') : request.outPath,
      ),
    ),
  });
  return request.outPath;
}
