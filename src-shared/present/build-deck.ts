import type { GroupComparison, Summary } from '../analysis/summary-model';
import { formatAmount, formatPercent, type Lang } from '../format/amount';
import type { BudgetInfo, Direction, Flag } from '../model';
import { sidesOf } from './budget-sides';
import { deckWordsFor, fillWords, type DeckWords } from './deck-words';
import type { Slide, SlideBar, SlideLegend } from './deck-model';

export type { Slide, SlideBar, SlideId, SlideKind, SlideLegend } from './deck-model';

export interface DeckInput {
  budget: BudgetInfo;
  summary: Summary;
  flags: Flag[];
  lang: Lang;
}

/** More bars than this cannot be read from the back of a room; the rest become "Others". */
export const MAX_BARS = 6;
const MAX_GAPS = 5;
const MAX_EXPLAINED = 3;
const MAX_QUESTIONS = 2;

interface Ctx {
  w: DeckWords;
  input: DeckInput;
  /** A missing figure (no execution data) reads as "—". */
  money: (minor: number | null) => string;
  rate: (percent: number | null) => string;
}

const currencyWord = (currency: string, w: DeckWords) =>
  ['GNF', 'XOF', 'XAF'].includes(currency) ? w.francs : currency;

// A chapter reads with its code ("64 Charges de personnel") unless the file gave no label.
const chapterName = (g: GroupComparison) =>
  g.chapter && g.label !== g.chapter ? `${g.chapter} ${g.label}` : g.label;

function sectionName(g: GroupComparison, w: DeckWords): string {
  return w[`${g.direction}.${g.section ?? 'none'}`];
}

function toBar(label: string, g: GroupComparison, ctx: Ctx): SlideBar {
  return {
    label,
    plannedMinor: g.basisMinor,
    executedMinor: g.executedMinor ?? 0,
    ratePercent: g.ratePercent,
    plannedText: ctx.money(g.basisMinor),
    executedText: ctx.money(g.executedMinor),
    rateText: ctx.rate(g.ratePercent),
  };
}

/** The word for what "executed" means on one side, from the stage the budget counts. */
function doneKey(direction: Direction, budget: BudgetInfo): 'committed' | 'assessed' | Direction {
  const stage = budget.executedStage[direction];
  if (direction === 'expenditure' && stage === 'committed') return 'committed';
  if (direction === 'revenue' && stage === 'assessed') return 'assessed';
  return direction;
}

function legendOf(direction: Direction, ctx: Ctx): SlideLegend {
  return {
    planned: ctx.w.planned,
    executed: ctx.w[`executed.${doneKey(direction, ctx.input.budget)}`],
  };
}

function titleSlide({ w, input }: Ctx): Slide {
  const { budget } = input;
  const sides = sidesOf(input.summary);
  const year = fillWords(w.titleSentence, { year: budget.fiscalYear ?? w.unknownYear });
  const oneSide =
    sides === 'revenue' ? w.onlyRevenue : sides === 'expenditure' ? w.onlyExpenditure : null;
  return {
    id: 'title',
    kind: 'title',
    title: budget.entity,
    sentence: oneSide === null ? year : `${year} ${oneSide}`,
    note: fillWords(w.sourceNote, {
      version: w[`version.${budget.version}`],
      file: budget.sourceFile,
    }),
  };
}

