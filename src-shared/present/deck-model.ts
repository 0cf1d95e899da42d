/**
 * The town-meeting deck as data: what each slide says, never how it is drawn. The PDF export
 * (src-main/report) and the app's presentation mode render the same list.
 */

/** Stable slide ids: the facilitator's hidden slides, order and notes are saved by id. */
export type SlideId =
  | 'title'
  | 'expenditure-total'
  | 'revenue-total'
  | 'revenue-sources'
  | 'expenditure-uses'
  | 'sections'
  | 'largest-chapters'
  | 'gaps'
  | 'flags'
  | 'questions';

export type SlideKind = 'title' | 'total' | 'bars' | 'flags' | 'questions';

/**
 * One bar pair: the forecast used (`plannedMinor`, the summary's basis: revised by default)
 * beside the executed amount, in integer minor units. `ratePercent` is null when the forecast
 * is 0. The texts are the same figures formatted for the deck's language ("347 000 000 GNF",
 * "84 %"), so that no renderer formats numbers its own way.
 */
export interface SlideBar {
  label: string;
  plannedMinor: number;
  executedMinor: number;
  ratePercent: number | null;
  plannedText: string;
  executedText: string;
  rateText: string;
}

/** The words that name the two bars of a pair, so that no meaning rests on colour. */
export interface SlideLegend {
  planned: string;
  executed: string;
}

export interface Slide {
  id: SlideId;
  kind: SlideKind;
  title: string;
  /** The one sentence a facilitator reads out. */
  sentence?: string;
  bars?: SlideBar[];
  legend?: SlideLegend;
  /** Short lines shown as a list: amounts, gaps, explanations, questions. */
  items?: string[];
  /** A smaller line at the foot of the slide: the stage counted, the source. */
  note?: string;
  /** True when the slide has nothing to show for this budget (no revenue lines, say). */
  hidden?: boolean;
}
