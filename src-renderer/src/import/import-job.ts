import type { ImportOptions } from '../../../src-shared/contract';
import type { ImportJob } from '../../../src-shared/contract-settings';
import type { ImportProgress, PickedFile } from '../../../src-shared/desktop-api';
import type { BudgetVersion } from '../../../src-shared/model';
import { ApiError, call, desktop } from '../api';

const POLL_MS = 150;

export interface JobRequest {
  file: PickedFile;
  options: ImportOptions;
  commit: boolean;
  version?: BudgetVersion;
}

/** A preview or an import running in the services, followed until it ends. */
export interface RunningJob {
  /** Settles with the finished job: done, failed or cancelled. */
  finished: Promise<ImportJob>;
  /** Asks the services to stop; `finished` then settles as cancelled if nothing was stored. */
  cancel(): void;
}

const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * Starts a job and polls its status, which works over the bridge as over IPC. In Electron the
 * shell also pushes each stage as it happens, so the bar moves between polls.
 */
export function runImportJob(
  request: JobRequest,
  onProgress: (progress: ImportProgress) => void,
): RunningJob {
  let jobId: string | null = null;
  let cancelAsked = false;
  const unsubscribe = desktop()?.onImportProgress(onProgress);

  const follow = async (): Promise<ImportJob> => {
    const { file, options, commit, version } = request;
    const started = await call('import.start', {
      ...file,
      options,
      commit,
      ...(version ? { version } : {}),
    });
    jobId = started.jobId;
    if (cancelAsked) await call('import.cancel', { jobId });
    for (;;) {
      const job = await call('import.status', { jobId });
      onProgress({ stage: job.stage, fraction: job.fraction });
      if (job.state !== 'running') return job;
      await wait(POLL_MS);
    }
  };

  const finished = follow().finally(() => unsubscribe?.());
  return {
    finished,
    cancel() {
      cancelAsked = true;
      if (jobId) void call('import.cancel', { jobId }).catch(() => undefined);
    },
  };
}

/** The job's outcome as the wizard uses it: an error reply is thrown like any failed call. */
export function jobError(job: ImportJob): ApiError | null {
  if (job.state !== 'failed' || !job.error) return null;
  return new ApiError(job.error.code, job.error.message, job.error.detail);
}
