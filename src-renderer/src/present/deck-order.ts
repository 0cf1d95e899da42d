import type { DeckSettings } from '../../../src-shared/contract-explore';
import type { Slide } from '../../../src-shared/present/build-deck';

export const EMPTY_DECK: DeckSettings = { order: [], hidden: [], notes: {} };

/**
 * The slides in the facilitator's order: saved ids first, then any slide the deck gained since,
 * in the deck's own order. Ids that no longer exist are dropped.
 */
export function orderSlides(slides: Slide[], settings: DeckSettings): Slide[] {
  const byId = new Map(slides.map((slide) => [slide.id as string, slide]));
  const saved = settings.order.flatMap((id) => byId.get(id) ?? []);
  const rest = slides.filter((slide) => !settings.order.includes(slide.id));
  return [...saved, ...rest];
}

/** The slides shown in the room: not hidden by the facilitator, and with something to show. */
export function shownSlides(slides: Slide[], settings: DeckSettings): Slide[] {
  return orderSlides(slides, settings).filter(
    (slide) => !slide.hidden && !settings.hidden.includes(slide.id),
  );
}

/** Moves a slide one place up (-1) or down (+1) in the saved order. */
export function moveSlide(slides: Slide[], settings: DeckSettings, id: string, by: -1 | 1) {
  const order = orderSlides(slides, settings).map((slide) => slide.id as string);
  const from = order.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return settings;
  [order[from], order[to]] = [order[to] as string, order[from] as string];
  return { ...settings, order };
}
