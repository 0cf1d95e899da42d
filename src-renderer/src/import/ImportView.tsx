import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportOptions } from '../../../src-shared/contract';
import type { ImportProgress as Progress, PickedFile } from '../../../src-shared/desktop-api';
import type { BudgetVersion, ImportPreview } from '../../../src-shared/model';
import { desktop, unwrap } from '../api';
import { rememberFile } from '../projects/recent-files';
import { useLanguage } from '../shell/language';
import { jobError, runImportJob, type RunningJob } from './import-job';
import { EncodingChoice } from './EncodingChoice';
import { ImportProgress } from './ImportProgress';
import { ImportTarget } from './ImportTarget';
import { PreviewPanel } from './PreviewPanel';
import { readPickedFile } from './read-file';
import { rememberEncoding, rememberedEncoding } from './remembered-encoding';

type Step =
  | { kind: 'choose'; cancelled?: boolean }
  | { kind: 'running'; file: PickedFile; progress: Progress; cancelling: boolean }
  | { kind: 'preview'; file: PickedFile; preview: ImportPreview; busy?: boolean }
  | { kind: 'error'; message: string };

/** A recent file to read again by its path; `n` changes at each request. */
export interface Reopen {
  path: string;
  n: number;
}

interface Props {
  onImported(budgetId: number): void;
  /** Changes when the menu asks for the open dialog. */
  openDialogSignal: number;
  /** Set when File → Recent files or the projects view asks for a recent file (Electron). */
  reopen?: Reopen | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const START: Progress = { stage: 'read', fraction: 0 };

/** FIELD → column with `column` given `field`, and no other field on that column. */
export function remap(map: Record<string, string>, column: string, field: string | null) {
  const next = Object.fromEntries(Object.entries(map).filter(([, target]) => target !== column));
  if (field) next[field] = column;
  return next;
}

export function ImportView({ onImported, openDialogSignal, reopen = null }: Props) {
  const { t } = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [options, setOptions] = useState<ImportOptions>({});
  const [version, setVersion] = useState<BudgetVersion | undefined>();
  // True while the encoding in `options` is the one kept from an earlier preview of the file.
  const [remembered, setRemembered] = useState(false);
  // Only the latest job may change the step: a reply to an abandoned one is dropped.
  const job = useRef<RunningJob | null>(null);
  const native = desktop();

  /** Resolves to true when the job ended on a preview shown to the user. */
  const run = async (
    file: PickedFile,
    next: ImportOptions,
    commit: boolean,
    shown?: ImportPreview,
  ): Promise<boolean> => {
    const running = runImportJob({ file, options: next, commit, version }, (progress) => {
      if (job.current === running && !shown)
        setStep((s) => (s.kind === 'running' ? { ...s, progress } : s));
    });
    job.current = running;
    if (shown) setStep({ kind: 'preview', file, preview: shown, busy: true });
    else setStep({ kind: 'running', file, progress: START, cancelling: false });
    try {
      const done = await running.finished;
      if (job.current !== running) return false;
      const error = jobError(done);
      if (error) throw error;
      if (done.state === 'cancelled') setStep({ kind: 'choose', cancelled: true });
      else if (commit && done.budgetId !== null) {
        // In Electron the main process keeps the recent files, by path, from its open dialog.
        if (!native)
          rememberFile({
            fileName: file.fileName,
            budgetId: done.budgetId,
            at: new Date().toISOString(),
          });
        onImported(done.budgetId);
      } else if (done.preview) {
        setStep({ kind: 'preview', file, preview: done.preview });
        return true;
      }
    } catch (error) {
      if (job.current === running) setStep({ kind: 'error', message: messageOf(error) });
    }
    return false;
  };

  const previewFile = async (file: PickedFile) => {
    const encoding = rememberedEncoding(file.fileName);
    const first = encoding ? { encoding } : {};
    setOptions(first);
    setRemembered(encoding !== undefined);
    await run(file, first, false);
  };

  const chooseNative = async () => {
    if (!native) return;
    try {
      const file = unwrap(await native.openFile());
      if (file) await previewFile(file);
    } catch (error) {
      setStep({ kind: 'error', message: messageOf(error) });
    }
  };

  const chooseInBrowser = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await previewFile(await readPickedFile(file));
  };

  const changeColumn = (column: string, field: string | null) => {
    if (step.kind !== 'preview') return;
    const next = { ...options, map: remap(options.map ?? {}, column, field) };
    setOptions(next);
    void run(step.file, next, false, step.preview);
  };

  const changeEncoding = async (encoding: string | undefined) => {
    if (step.kind !== 'preview') return;
    const next = { ...options, encoding };
    setOptions(next);
    setRemembered(false);
    // Kept only once it reads: an encoding that fails would otherwise fail on every next try.
    if (await run(step.file, next, false, step.preview))
      rememberEncoding(step.file.fileName, encoding);
  };

  const cancel = () => {
    if (step.kind !== 'running') return;
    setStep({ ...step, cancelling: true });
    job.current?.cancel();
  };

  const chooseRecent = async (path: string) => {
    if (!native) return;
    try {
      await previewFile(unwrap(await native.openRecent(path)));
    } catch (error) {
      setStep({ kind: 'error', message: messageOf(error) });
    }
  };

  const lastReopen = useRef(0);
  useEffect(() => {
    if (!reopen || reopen.n === lastReopen.current) return;
    lastReopen.current = reopen.n;
    void chooseRecent(reopen.path);
  });

  const lastSignal = useRef(openDialogSignal);
  useEffect(() => {
    if (openDialogSignal === lastSignal.current) return;
    lastSignal.current = openDialogSignal;
    void chooseNative();
  });

  return (
    <section className="view" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p className="intro">{t('import.intro')}</p>
      <div className="chooser">
        {native ? (
          <button type="button" className="primary" onClick={() => void chooseNative()}>
            {t('import.choose')}
          </button>
        ) : (
          <label className="file-label">
            <span>{t('import.fileLabel')}</span>
            <input
              type="file"
              accept=".xlsx,.xlsm,.xls,.ods,.csv"
              onChange={(event) => void chooseInBrowser(event)}
            />
          </label>
        )}
      </div>
      {step.kind === 'running' && (
        <ImportProgress
          fileName={step.file.fileName}
          progress={step.progress}
          cancelling={step.cancelling}
          onCancel={cancel}
        />
      )}
      {step.kind === 'choose' && step.cancelled && (
        <p className="status" role="status">
          {t('import.cancelled')}
        </p>
      )}
      {step.kind === 'error' && (
        <p className="status status-error" role="alert">
          {t('common.error', { message: step.message })}
        </p>
      )}
      {step.kind === 'preview' && (
        <>
          <ImportTarget
            preview={step.preview}
            options={options}
            version={version}
            onChange={setOptions}
            onVersion={setVersion}
          />
          {step.preview.file.format === 'csv' && (
            <EncodingChoice
              preview={step.preview}
              chosen={options.encoding}
              remembered={remembered}
              busy={step.busy === true}
              onChange={(encoding) => void changeEncoding(encoding)}
            />
          )}
          <PreviewPanel
            preview={step.preview}
            saving={false}
            busy={step.busy === true}
            onRemap={changeColumn}
            onConfirm={() => void run(step.file, options, true)}
            onCancel={() => setStep({ kind: 'choose' })}
          />
        </>
      )}
    </section>
  );
}