function totalSlide(direction: Direction, ctx: Ctx): Slide {
  const { w, input } = ctx;
  const group = input.summary.byDirection.find((g) => g.direction === direction);
  const key = doneKey(direction, input.budget);
  const id = direction === 'revenue' ? 'revenue-total' : 'expenditure-total';
  const title = direction === 'revenue' ? w.revenueTitle : w.expenditureTitle;
  if (!group) return { id, kind: 'total', title, sentence: w.noLines, hidden: true };

  const sentence =
    group.executedMinor === null
      ? w.noExecution
      : group.ratePercent === null
        ? w.noForecast
        : fillWords(w.perHundred, {
            unit: currencyWord(input.budget.currency, w),
            n: Math.round(group.ratePercent),
            done: w[`done.${key}`],
          });
  const notes: string[] = [];
  const population = input.budget.population;
  if (population !== null && population > 0 && group.executedMinor !== null) {
    const perResident = Math.round(group.executedMinor / population);
    notes.push(fillWords(w.perResident, { amount: ctx.money(perResident) }));
  }
  if (key === 'committed' || key === 'assessed') notes.push(w[`stage.${key}`]);
  return {
    id,
    kind: 'total',
    title,
    sentence,
    bars: [toBar(title, group, ctx)],
    legend: legendOf(direction, ctx),
    items: [
      fillWords(w.plannedItem, { amount: ctx.money(group.basisMinor) }),
      fillWords(w.executedItem, {
        word: w[`executed.${key}`],
        amount: ctx.money(group.executedMinor),
      }),
    ],
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** The largest chapters of one side as bars, the rest summed into one "Others" bar. */
function chapterBars(direction: Direction, ctx: Ctx): SlideBar[] {
  const chapters = ctx.input.summary.byChapter
    .filter((g) => g.direction === direction)
    .sort((a, b) => b.basisMinor - a.basisMinor || (b.executedMinor ?? 0) - (a.executedMinor ?? 0));
  if (chapters.length <= MAX_BARS) return chapters.map((g) => toBar(chapterName(g), g, ctx));

  const shown = chapters.slice(0, MAX_BARS - 1);
  const rest = chapters.slice(MAX_BARS - 1);
  const planned = rest.reduce((sum, g) => sum + g.basisMinor, 0);
  const executed = rest.reduce((sum, g) => sum + (g.executedMinor ?? 0), 0);
  const rate = planned === 0 ? null : (executed * 100) / planned;
  return [
    ...shown.map((g) => toBar(chapterName(g), g, ctx)),
    {
      label: fillWords(ctx.w.others, { n: rest.length }),
      plannedMinor: planned,
      executedMinor: executed,
      ratePercent: rate,
      plannedText: ctx.money(planned),
      executedText: ctx.money(executed),
      rateText: ctx.rate(rate),
    },
  ];
}

function chaptersSlide(direction: Direction, ctx: Ctx): Slide {
  const { w } = ctx;
  const id = direction === 'revenue' ? 'revenue-sources' : 'expenditure-uses';
  const title = direction === 'revenue' ? w.sourcesTitle : w.usesTitle;
  const bars = chapterBars(direction, ctx);
  const first = bars[0];
  if (!first) return { id, kind: 'bars', title, sentence: w.noLines, hidden: true };
  return {
    id,
    kind: 'bars',
    title,
    sentence: fillWords(w.largestChapter, { label: first.label, amount: first.plannedText }),
    bars,
    legend: legendOf(direction, ctx),
  };
}

function sectionsSlide(ctx: Ctx): Slide {
  const { w, input } = ctx;
  const sections = input.summary.bySection;
  const rated = sections.filter((g) => g.ratePercent !== null);
  const lowest = [...rated].sort((a, b) => a.ratePercent! - b.ratePercent!)[0];
  return {
    id: 'sections',
    kind: 'bars',
    title: w.sectionsTitle,
    ...(lowest
      ? {
          sentence: fillWords(w.lowestSection, {
            label: sectionName(lowest, w),
            rate: ctx.rate(lowest.ratePercent),
          }),
        }
      : { sentence: w.noLines }),
    bars: sections.map((g) => toBar(sectionName(g, w), g, ctx)),
    legend: { planned: w.planned, executed: w.executedAny },
    ...(sections.length === 0 ? { hidden: true } : {}),
  };
}

function largestChaptersSlide(ctx: Ctx): Slide {
  const { w, input } = ctx;
  const largest = [...input.summary.byChapter]
    .sort((a, b) => b.basisMinor - a.basisMinor)
    .slice(0, MAX_BARS);
  return {
    id: 'largest-chapters',
    kind: 'bars',
    title: w.chaptersTitle,
    sentence: fillWords(w.chaptersSentence, { n: largest.length }),
    bars: largest.map((g) => toBar(chapterName(g), g, ctx)),
    legend: { planned: w.planned, executed: w.executedAny },
    ...(largest.length === 0 ? { hidden: true } : {}),
  };
}

function gapsSlide(ctx: Ctx): Slide {
  const { w, input } = ctx;
  // A chapter with no execution figure has no gap to show, only a forecast.
  const gaps = input.summary.byChapter
    .filter((g) => g.varianceMinor !== null && g.varianceMinor !== 0)
    .sort((a, b) => Math.abs(b.varianceMinor ?? 0) - Math.abs(a.varianceMinor ?? 0))
    .slice(0, MAX_GAPS);
  if (gaps.length === 0)
    return { id: 'gaps', kind: 'bars', title: w.gapsTitle, sentence: w.noGaps };
  return {
    id: 'gaps',
    kind: 'bars',
    title: w.gapsTitle,
    sentence: w.gapsSentence,
    bars: gaps.map((g) => toBar(chapterName(g), g, ctx)),
    legend: { planned: w.planned, executed: w.executedAny },
    items: gaps.map((g) => {
      const difference = g.varianceMinor ?? 0;
      return fillWords(difference < 0 ? w.gapLess : w.gapMore, {
        label: chapterName(g),
        amount: ctx.money(Math.abs(difference)),
      });
    }),
  };
}

/**
 * Whether a flag is a finding. A Benford test on too few amounts still leaves a note (severity
 * info, verdict 'sample-too-small') saying it could not conclude: that is no point to check.
 */
export function isFinding(flag: Flag): boolean {
  return !(flag.rule.startsWith('benford') && flag.values.verdict === 'sample-too-small');
}

function flagsSentence(n: number, explained: number, w: DeckWords): string {
  if (n === 1) return explained === 0 ? w.flagsOneNone : w.flagsOneExplained;
  if (explained === 0) return fillWords(w.flagsManyNone, { n });
  if (explained === 1) return fillWords(w.flagsManyOne, { n });
  return fillWords(w.flagsManyExplained, { n, explained });
}

function flagsSlide({ w, input }: Ctx): Slide {
  const findings = input.flags.filter(isFinding);
  const base = { id: 'flags', kind: 'flags', title: w.flagsTitle } as const;
  if (findings.length === 0) return { ...base, sentence: w.flagsNone };

  const explained = findings.filter(
    (f) => f.review?.status === 'explained' && f.review.note.trim(),
  );
  // "Other points" only reads right beside explained ones; the sentence already says none is.
  const waiting = explained.length === 0 ? 0 : findings.length - explained.length;
  return {
    ...base,
    sentence: flagsSentence(findings.length, explained.length, w),
    items: explained
      .slice(0, MAX_EXPLAINED)
      .map((f) => fillWords(w.explainedItem, { finding: f.message, note: f.review!.note })),
    ...(waiting === 1 ? { note: w.unexplainedOne } : {}),
    ...(waiting > 1 ? { note: fillWords(w.unexplainedMany, { n: waiting }) } : {}),
  };
}

function questionsSlide(ctx: Ctx): Slide {
  const { w, input } = ctx;
  // The least executed large forecasts are what residents ask about first.
  const asks = input.summary.byChapter
    .filter((g) => g.direction === 'expenditure' && g.ratePercent !== null && g.ratePercent < 50)
    .sort((a, b) => -(b.varianceMinor ?? 0) + (a.varianceMinor ?? 0))
    .slice(0, MAX_QUESTIONS);
  return {
    id: 'questions',
    kind: 'questions',
    title: w.questionsTitle,
    sentence: fillWords(w.questionsSentence, { entity: input.budget.entity }),
    ...(asks.length > 0
      ? {
          items: asks.map((g) =>
            fillWords(w.questionWhy, { label: `« ${g.label} »`, rate: ctx.rate(g.ratePercent) }),
          ),
        }
      : {}),
  };
}

/**
 * The town-meeting deck of one budget, in order: title, the two totals in one sentence each,
 * where the money came from and went, execution by section, the largest chapters, the biggest
 * gaps, the flags with the commune's explanations (reviews marked 'explained'), and questions.
 * Pure and deterministic. Amounts stay in minor units beside their formatted text (French:
 * "441 948 500 GNF", with narrow no-break spaces). A slide with nothing to show for this
 * budget is kept, with `hidden: true`, so that saved orders by id stay valid.
 */
export function buildDeck(input: DeckInput): Slide[] {
  const { currency, currencyExponent } = input.budget;
  const ctx: Ctx = {
    w: deckWordsFor(input.lang),
    input,
    money: (minor) =>
      minor === null ? '—' : formatAmount(minor, currency, currencyExponent, input.lang),
    rate: (percent) => formatPercent(percent, input.lang, 0),
  };
  return [
    titleSlide(ctx),
    totalSlide('expenditure', ctx),
    totalSlide('revenue', ctx),
    chaptersSlide('revenue', ctx),
    chaptersSlide('expenditure', ctx),
    sectionsSlide(ctx),
    largestChaptersSlide(ctx),
    gapsSlide(ctx),
    flagsSlide(ctx),
    questionsSlide(ctx),
  ];
}
