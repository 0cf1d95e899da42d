import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportOptions } from '../../../src-shared/contract';
import type { PickedFile } from '../../../src-shared/desktop-api';
import type { ImportPreview } from '../../../src-shared/model';
import { call, desktop, unwrap } from '../api';
import { useLanguage } from '../shell/language';
import { ImportProgress } from './ImportProgress';
import { ImportTarget } from './ImportTarget';
import { PreviewPanel } from './PreviewPanel';
import { readPickedFile } from './read-file';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; file: PickedFile; preview: ImportPreview; busy?: boolean }
  | { kind: 'saving'; file: PickedFile; preview: ImportPreview }
  | { kind: 'error'; message: string };

interface Props {
  onImported(budgetId: number): void;
  /** Changes when the menu asks for the open dialog. */
  openDialogSignal: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** FIELD → column with `column` given `field`, and no other field on that column. */
export function remap(map: Record<string, string>, column: string, field: string | null) {
  const next = Object.fromEntries(Object.entries(map).filter(([, target]) => target !== column));
  if (field) next[field] = column;
  return next;
}

export function ImportView({ onImported, openDialogSignal }: Props) {
  const { t } = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [options, setOptions] = useState<ImportOptions>({});
  // Each read gets a number; a reply to an abandoned or older read is dropped.
  const request = useRef(0);
  const native = desktop();

  const read = async (file: PickedFile, next: ImportOptions, shown?: ImportPreview) => {
    const id = ++request.current;
    if (shown) setStep({ kind: 'preview', file, preview: shown, busy: true });
    else setStep({ kind: 'reading', fileName: file.fileName });
    try {
      const preview = await call('import.preview', { ...file, options: next });
      if (id === request.current) setStep({ kind: 'preview', file, preview });
    } catch (error) {
      if (id === request.current) setStep({ kind: 'error', message: messageOf(error) });
    }
  };

  const previewFile = (file: PickedFile) => {
    setOptions({});
    return read(file, {});
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
    void read(step.file, next, step.preview);
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    setStep({ ...step, kind: 'saving' });
    try {
      const result = await call('import.commit', { ...step.file, options });
      onImported(result.budgetId);
    } catch (error) {
      setStep({ kind: 'error', message: messageOf(error) });
    }
  };

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
      {step.kind === 'reading' && (
        <ImportProgress
          fileName={step.fileName}
          onCancel={() => {
            request.current++;
            setStep({ kind: 'choose' });
          }}
        />
      )}
      {step.kind === 'error' && (
        <p className="status status-error" role="alert">
          {t('common.error', { message: step.message })}
        </p>
      )}
      {(step.kind === 'preview' || step.kind === 'saving') && (
        <>
          <ImportTarget preview={step.preview} options={options} onChange={setOptions} />
          <PreviewPanel
            preview={step.preview}
            saving={step.kind === 'saving'}
            busy={step.kind === 'preview' && step.busy === true}
            onRemap={changeColumn}
            onConfirm={() => void confirm()}
            onCancel={() => setStep({ kind: 'choose' })}
          />
        </>
      )}
    </section>
  );
}
