import { executedPhaseOf, forecastOf, phaseOrdersOf } from '../../src-shared/analysis/figures';
import { formatAmount, formatPercent } from '../../src-shared/format/amount';
import { buildDeck, isFinding, type Slide } from '../../src-shared/present/build-deck';
import { deckWordsFor, fillWords } from '../../src-shared/present/deck-words';
import { renderBarChart } from './bar-chart';
import { embeddedFontCss, REPORT_FONT_FAMILY } from './fonts';
import { createFormatter } from './format';
import { messagesFor } from './messages';
import { REPORT_CSP } from './report-html';
import type { ReportInput } from './report-input';
import { safeHtml } from './safe-text';

const MAX_PROJECTS = 6;
const CHART_WIDTH = 680;

const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${REPORT_FONT_FAMILY}', 'DejaVu Sans', sans-serif; color: #111417; font-size: 12pt; line-height: 1.4; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 24pt; line-height: 1.15; margin: 0 0 2mm; }
.sub { font-size: 13pt; margin: 0 0 5mm; }
h2 { font-size: 15pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid #111417; break-after: avoid; }
.totals { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.total { border: 2px solid #111417; border-radius: 2mm; padding: 3mm 4mm; break-inside: avoid; }
.total h3 { margin: 0 0 1mm; font-size: 14pt; }
.total .sentence { font-size: 15pt; font-weight: 700; margin: 0 0 2mm; line-height: 1.25; }
.total p { margin: 0 0 1mm; }
.chart { break-inside: avoid; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart p { margin: 0 0 1.5mm; }
ul { margin: 0; padding-left: 5mm; }
li { margin-bottom: 1.5mm; break-inside: avoid; }
.source { margin-top: 6mm; font-size: 10pt; color: #3b444d; }
`;

function totalBox(slide: Slide | undefined): string {
  if (!slide || slide.hidden) return '';
  return [
    '<div class="total">',
    `<h3>${safeHtml(slide.title)}</h3>`,
    `<p class="sentence">${safeHtml(slide.sentence)}</p>`,
    ...(slide.items ?? []).map((i) => `<p>${safeHtml(i)}</p>`),
    slide.note ? `<p><strong>${safeHtml(slide.note)}</strong></p>` : '',
    '</div>',
  ].join('');
}

function chartSection(slide: Slide | undefined, compact: (minor: number) => string): string {
  if (!slide || slide.hidden || !slide.bars || !slide.legend) return '';
  const svg = renderBarChart(slide.bars, slide.legend, {
    width: CHART_WIDTH,
    fontSize: 14,
    labelWidth: 230,
    compact,
  });
  return [
    `<section class="chart"><h2>${safeHtml(slide.title)}</h2>`,
    `<p>${safeHtml(slide.sentence)}</p>${svg}</section>`,
  ].join('');
}

/** The investment lines with the largest forecasts: the projects residents were promised. */
function projects(input: ReportInput): string[] {
  const w = deckWordsFor(input.lang);
  const { currency, currencyExponent } = input.budget;
  const money = (minor: number) => formatAmount(minor, currency, currencyExponent, input.lang);
  const orders = phaseOrdersOf(input.budget);
  return input.lines
    .filter((l) => l.kind === 'line' && l.direction === 'expenditure' && l.section === 'investment')
    .map((l) => {
      const phase = executedPhaseOf(l, orders);
      const planned = forecastOf(l, input.summary.basis) ?? 0;
      return { line: l, planned, executed: phase === null ? 0 : (l.amounts[phase] ?? 0) };
    })
    .filter((p) => p.planned > 0)
    .sort((a, b) => b.planned - a.planned)
    .slice(0, MAX_PROJECTS)
    .map(({ line, planned, executed }) =>
      fillWords(w.citizenProject, {
        label: line.label ?? line.code ?? '–',
        rate: formatPercent((executed * 100) / planned, input.lang, 0),
        executed: money(executed),
        planned: money(planned),
      }),
    );
}

const list = (items: string[]) =>
  `<ul>${items.map((i) => `<li>${safeHtml(i)}</li>`).join('')}</ul>`;

/**
 * The citizen budget: one or two A4 pages a resident can read, with the totals in one sentence
 * each (per resident where the population is known), where the money came from and went, what
 * was done of the investment promised, and what the commune says of the flags it explained.
 */
export function renderCitizenHtml(input: ReportInput): string {
  const w = deckWordsFor(input.lang);
  const m = messagesFor(input.lang);
  const { budget } = input;
  const fmt = createFormatter(m, budget.currency, budget.currencyExponent);
  const compact = (minor: number) =>
    `${fmt.compact(minor / 10 ** budget.currencyExponent)}\u00a0${budget.currency}`;
  const deck = new Map(buildDeck(input).map((s) => [s.id, s]));
  const title = fillWords(w.citizenTitle, { entity: budget.entity });
  const done = projects(input);
  const explained = input.flags
    .filter(isFinding)
    .filter((f) => f.review?.status === 'explained' && f.review.note.trim())
    .map((f) => fillWords(w.explainedItem, { finding: f.message, note: f.review!.note }));
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    `<title>${safeHtml(title)}</title>`,
    `<style>\n${embeddedFontCss()}\n${CSS}\n</style>`,
    '</head>',
    '<body><main>',
    `<h1>${safeHtml(title)}</h1>`,
    `<p class="sub">${safeHtml(deck.get('title')?.sentence)}</p>`,
    `<div class="totals">${totalBox(deck.get('revenue-total'))}${totalBox(deck.get('expenditure-total'))}</div>`,
    chartSection(deck.get('revenue-sources'), compact),
    chartSection(deck.get('expenditure-uses'), compact),
    `<section><h2>${safeHtml(w.citizenDone)}</h2>`,
    done.length > 0
      ? `<p>${safeHtml(w.citizenDoneSentence)}</p>${list(done)}`
      : `<p>${safeHtml(w.citizenNoProjects)}</p>`,
    '</section>',
    explained.length > 0
      ? `<section><h2>${safeHtml(w.citizenExplanations)}</h2>${list(explained)}</section>`
      : '',
    `<p class="source">${safeHtml(fillWords(w.citizenFooter, { file: budget.sourceFile, date: fmt.date(input.generatedAt) }))}</p>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
