import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { PickedFile } from '../../../src-shared/desktop-api';
import type { ImportPreview } from '../../../src-shared/model';
import { call, desktop, unwrap } from '../api';
import { useLanguage } from '../shell/language';
import { PreviewPanel } from './PreviewPanel';
import { readPickedFile } from './read-file';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; file: PickedFile; preview: ImportPreview }
  | { kind: 'saving'; file: PickedFile; preview: ImportPreview }
  | { kind: 'error'; message: string };

interface Props {
  onImported(budgetId: number): void;
  /** Changes when the menu asks for the open dialog. */
  openDialogSignal: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ImportView({ onImported, openDialogSignal }: Props) {
  const { t } = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const input = useRef<HTMLInputElement>(null);
  const native = desktop();

  const previewFile = async (file: PickedFile) => {
    setStep({ kind: 'reading', fileName: file.fileName });
    try {
      const preview = await call('import.preview', { ...file, options: {} });
      setStep({ kind: 'preview', file, preview });
    } catch (error) {
      setStep({ kind: 'error', message: messageOf(error) });
    }
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

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    setStep({ ...step, kind: 'saving' });
    try {
      const result = await call('import.commit', { ...step.file, options: {} });
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
              ref={input}
              type="file"
              accept=".xlsx,.xlsm,.xls,.ods,.csv"
              onChange={(event) => void chooseInBrowser(event)}
            />
          </label>
        )}
      </div>
      {step.kind === 'reading' && (
        <p className="status" role="status">
          {t('import.reading', { file: step.fileName })}
        </p>
      )}
      {step.kind === 'error' && (
        <p className="status status-error" role="alert">
          {t('common.error', { message: step.message })}
        </p>
      )}
      {(step.kind === 'preview' || step.kind === 'saving') && (
        <PreviewPanel
          preview={step.preview}
          saving={step.kind === 'saving'}
          onConfirm={() => void confirm()}
          onCancel={() => setStep({ kind: 'choose' })}
        />
      )}
    </section>
  );
}
