import type { Severity } from '../../../src-shared/model';
import { useLanguage } from './language';

/** A shape per severity, so that the mark reads the same in black and white. */
function Icon({ severity }: { severity: Severity }) {
  if (severity === 'error') {
    return (
      <svg viewBox="0 0 20 20" aria-hidden="true" className="icon">
        <circle cx="10" cy="10" r="9" fill="currentColor" />
        <path
          d="M6.5 6.5l7 7M13.5 6.5l-7 7"
          stroke="#fff"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
      </svg>
    );
  }
  if (severity === 'warning') {
    return (
      <svg viewBox="0 0 20 20" aria-hidden="true" className="icon">
        <path d="M10 1.5L19 18H1z" fill="currentColor" />
        <path d="M10 7v5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
        <circle cx="10" cy="15" r="1.4" fill="#fff" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="icon">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <circle cx="10" cy="5.8" r="1.4" fill="#fff" />
      <path d="M10 9v6" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

/** Severity as icon and word together: colour alone would be lost on a dim projector. */
export function SeverityMark({
  severity,
  compact = false,
}: {
  severity: Severity;
  compact?: boolean;
}) {
  const { t } = useLanguage();
  const word = t(`severity.${severity}`);
  return (
    <span className={`severity severity-${severity}`} title={compact ? word : undefined}>
      <Icon severity={severity} />
      {compact ? <span className="visually-hidden">{word}</span> : <span>{word}</span>}
    </span>
  );
}
