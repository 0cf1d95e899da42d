import { buildDeck, type Slide } from '../../src-shared/present/build-deck';
import { renderBarChart, barChartHeight, EXECUTED_FILL, INK } from './bar-chart';
import { embeddedFontCss, REPORT_FONT_FAMILY } from './fonts';
import { createFormatter } from './format';
import { messagesFor } from './messages';
import { REPORT_CSP } from './report-html';
import type { ReportInput } from './report-input';
import { safeHtml } from './safe-text';

/** A slide is a 16:9 page at the size the projector shows, so that px here are px there. */
export const SLIDE_WIDTH_PX = 1920;
export const SLIDE_HEIGHT_PX = 1080;
// 32 px is the smallest text readable from the back of a room at 1920×1080.
const BODY_PX = 34;

const CSS = `
@page { size: ${SLIDE_WIDTH_PX}px ${SLIDE_HEIGHT_PX}px; margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${REPORT_FONT_FAMILY}', 'DejaVu Sans', sans-serif; color: ${INK}; background: #fff; }
.slide { width: ${SLIDE_WIDTH_PX}px; height: ${SLIDE_HEIGHT_PX}px; padding: 64px 80px 40px; overflow: hidden;
  display: flex; flex-direction: column; break-after: page; position: relative; }
.slide:last-child { break-after: auto; }
.slide h1 { font-size: 72px; line-height: 1.1; margin: 0 0 28px; border-bottom: 8px solid ${INK}; padding-bottom: 20px; }
.slide .sentence { font-size: 52px; line-height: 1.2; font-weight: 700; margin: 0 0 32px; }
.slide ul { font-size: 44px; line-height: 1.3; margin: 0; padding-left: 1.1em; }
.slide li { margin-bottom: 18px; }
.slide .chart { flex: 1; min-height: 0; }
.slide .chart svg { display: block; max-width: 100%; max-height: 100%; width: auto; height: auto; }
.slide .note { font-size: ${BODY_PX}px; line-height: 1.3; margin: 16px 0 0; }
.slide footer { margin-top: auto; padding-top: 16px; font-size: 32px; display: flex; justify-content: space-between;
  border-top: 3px solid ${INK}; }
.slide.title { justify-content: center; }
.slide.title h1 { font-size: 96px; }
.slide.title .sentence { font-size: 60px; }
.slide.flags li { font-size: 40px; border-left: 12px solid ${EXECUTED_FILL}; list-style: none; padding-left: 24px; margin-left: -1.1em; }
.slide.questions .sentence { font-size: 64px; }
`;

const CHART_WIDTH = SLIDE_WIDTH_PX - 160;
const TEXT_WIDTH_PX = SLIDE_WIDTH_PX - 160;

/** Lines a text takes at a size, from the font's average advance (about half its size). */
const linesOf = (text: string | undefined, sizePx: number) =>
  text ? Math.ceil((text.length * sizePx * 0.56) / TEXT_WIDTH_PX) : 0;

/** Height left for a chart once the title, the sentence, the note and the footer are placed. */
function chartRoom(slide: Slide): number {
  const title = linesOf(slide.title, 72) * 80 + 56;
  const sentence = linesOf(slide.sentence, 52) * 63 + 32;
  const note = slide.note ? linesOf(slide.note, BODY_PX) * 45 + 16 : 0;
  const footer = 16 + 40 + 3;
  return SLIDE_HEIGHT_PX - 64 - 40 - title - sentence - note - footer - 24;
}

const LARGEST_CHART_TEXT_PX = 44;

function chartOf(slide: Slide, compact: (minor: number) => string): string {
  if (!slide.bars || slide.bars.length === 0 || !slide.legend) return '';
  // A total has one bar pair under its title: it needs no label of its own.
  const isTotal = slide.kind === 'total';
  const bars = isTotal ? slide.bars.map((b) => ({ ...b, label: '' })) : slide.bars;
  const room = chartRoom(slide) - (isTotal ? 2 * 70 : 0);
  let fontSize = LARGEST_CHART_TEXT_PX;
  while (fontSize > 32 && barChartHeight(bars.length, fontSize) > room) fontSize -= 1;
  const svg = renderBarChart(bars, slide.legend, {
    width: CHART_WIDTH,
    fontSize,
    labelWidth: isTotal ? 0 : 600,
    compact,
  });
  // Past six bars even 32 px text cannot fit: the picture is scaled down rather than cut.
  const height = barChartHeight(bars.length, fontSize);
  const style = height > room ? ` style="height:${Math.floor(room)}px"` : '';
  return `<div class="chart"${style}>${svg}</div>`;
}

// French puts a space before : ; ? ! and inside « »; a no-break one keeps the mark on its line.
function frenchSpacing(escaped: string): string {
  return escaped.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

function slideHtml(
  slide: Slide,
  footer: string,
  compact: (minor: number) => string,
  text: (t: string | undefined) => string,
): string {
  const parts = [`<section class="slide ${slide.kind}" id="slide-${slide.id}">`];
  parts.push(`<h1>${text(slide.title)}</h1>`);
  if (slide.sentence) parts.push(`<p class="sentence">${text(slide.sentence)}</p>`);
  // Items are read out as a list; bars are drawn where there is no list, and under a total.
  if (slide.items?.length) {
    parts.push(`<ul>${slide.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`);
  }
  if (slide.kind === 'total' || !slide.items?.length) parts.push(chartOf(slide, compact));
  if (slide.note) parts.push(`<p class="note">${text(slide.note)}</p>`);
  if (slide.kind !== 'title') parts.push(footer);
  parts.push('</section>');
  return parts.filter(Boolean).join('\n');
}

/** The town-meeting deck as one HTML file of 1920×1080 pages; hidden slides are left out. */
export function renderSlidesHtml(input: ReportInput): string {
  const m = messagesFor(input.lang);
  const { currency, currencyExponent } = input.budget;
  const fmt = createFormatter(m, currency, currencyExponent);
  const compact = (minor: number) =>
    `${fmt.compact(minor / 10 ** currencyExponent)}\u00a0${currency}`;
  const text = (t: string | undefined) =>
    input.lang === 'fr' ? frenchSpacing(safeHtml(t)) : safeHtml(t);
  const deck = buildDeck({ ...input, lang: input.lang }).filter((s) => !s.hidden);
  const year = input.budget.fiscalYear ?? m.unknownYear;
  const footerOf = (i: number) =>
    `<footer><span>${text(`${input.budget.entity} · ${year}`)}</span><span>${i + 1} / ${deck.length}</span></footer>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    `<title>${safeHtml(`${input.budget.entity} · ${year}`)}</title>`,
    `<style>\n${embeddedFontCss()}\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    ...deck.map((slide, i) => slideHtml(slide, footerOf(i), compact, text)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
