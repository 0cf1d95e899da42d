import type { ReactNode } from 'react';
import type { CallState } from './use-call';
import { useLanguage } from './language';

interface Props<T> {
  state: CallState<T>;
  retry(): void;
  children(data: T): ReactNode;
}

/** The loading line, the error with a retry button, or the view itself. */
export function CallStatus<T>({ state, retry, children }: Props<T>) {
  const { t } = useLanguage();
  if (state.status === 'loading') {
    return (
      <p className="status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <p>{t('common.error', { message: state.message })}</p>
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
