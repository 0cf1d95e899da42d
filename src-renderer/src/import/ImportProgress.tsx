import { IMPORT_STAGES, type ImportProgress as Progress } from '../../../src-shared/desktop-api';
import { formatInteger } from '../format';
import { useLanguage } from '../shell/language';

interface Props {
  fileName: string;
  progress: Progress;
  /** True while the cancel request is on its way: the button says so and cannot be pressed twice. */
  cancelling: boolean;
  onCancel(): void;
}

/** The stages of a preview or an import as the services report them, with a real cancel. */
export function ImportProgress({ fileName, progress, cancelling, onCancel }: Props) {
  const { t, lang } = useLanguage();
  const current = IMPORT_STAGES.indexOf(progress.stage);
  const percent = formatInteger(Math.round(progress.fraction * 100), lang);
  const stageName = t(`import.stage.${progress.stage}`);

  return (
    <div className="progress" role="status" aria-live="polite">
      <p>{t('import.reading', { file: fileName })}</p>
      <ol className="import-stages" aria-label={t('import.stages')}>
        {IMPORT_STAGES.map((stage, index) => {
          const state = index < current ? 'done' : index === current ? 'now' : 'later';
          return (
            <li
              key={stage}
              className={`stage-${state}`}
              aria-current={state === 'now' ? 'step' : undefined}
            >
              <span className="stage-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'now' ? '▶' : '○'}
              </span>{' '}
              {t(`import.stage.${stage}`)}
              {state === 'done' && (
                <span className="visually-hidden"> ({t('import.stageDone')})</span>
              )}
              {state === 'now' && (
                <span className="visually-hidden"> ({t('import.stageNow')})</span>
              )}
            </li>
          );
        })}
      </ol>
      <progress
        max={1}
        value={progress.fraction}
        aria-label={t('import.progressLabel', { stage: stageName, percent })}
      />
      <span className="progress-percent">{percent} %</span>{' '}
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {t('import.stop')}
      </button>
    </div>
  );
}
