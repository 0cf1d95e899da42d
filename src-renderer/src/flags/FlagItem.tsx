import { useEffect, useRef, useState } from 'react';
import type { Flag, ReviewStatus } from '../../../src-shared/model';
import { visibleText } from '../format';
import { SeverityMark } from '../shell/SeverityMark';
import { useLanguage } from '../shell/language';

const STATUS_MARK: Record<ReviewStatus, string> = {
  explained: '✎',
  confirmed: '✔',
  dismissed: '✕',
};

interface Props {
  flag: Flag;
  isActive: boolean;
  isEditing: boolean;
  onFocus(): void;
  onSaveNote(note: string): void;
  onCancelNote(): void;
}

/** One flag: what was found, where, and its review as a word with a mark. */
export function FlagItem({ flag, isActive, isEditing, onFocus, onSaveNote, onCancelNote }: Props) {
  const { t } = useLanguage();
  const item = useRef<HTMLLIElement>(null);
  const [note, setNote] = useState(flag.review?.note ?? '');

  useEffect(() => {
    if (isActive && !isEditing) item.current?.focus();
  }, [isActive, isEditing]);

  const review = flag.review;
  return (
    <li
      ref={item}
      className={`flag-item${isActive ? ' is-active' : ''}`}
      tabIndex={isActive ? 0 : -1}
      onFocus={onFocus}
      data-flag-id={flag.id}
    >
      <div className="flag-line">
        {flag.code && <span className="code">{visibleText(flag.code)}</span>}
        {flag.label && <strong>{visibleText(flag.label)}</strong>}
        <span className="where">
          {flag.sheet && flag.row !== null
            ? t('flags.location', { sheet: visibleText(flag.sheet), row: flag.row })
            : visibleText(flag.sheet)}
          {flag.cells.length > 0 && ` · ${flag.cells.join(', ')}`}
        </span>
      </div>
      <p className="flag-message">{visibleText(flag.message)}</p>
      {review ? (
        <p className={`review review-${review.status}`}>
          <span aria-hidden="true">{STATUS_MARK[review.status]} </span>
          <strong>{t(`review.${review.status}`)}</strong>
          {' — '}
          {t('review.by', { reviewer: visibleText(review.reviewer) })}
          {review.note && <span className="review-note"> « {visibleText(review.note)} »</span>}
        </p>
      ) : (
        <p className="review review-none">{t('review.none')}</p>
      )}
      {isEditing && (
        <form
          className="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSaveNote(note);
          }}
        >
          <label>
            <span>{t('review.note')}</span>
            <textarea
              autoFocus
              rows={3}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              onKeyDown={(event) => {
                event.stopPropagation();
                if (event.key === 'Escape') onCancelNote();
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSaveNote(note);
              }}
            />
          </label>
          <button type="submit" className="primary">
            {t('review.saveNote')}
          </button>
          <button type="button" onClick={onCancelNote}>
            {t('import.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}

export function GroupTitle({
  rule,
  severity,
  count,
}: {
  rule: string;
  severity: Flag['severity'];
  count: number;
}) {
  return (
    <>
      <SeverityMark severity={severity} /> {rule} ({count})
    </>
  );
}
