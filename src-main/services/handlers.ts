import type { Handlers } from '../../src-shared/contract';
import type { ImportProgress } from '../../src-shared/desktop-api';
import type { ImportIssue } from '../../src-shared/model';
import { renderReportHtml } from '../report/report-html';
import { listBudgets } from '../store/budgets-repo';
import { getFlag, listFlags, saveReview } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import type { AnalysisOptions } from './analyse';
import { budgetSummary } from './budget-summary';
import { importFile, previewFile } from './import-service';
import { buildReportInput, resolveBudgetId } from './report-service';
import { createExploreHandlers } from './explore-handlers';
import { createImportJobs, refusalMessage } from './import-jobs';
import { createSettingsHandlers } from './settings-handlers';
import { ServiceError } from './service-error';

export interface HandlerOptions {
  /** Who the calls come from, for the operation log: 'app' (the default), 'bridge'. */
  actor?: string;
  analysis?: AnalysisOptions;
  /** Where the progress of 'import.commit' goes: the shell forwards it to the window. */
  onImportProgress?: (progress: ImportProgress) => void;
}

function refused(issues: ImportIssue[]): ServiceError {
  return new ServiceError('import-refused', refusalMessage(issues), JSON.stringify(issues));
}

/** Every call of the contract over one store; the boundary (callHandler) validates inputs. */
export function createHandlers(store: Store, options: HandlerOptions = {}): Handlers {
  const { db } = store;
  const actor = options.actor ?? 'app';
  const request = (input: { fileName: string; dataBase64: string; options: object }) => ({
    fileName: input.fileName,
    bytes: Buffer.from(input.dataBase64, 'base64'),
    options: input.options,
    actor,
    analysis: options.analysis,
    onProgress: options.onImportProgress,
  });

  return {
    'budgets.list': async () => listBudgets(db),

    'budgets.summary': async ({ budgetId, basis }) => {
      const id = resolveBudgetId(store, budgetId);
      const summary = budgetSummary(store, id, basis ?? 'revised');
      if (!summary) throw new ServiceError('not-found', `Il n’y a pas de budget n° ${id}.`);
      return summary;
    },

    'budgets.lines': async ({ budgetId }) => readLines(db, resolveBudgetId(store, budgetId)),

    'flags.list': async ({ budgetId }) => listFlags(db, resolveBudgetId(store, budgetId)),

    'flags.review': async ({ flagId, status, note, reviewer }) => {
      const review = { status, note, reviewer, at: new Date().toISOString() };
      const flag = db.transaction(() => {
        if (!getFlag(db, flagId)) return null;
        const saved = saveReview(db, flagId, review);
        appendOperation(db, {
          actor,
          kind: 'review',
          parameters: { flagId, status, reviewer },
        });
        return saved;
      })();
      if (!flag) throw new ServiceError('not-found', `Il n’y a pas de signalement n° ${flagId}.`);
      return flag;
    },

    'import.preview': async (input) => {
      const outcome = await previewFile(request(input));
      if (outcome.ok) return outcome.preview;
      // A preview with errors is still what the user needs to see, to fix the mapping.
      if (outcome.preview) return outcome.preview;
      throw refused(outcome.issues);
    },

    'import.commit': async (input) => {
      const outcome = await importFile(store, request(input));
      if (!outcome.ok) throw refused(outcome.issues);
      return { budgetId: outcome.budgetId, duplicate: outcome.duplicate, preview: outcome.preview };
    },

    'report.html': async ({ budgetId, lang }) => {
      const id = resolveBudgetId(store, budgetId);
      return { html: renderReportHtml(buildReportInput(store, id, lang)) };
    },

    ...createExploreHandlers(store, actor),
    ...createSettingsHandlers(store, actor, createImportJobs(store, options.onImportProgress)),
  };
}
