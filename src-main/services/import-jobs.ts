import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../src-shared/contract-settings';
import type { ImportProgress } from '../../src-shared/desktop-api';
import type { ImportIssue } from '../../src-shared/model';
import { createLogger } from '../log';
import type { Store } from '../store/open-store';
import { commitPreview, previewFile, type ImportRequest } from './import-service';
import { ServiceError } from './service-error';

const log = createLogger('import');

// Finished jobs are kept a little while for the poll that reads their result; a preview of a
// large file holds every row, so only the last few stay.
const FINISHED_KEPT = 4;

interface Entry {
  job: ImportJob;
  controller: AbortController;
  finishedAt: number | null;
}

export interface ImportJobs {
  /** Starts the job and returns its id at once; the work goes on in the services. */
  start(request: ImportRequest, commit: boolean): string;
  status(jobId: string): ImportJob;
  /** Aborts the read; a job already past it finishes its store stage as one transaction. */
  cancel(jobId: string): ImportJob;
}

/**
 * Why a file was refused, in words for the user. The reader's issue may be in English: it goes
 * on its own line, never inside the French sentence.
 */
export function refusalMessage(issues: ImportIssue[]): string {
  const first = issues[0];
  const sentence = 'Ce fichier ne peut pas être importé.';
  return first ? `${sentence}\n${first.message}` : sentence;
}

function refusal(issues: ImportIssue[]): ImportJob['error'] {
  return {
    code: 'import-refused',
    message: refusalMessage(issues),
    detail: JSON.stringify(issues),
  };
}

function newJob(jobId: string, commit: boolean): ImportJob {
  return {
    jobId,
    state: 'running',
    stage: 'read',
    fraction: 0,
    commit,
    preview: null,
    budgetId: null,
    duplicate: false,
    error: null,
  };
}

/** Previews and imports that run while the caller polls them, each with its own cancel. */
export function createImportJobs(
  store: Store,
  onProgress?: (progress: ImportProgress) => void,
): ImportJobs {
  const entries = new Map<string, Entry>();

  const entryOf = (jobId: string): Entry => {
    const entry = entries.get(jobId);
    if (!entry) throw new ServiceError('not-found', 'Cet import n’existe pas ou est terminé.');
    return entry;
  };

  const finish = (entry: Entry, change: Partial<ImportJob>) => {
    Object.assign(entry.job, change);
    entry.finishedAt = Date.now();
    const finished = [...entries.values()].filter((e) => e.finishedAt !== null);
    finished.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    for (const old of finished.slice(FINISHED_KEPT)) entries.delete(old.job.jobId);
  };

  const run = async (entry: Entry, request: ImportRequest) => {
    const { job, controller } = entry;
    const startedAt = new Date().toISOString();
    const report = (progress: ImportProgress) => {
      if (controller.signal.aborted) return;
      job.stage = progress.stage;
      job.fraction = progress.fraction;
      onProgress?.(progress);
    };
    const own = { ...request, signal: controller.signal, onProgress: report };
    const outcome = await previewFile(own);
    // The read and interpretation leave nothing behind: stopping here stores nothing.
    if (controller.signal.aborted) {
      log.info(`cancelled '${request.fileName}' before storing, nothing written`);
      return finish(entry, { state: 'cancelled' });
    }
    if (!outcome.ok) {
      const failed = job.commit || outcome.preview === null;
      return finish(entry, {
        state: failed ? 'failed' : 'done',
        preview: outcome.preview,
        error: failed ? refusal(outcome.issues) : null,
      });
    }
    if (!job.commit) {
      report({ stage: 'done', fraction: 1 });
      return finish(entry, { state: 'done', preview: outcome.preview });
    }

    const stored = commitPreview(store, outcome.preview, outcome.version, own, startedAt);
    if (!stored.ok) {
      return finish(entry, { state: 'failed', error: refusal(stored.issues) });
    }
    finish(entry, {
      state: 'done',
      stage: 'done',
      fraction: 1,
      preview: stored.preview,
      budgetId: stored.budgetId,
      duplicate: stored.duplicate,
    });
  };

  return {
    start(request, commit) {
      const jobId = randomUUID();
      const entry: Entry = {
        job: newJob(jobId, commit),
        controller: new AbortController(),
        finishedAt: null,
      };
      entries.set(jobId, entry);
      run(entry, request).catch((error: unknown) => {
        log.error(`import job failed: ${error instanceof Error ? error.message : String(error)}`);
        finish(entry, {
          state: 'failed',
          error: { code: 'internal', message: 'L’import a échoué ; rien n’a été modifié.' },
        });
      });
      return jobId;
    },

    status: (jobId) => ({ ...entryOf(jobId).job }),

    cancel(jobId) {
      const entry = entryOf(jobId);
      if (entry.job.state === 'running') entry.controller.abort();
      return { ...entry.job };
    },
  };
}
