import { useEffect, useState } from 'react';
import { formatInteger } from '../format';
import { useLanguage } from '../shell/language';

/**
 * Elapsed time while the services read a file. They report no progress of their own and have
 * no cancel call: Cancel stops waiting here, and the services' own time limit ends the read.
 */
export function ImportProgress({ fileName, onCancel }: { fileName: string; onCancel(): void }) {
  const { t, lang } = useLanguage();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(
      () => setSeconds(Math.floor((Date.now() - started) / 1000)),
      500,
    );
    return () => window.clearInterval(timer);
  }, []);

  return (
    <div className="progress" role="status">
      <p>
        {t('import.reading', { file: fileName })}{' '}
        {seconds > 0 && t('import.elapsed', { seconds: formatInteger(seconds, lang) })}
      </p>
      <progress aria-label={t('import.reading', { file: fileName })} />
      <button type="button" onClick={onCancel}>
        {t('import.stopWaiting')}
      </button>
    </div>
  );
}
