import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { RULES } from '../../../src-shared/analysis/rules/registry';
import type { BudgetInfo, Flag, ReviewStatus } from '../../../src-shared/model';
import { call } from '../api';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import { groupFlags } from './flag-groups';
import { FlagItem, GroupTitle } from './FlagItem';

const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));
const STATUS_KEYS: Record<string, ReviewStatus> = {
  e: 'explained',
  c: 'confirmed',
  d: 'dismissed',
};
const REVIEWER_KEY = 'budget-clair.reviewer';

export type ReviewFn = (
  flag: Flag,
  status: ReviewStatus,
  note: string,
  reviewer: string,
) => Promise<Flag>;

function savedReviewer(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The flags grouped by severity and rule, reviewed from the keyboard: j/k, e/c/d, Enter. */
export function FlagsPanel({ flags: initial, onReview }: { flags: Flag[]; onReview: ReviewFn }) {
  const { t, lang } = useLanguage();
  const [flags, setFlags] = useState(initial);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState(false);
  const [reviewer, setReviewer] = useState(savedReviewer);
  const [problem, setProblem] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const groups = useMemo(() => groupFlags(flags), [flags]);
  const ordered = useMemo(() => groups.flatMap((g) => g.flags), [groups]);

  if (flags.length === 0) return <p className="status">{t('flags.empty')}</p>;
  const ruleName = (rule: string) => RULE_TITLES.get(rule)?.[lang] ?? rule;

  const review = async (flag: Flag, status: ReviewStatus, note: string) => {
    if (!reviewer.trim()) {
      setProblem(t('review.needName'));
      nameInput.current?.focus();
      return;
    }
    try {
      const saved = await onReview(flag, status, note, reviewer.trim());
      setFlags((list) => list.map((f) => (f.id === saved.id ? saved : f)));
      setProblem(null);
      setEditing(false);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (editing || event.target instanceof HTMLInputElement || event.ctrlKey || event.altKey)
      return;
    const flag = ordered[active];
    const key = event.key.toLowerCase();
    if (key === 'j' || event.key === 'ArrowDown')
      setActive(Math.min(ordered.length - 1, active + 1));
    else if (key === 'k' || event.key === 'ArrowUp') setActive(Math.max(0, active - 1));
    else if (flag && STATUS_KEYS[key]) void review(flag, STATUS_KEYS[key], flag.review?.note ?? '');
    else if (event.key === 'Enter') setEditing(true);
    else return;
    event.preventDefault();
  };

  return (
    <div className="flags-panel">
      <div className="reviewer">
        <label>
          <span>{t('review.reviewer')}</span>
          <input
            ref={nameInput}
            value={reviewer}
            autoComplete="name"
            onChange={(event) => {
              setReviewer(event.target.value);
              try {
                window.localStorage.setItem(REVIEWER_KEY, event.target.value);
              } catch {
                // Without storage the name lasts for this visit only.
              }
            }}
          />
        </label>
        <p className="keys-help">{t('review.keys')}</p>
      </div>
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <div className="flag-groups" onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <section key={`${group.rule}-${group.severity}`} className="flag-group">
            <h2>
              <GroupTitle
                rule={ruleName(group.rule)}
                severity={group.severity}
                count={group.flags.length}
              />
            </h2>
            <ul className="flag-list">
              {group.flags.map((flag) => {
                const index = ordered.indexOf(flag);
                return (
                  <FlagItem
                    key={flag.id ?? index}
                    flag={flag}
                    isActive={index === active}
                    isEditing={editing && index === active}
                    onFocus={() => setActive(index)}
                    onSaveNote={(note) =>
                      void review(flag, flag.review?.status ?? 'explained', note)
                    }
                    onCancelNote={() => setEditing(false)}
                  />
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

const reviewThroughServices: ReviewFn = (flag, status, note, reviewer) => {
  if (flag.id === undefined) return Promise.reject(new Error('This flag was never stored.'));
  return call('flags.review', { flagId: flag.id, status, note, reviewer });
};

export function FlagsView({ budget }: { budget: BudgetInfo }) {
  const { t } = useLanguage();
  const { state, retry } = useCall('flags.list', { budgetId: budget.id });
  return (
    <section className="view" aria-labelledby="flags-title">
      <h1 id="flags-title">{t('flags.title')}</h1>
      <CallStatus state={state} retry={retry}>
        {(flags) => <FlagsPanel flags={flags} onReview={reviewThroughServices} />}
      </CallStatus>
    </section>
  );
}
