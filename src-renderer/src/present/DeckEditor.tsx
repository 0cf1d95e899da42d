import type { DeckSettings } from '../../../src-shared/contract-explore';
import type { Slide } from '../../../src-shared/present/build-deck';
import { visibleText } from '../format';
import { useLanguage } from '../shell/language';
import { moveSlide, orderSlides } from './deck-order';

interface Props {
  slides: Slide[];
  settings: DeckSettings;
  onChange(settings: DeckSettings): void;
}

/** The facilitator's preparation: each slide can be moved, hidden and given a note. */
export function DeckEditor({ slides, settings, onChange }: Props) {
  const { t } = useLanguage();
  const ordered = orderSlides(slides, settings);

  return (
    <ol className="deck-editor">
      {ordered.map((slide, index) => {
        const empty = slide.hidden === true;
        const hidden = empty || settings.hidden.includes(slide.id);
        const title = visibleText(slide.title);
        return (
          <li key={slide.id} className={hidden ? 'is-hidden' : undefined}>
            <div className="deck-row">
              <span className="deck-title">
                {index + 1}. {title}
                {empty && <em> — {t('present.nothingToShow')}</em>}
              </span>
              <label className="check">
                <input
                  type="checkbox"
                  checked={!hidden}
                  disabled={empty}
                  onChange={(event) =>
                    onChange({
                      ...settings,
                      hidden: event.target.checked
                        ? settings.hidden.filter((id) => id !== slide.id)
                        : [...settings.hidden, slide.id],
                    })
                  }
                />
                <span>{t('present.shown')}</span>
              </label>
              <button
                type="button"
                aria-label={t('present.moveUp', { title })}
                disabled={index === 0}
                onClick={() => onChange(moveSlide(slides, settings, slide.id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('present.moveDown', { title })}
                disabled={index === ordered.length - 1}
                onClick={() => onChange(moveSlide(slides, settings, slide.id, 1))}
              >
                ↓
              </button>
            </div>
            <label className="deck-note">
              <span>{t('present.note', { title })}</span>
              <textarea
                rows={2}
                defaultValue={settings.notes[slide.id] ?? ''}
                onBlur={(event) => {
                  const text = event.target.value.trim();
                  if (text === (settings.notes[slide.id] ?? '')) return;
                  const notes = { ...settings.notes };
                  if (text) notes[slide.id] = text;
                  else delete notes[slide.id];
                  onChange({ ...settings, notes });
                }}
              />
            </label>
          </li>
        );
      })}
    </ol>
  );
}
