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
  onLeave(): void;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * The slides full screen, driven by the keys a presentation clicker sends (Page Up/Down) and
 * the keyboard: arrows, Home/End, B for a black screen, N for the note, / to find a line,
 * Esc to leave (or to come back from a line to the slide it interrupted).
 */
export function SlideShow({ slides, notes, rows, budget, onLeave }: Props) {
  const { t } = useLanguage();
  const [index, setIndex] = useState(0);
  const [black, setBlack] = useState(false);
  const [showNote, setShowNote] = useState(false);
  const [searching, setSearching] = useState(false);
  const [line, setLine] = useState<ExplorerRow | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const last = slides.length - 1;

  useEffect(() => {
    if (!searching) stage.current?.focus();
  }, [searching, line]);

  const onKey = (event: React.KeyboardEvent) => {
    const key = event.key;
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

  const slide = slides[index];
  const note = slide ? notes[slide.id] : undefined;
  return (
    <div
      ref={stage}
      className={`slideshow${black ? ' is-black' : ''}`}
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
