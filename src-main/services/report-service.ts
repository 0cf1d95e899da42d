import { summarise } from '../../src-shared/analysis/summarise';
import { hashSettings, resolveSettings } from '../../src-shared/analysis/rules/settings';
import type { SheetPreview } from '../../src-shared/model';
import type { ReportInput, ReportLang } from '../report/report-input';
import { renderReportHtml } from '../report/report-html';
import { writeReportPdf } from '../report/report-pdf';
import { getBudget, latestBudgetId } from '../store/budgets-repo';
import { listFlags } from '../store/flags-repo';
import { getImportOfBudget } from '../store/imports-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { sha256Hex } from './import-service';
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

/** Everything a report needs, read once from the store. */
export function buildReportInput(
  store: Store,
  budgetId: number,
  lang: ReportLang,
  generatedAt = new Date().toISOString(),
): ReportInput {
  const { db } = store;
  const budget = getBudget(db, budgetId);
  if (!budget) throw new ServiceError('not-found', `Il n’y a pas de budget n° ${budgetId}.`);
  const lines = readLines(db, budgetId);
  const flags = listFlags(db, budgetId);
  const source = getImportOfBudget(db, budgetId);
  const settings = resolveSettings();

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
  };
}

export interface ExportRequest {
  budgetId?: number;
  format: 'pdf' | 'html';
  outPath: string;
  lang: ReportLang;
  actor?: string;
}

/** Writes a report file and records it in the operation log. */
export async function exportReport(store: Store, request: ExportRequest): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const budgetId = resolveBudgetId(store, request.budgetId);
  const input = buildReportInput(store, budgetId, request.lang);
  const html = renderReportHtml(input);
  if (request.format === 'html') await writeFile(request.outPath, html, 'utf8');
  else await writeReportPdf(html, request.outPath);

  appendOperation(store.db, {
    actor: request.actor ?? 'app',
    kind: `export-${request.format}`,
    parameters: { budgetId, lang: request.lang, outPath: request.outPath },
    inputHash: input.budget.sourceSha256,
    outputHash: sha256Hex(html),
  });
  return request.outPath;
}
