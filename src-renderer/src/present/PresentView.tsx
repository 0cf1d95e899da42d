import { useMemo, useState, type KeyboardEvent } from 'react';
import type { DeckSettings } from '../../../src-shared/contract-explore';
import type { Summary } from '../../../src-shared/analysis/summary-model';
import { buildDeck } from '../../../src-shared/present/build-deck';
import type { BudgetInfo, Flag } from '../../../src-shared/model';
import { call } from '../api';
import { rowsFromArrow } from '../lines/explorer-model';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import { DeckEditor } from './DeckEditor';
import { EMPTY_DECK, shownSlides } from './deck-order';
import { SlideShow } from './SlideShow';

interface DeckProps {
  budget: BudgetInfo;
  summary: Summary;
  flags: Flag[];
  saved: DeckSettings | null;
  arrowBase64: string;
  onExit(): void;
}

function Deck({ budget, summary, flags, saved, arrowBase64, onExit }: DeckProps) {
  const { t, lang } = useLanguage();
  const [settings, setSettings] = useState<DeckSettings>(saved ?? EMPTY_DECK);
  const [showing, setShowing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const slides = useMemo(
    () => buildDeck({ budget, summary, flags, lang }),
    [budget, summary, flags, lang],
  );
  const rows = useMemo(() => rowsFromArrow(arrowBase64), [arrowBase64]);

  const change = (next: DeckSettings) => {
    setSettings(next);
    call('deck.save', { budgetId: budget.id, deck: next }).then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };

  const start = () => {
    setShowing(true);
    // A browser may refuse full screen (no user gesture, a kiosk): the slides still fill the page.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const leave = () => {
    setShowing(false);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  };

  // Esc leaves the preparation too, unless it is closing what is being typed.
  const onPrepKey = (event: KeyboardEvent) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('textarea, input');
    if (event.key === 'Escape' && !typing) onExit();
  };

  if (showing) {
    return (
      <SlideShow
        slides={shownSlides(slides, settings)}
        notes={settings.notes}
        rows={rows}
        budget={budget}
        onLeave={leave}
        onExit={() => {
          leave();
          onExit();
        }}
      />
    );
  }
  return (
    <main className="app-main present-prep" aria-labelledby="present-title" onKeyDown={onPrepKey}>
      <h1 id="present-title">{t('present.title')}</h1>
      <p className="intro">{t('present.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={start}>
          {t('present.start')}
        </button>
        <button type="button" onClick={onExit}>
          {t('present.backToWorkbench')}
        </button>
      </div>
      <p className="keys-help">{t('present.keys')}</p>
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <DeckEditor slides={slides} settings={settings} onChange={change} />
    </main>
  );
}

/** The town-meeting presentation of one budget: prepare the deck, then show it full screen. */
export function PresentView({ budget, onExit }: { budget: BudgetInfo; onExit(): void }) {
  const summary = useCall('budgets.summary', { budgetId: budget.id });
  const flags = useCall('flags.list', { budgetId: budget.id });
  const deck = useCall('deck.get', { budgetId: budget.id });
  const lines = useCall('budgets.linesArrow', { budgetId: budget.id });
  return (
    <CallStatus state={summary.state} retry={summary.retry}>
      {(s) => (
        <CallStatus state={flags.state} retry={flags.retry}>
          {(f) => (
            <CallStatus state={deck.state} retry={deck.retry}>
              {(d) => (
                <CallStatus state={lines.state} retry={lines.retry}>
                  {(l) => (
                    <Deck
                      budget={budget}
                      summary={s}
                      flags={f}
                      saved={d}
                      arrowBase64={l.arrowBase64}
                      onExit={onExit}
                    />
                  )}
                </CallStatus>
              )}
            </CallStatus>
          )}
        </CallStatus>
      )}
    </CallStatus>
  );
}
