import type { Direction } from '../../src-shared/model';
import { sidesOf } from '../../src-shared/present/budget-sides';
import { perHundredUnit } from '../../src-shared/present/deck-words';
import { createFormatter } from './format';
import { fill, fillHtml, messagesFor, type Messages } from './messages';
import { linesAnnex } from './lines-annex';
import { methodsAnnex } from './report-annex';
import { renderReportCharts } from './report-charts';
import { pefaSection } from './report-pefa';
import { reportCss } from './report-css';
import type { ReportInput } from './report-input';
import { chapterTable, flagTable, type Context } from './report-tables';
import { escapeHtml, safeHtml } from './safe-text';

// Nothing may load or run: the report is opened from e-mail and USB sticks. Inline styles are
// allowed because ECharts' SVG carries style attributes, which hashes cannot cover.
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
  "base-uri 'none'; form-action 'none'";

function yearOf(input: ReportInput, m: Messages): string {
  return input.budget.fiscalYear === null ? m.unknownYear : String(input.budget.fiscalYear);
}

function cover(input: ReportInput, { m, fmt }: Context): string {
  const { budget } = input;
  const files =
    input.sources.length > 0 ? input.sources.map((s) => s.fileName) : [budget.sourceFile];
  const item = (term: string, value: string, cls = '') =>
    `<dt>${escapeHtml(term)}</dt><dd${cls ? ` class="${cls}"` : ''}>${value}</dd>`;
  return [
    '<section class="cover">',
    `<div class="kicker">${escapeHtml(m.reportTitle)}</div>`,
    `<h1>${safeHtml(budget.entity)}</h1>`,
    '<dl>',
    item(m.fiscalYear, escapeHtml(yearOf(input, m))),
    item(m.version, escapeHtml(m[`version.${budget.version}`])),
    item(
      m.executedStage,
      escapeHtml(
        `${m.revenue} : ${m[`phase.${budget.executedStage.revenue}`]} · ` +
          `${m.expenditure} : ${m[`phase.${budget.executedStage.expenditure}`]}`,
      ),
    ),
    item(m.sources, files.map((f) => safeHtml(f)).join('<br>'), 'sources'),
    item(m.reportDate, escapeHtml(fmt.date(input.generatedAt))),
    '</dl>',
    '</section>',
  ].join('\n');
}

function perHundred(input: ReportInput, direction: Direction, m: Messages): string {
  const group = input.summary.byDirection.find((g) => g.direction === direction);
  const side = m[direction].toLowerCase();
  if (group && group.executedMinor === null) return fill(m.noExecution, { side });
  if (!group || group.ratePercent === null) return fill(m.noForecast, { side });
  const stage = input.budget.executedStage[direction];
  const doneKey = `done.${stage}` as keyof Messages;
  return fill(direction === 'revenue' ? m.perHundredRevenue : m.perHundredExpenditure, {
    unit: perHundredUnit(input.budget.currency, m.francs),
    n: Math.round(group.ratePercent),
    done: doneKey in m ? m[doneKey] : m['done.other'],
  });
}

function balanceSentence(input: ReportInput, { m, fmt }: Context): string {
  const balance = input.summary.balance.executedMinor;
  if (balance === null) return m.balanceUnknown;
  if (balance > 0) return fill(m.surplus, { amount: fmt.money(balance) });
  if (balance < 0) return fill(m.deficit, { amount: fmt.money(-balance) });
  return m.balanced;
}

function perResidentSentence(input: ReportInput, { m, fmt }: Context): string | null {
  const { population } = input.budget;
  if (population === null || population <= 0) return null;
  const per = (d: Direction) =>
    fmt.money(Math.round((input.summary.totals[d].executed ?? 0) / population));
  const sides = sidesOf(input.summary);
  if (sides === 'both') {
    return fill(m.perResident, { revenue: per('revenue'), expenditure: per('expenditure') });
  }
  if (sides === 'none') return null;
  return fill(m.perResidentOneSide, { amount: per(sides), side: m[sides].toLowerCase() });
}

