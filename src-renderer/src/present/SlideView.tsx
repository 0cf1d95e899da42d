import type { Slide, SlideBar } from '../../../src-shared/present/build-deck';
import { visibleText } from '../format';

/** A pair of bars: the forecast as an outlined bar, the execution as a solid one, both named. */
function BarPair({
  bar,
  maxMinor,
  legend,
}: {
  bar: SlideBar;
  maxMinor: number;
  legend: Slide['legend'];
}) {
  // The longest bar fills its column; the words have a column of their own beside it.
  const width = (minor: number) => `${maxMinor > 0 ? Math.max(0.5, (minor / maxMinor) * 100) : 0}%`;
  return (
    <li className="slide-bar">
      <span className="slide-bar-label">{visibleText(bar.label)}</span>
      <div className="bar-pair">
        <div className="bar-track">
          <span className="bar bar-planned" style={{ width: width(bar.plannedMinor) }} />
          <span className="bar-text">
            {legend?.planned} : {bar.plannedText}
          </span>
        </div>
        <div className="bar-track">
          <span className="bar bar-executed" style={{ width: width(bar.executedMinor) }} />
          <span className="bar-text">
            {legend?.executed} : {bar.executedText}
          </span>
        </div>
      </div>
      <span className="slide-bar-rate">{bar.rateText}</span>
    </li>
  );
}

/** One slide at full size; every kind shares the title and the sentence read out. */
export function SlideView({ slide }: { slide: Slide }) {
  const bars = slide.bars ?? [];
  const maxMinor = Math.max(0, ...bars.flatMap((b) => [b.plannedMinor, b.executedMinor]));
  return (
    <article
      className={`slide kind-${slide.kind}`}
      aria-roledescription="slide"
      data-slide-id={slide.id}
    >
      <h1 className="slide-title">{visibleText(slide.title)}</h1>
      {slide.sentence && <p className="slide-sentence">{visibleText(slide.sentence)}</p>}
      {bars.length > 0 && (
        <ul className="slide-bars">
          {bars.map((bar) => (
            <BarPair key={bar.label} bar={bar} maxMinor={maxMinor} legend={slide.legend} />
          ))}
        </ul>
      )}
      {/* A total's bar already carries its two figures; its list would only repeat them. Four
          bars or more fill the screen: their figures are on them, and the list would run off
          the bottom of a projected slide. */}
      {slide.items &&
        slide.items.length > 0 &&
        !(slide.kind === 'total' && bars.length > 0) &&
        bars.length < 4 && (
          <ul className="slide-items">
            {slide.items.map((item) => (
              <li key={item}>{visibleText(item)}</li>
            ))}
          </ul>
        )}
      {slide.note && <p className="slide-foot">{visibleText(slide.note)}</p>}
    </article>
  );
}
