import { useEffect, useRef, useState } from 'react';
import type { Slide } from '../../../src-shared/present/build-deck';
import type { BudgetInfo } from '../../../src-shared/model';
import type { ExplorerRow } from '../lines/explorer-model';
import { useLanguage } from '../shell/language';
import { LineSearch, LineSlide } from './LineSearch';
import { SlideView } from './SlideView';

interface Props {
  slides: Slide[];
  notes: Record<string, string>;
  rows: ExplorerRow[];
  budget: BudgetInfo;
  /** Esc: back to the preparation of the deck. */
  onLeave(): void;
  /** The « Retour à l'atelier » button: straight back to the workbench. */
  onExit(): void;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);
const NOTE_HINT_KEY = 'budget-clair.note-hint-seen';

/** True once the facilitator was told that N shows the note; a broken storage tells again. */
function noteHintSeen(): boolean {
  try {
    return window.localStorage.getItem(NOTE_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberNoteHint(): void {
  try {
    window.localStorage.setItem(NOTE_HINT_KEY, '1');
  } catch {
    // Private windows may refuse storage: the hint then comes back at the next presentation.
  }
}

// The slides are drawn for a screen of at least 1600 × 1000; a smaller one (a 1280 × 720
// projector) shows the same slide scaled down rather than cut off at the bottom.
const DRAWN_FOR = { width: 1600, height: 1000 };

function useSlideZoom(): number {
  const measure = () =>
    Math.min(1, window.innerWidth / DRAWN_FOR.width, window.innerHeight / DRAWN_FOR.height);
  const [zoom, setZoom] = useState(measure);
  useEffect(() => {
    const onResize = () => setZoom(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return zoom;
}

/**
 * The slides full screen, driven by the keys a presentation clicker sends (Page Up/Down) and
 * the keyboard: arrows, Home/End, B for a black screen, N for the note, / to find a line,
 * Esc to leave (or to come back from a line to the slide it interrupted).
 */
export function SlideShow({ slides, notes, rows, budget, onLeave, onExit }: Props) {
  const { t } = useLanguage();
  const [index, setIndex] = useState(0);
  const [black, setBlack] = useState(false);
  // The note is the facilitator's, not the room's: it stays hidden until N asks for it.
  const [showNote, setShowNote] = useState(false);
  const [hintPending, setHintPending] = useState(() => !noteHintSeen());
  const [searching, setSearching] = useState(false);
  const [line, setLine] = useState<ExplorerRow | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const last = slides.length - 1;
  const zoom = useSlideZoom();

  useEffect(() => {
    if (!searching) stage.current?.focus();
  }, [searching, line]);

  const slide = slides[index];
  const note = slide ? notes[slide.id] : undefined;
  // Said once, on the first slide that has a note; the next key the facilitator presses
  // shows that it was read.
  const showHint = hintPending && !black && !showNote && !line && note !== undefined;

  const onKey = (event: React.KeyboardEvent) => {
    const key = event.key;
    if (showHint) {
      setHintPending(false);
      rememberNoteHint();
    }
    if (key === 'Escape') {
      if (line) setLine(null);
      else onLeave();
    } else if (key === '/') {
      setSearching(true);
    } else if (key === 'b' || key === 'B' || key === '.') {
      setBlack((b) => !b);
    } else if (key === 'n' || key === 'N') {
      setShowNote((n) => !n);
    } else if (line && (NEXT.has(key) || PREVIOUS.has(key) || key === 'Backspace')) {
      // From a line asked about, any move goes back to the slide it interrupted.
      setLine(null);
    } else if (NEXT.has(key)) setIndex((i) => Math.min(last, i + 1));
    else if (PREVIOUS.has(key)) setIndex((i) => Math.max(0, i - 1));
    else if (key === 'Home') setIndex(0);
    else if (key === 'End') setIndex(last);
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={stage}
      className={`slideshow${black ? ' is-black' : ''}`}
      style={zoom < 1 ? { zoom } : undefined}
      tabIndex={-1}
      onKeyDown={onKey}
      aria-label={t('present.stageLabel')}
    >
      {black ? (
        <p className="visually-hidden">{t('present.black')}</p>
      ) : line ? (
        <LineSlide row={line} budget={budget} />
      ) : slide ? (
        <SlideView slide={slide} />
      ) : (
        <p className="slide-sentence">{t('present.empty')}</p>
      )}
      {!black && (
        <p className="slide-counter" aria-live="polite">
          {line
            ? t('present.lineCounter')
            : t('present.counter', { n: index + 1, count: slides.length })}
        </p>
      )}
      {!black && showNote && note && <aside className="slide-note">{note}</aside>}
      {showHint && <p className="slide-hint">{t('present.noteHint')}</p>}
      <button type="button" className="slide-exit" onClick={onExit}>
        {t('present.backToWorkbench')}
      </button>
      {searching && (
        <LineSearch
          rows={rows}
          onClose={() => setSearching(false)}
          onPick={(row) => {
            setLine(row);
            setSearching(false);
          }}
        />
      )}
    </div>
  );
}