function plainSummary(input: ReportInput, ctx: Context): string {
  const { m } = ctx;
  const sides = sidesOf(input.summary);
  // A one-sided file has no balance: the other side is absent, not zero.
  const sentences =
    sides === 'revenue'
      ? [m.onlyRevenue, perHundred(input, 'revenue', m)]
      : sides === 'expenditure'
        ? [m.onlyExpenditure, perHundred(input, 'expenditure', m)]
        : [perHundred(input, 'expenditure', m), perHundred(input, 'revenue', m)];
  if (sides === 'both') sentences.push(balanceSentence(input, ctx));
  const perResident = perResidentSentence(input, ctx);
  if (perResident !== null) sentences.push(perResident);
  const n = input.flags.length;
  sentences.push(n === 0 ? m.flagsNone : n === 1 ? m.flagsOne : fill(m.flagsMany, { n }));
  sentences.push(input.summary.basis === 'revised' ? m.basisRevised : m.basisOriginal);
  return sentences.map((s) => `<p>${safeHtml(s)}</p>`).join('\n');
}

function keyFigure(input: ReportInput, direction: Direction, { m, fmt }: Context): string {
  const group = input.summary.byDirection.find((g) => g.direction === direction);
  const row = (label: string, value: string) =>
    `<tr><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`;
  return [
    `<div class="figure ${direction}"><h3>${escapeHtml(m[direction])}</h3>`,
    `<div class="big">${escapeHtml(fmt.rate(group?.ratePercent ?? null))}</div>`,
    `<div class="muted">${escapeHtml(m.executionRate)}</div><table>`,
    row(m.plannedOriginal, fmt.money(group?.plannedMinor ?? null)),
    row(m.revised, fmt.money(group?.revisedMinor ?? null)),
    row(m.executed, fmt.money(group?.executedMinor ?? null)),
    '</table></div>',
  ].join('');
}

function keyFigures(input: ReportInput, ctx: Context): string {
  const balance = input.summary.balance.executedMinor;
  const balanceFigure =
    sidesOf(input.summary) === 'both'
      ? [
          `<div class="figure balance"><h3>${escapeHtml(ctx.m.executionBalance)}</h3>`,
          `<div class="big">${escapeHtml(ctx.fmt.money(balance))}</div></div>`,
        ]
      : [];
  return [
    '<div class="figures">',
    keyFigure(input, 'revenue', ctx),
    keyFigure(input, 'expenditure', ctx),
    ...balanceFigure,
    '</div>',
  ].join('\n');
}

function charts(input: ReportInput, ctx: Context): string {
  return renderReportCharts(input.summary, ctx.m, ctx.fmt)
    .map((c) => {
      const note = c.note ? `<p class="muted">${escapeHtml(c.note)}</p>` : '';
      return `<figure class="chart"><figcaption>${escapeHtml(c.title)}</figcaption>${note}${c.svg}</figure>`;
    })
    .join('\n');
}

/** The whole report as one self-contained HTML file: fonts, charts and styles inline. */
export function renderReportHtml(input: ReportInput): string {
  const m = messagesFor(input.lang);
  const fmt = createFormatter(m, input.budget.currency, input.budget.currencyExponent);
  const ctx: Context = { m, fmt, lang: input.lang };
  const title = `${m.reportTitle} · ${input.budget.entity} · ${yearOf(input, m)}`;
  const h2 = (text: string) => `<h2>${escapeHtml(text)}</h2>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Budget Clair">',
    `<title>${safeHtml(title)}</title>`,
    `<style>\n${reportCss()}\n</style>`,
    '</head>',
    '<body><main>',
    cover(input, ctx),
    `<section class="new-page plain">${h2(m.summaryTitle)}${plainSummary(input, ctx)}</section>`,
    `<section>${h2(m.keyFigures)}${keyFigures(input, ctx)}</section>`,
    `<section class="new-page">${h2(m.chartsTitle)}${charts(input, ctx)}</section>`,
    `<section class="new-page">${h2(m.tableTitle)}`,
    `<p class="muted">${fillHtml(m.amountsIn, { currency: safeHtml(input.budget.currency) })}</p>`,
    `${chapterTable(input.summary, ctx)}</section>`,
    `<section class="new-page">${h2(m.flagsTitle)}${flagTable(input.flags, ctx)}</section>`,
    ...(input.pefa
      ? [
          `<section class="new-page">${h2(m.pefaTitle)}${pefaSection(input.pefa, ctx, input.lang)}</section>`,
        ]
      : []),
    `<section class="new-page">${h2(m.annexTitle)}${methodsAnnex(input, ctx)}</section>`,
    `<section class="new-page">${h2(m.linesTitle)}${linesAnnex(input, ctx)}</section>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
