import type { GroupComparison, Summary } from '../../src-shared/analysis/summary-model';
import { RULES } from '../../src-shared/analysis/rules/registry';
import type { Direction, Flag } from '../../src-shared/model';
import type { Formatter } from './format';
import { fillHtml, type Messages } from './messages';
import type { ReportLang } from './report-input';
import { sectionLabel } from './report-charts';
import { escapeHtml, safeHtml } from './safe-text';

export interface Context {
  m: Messages;
  fmt: Formatter;
  lang: ReportLang;
}

const DIRECTIONS: Direction[] = ['revenue', 'expenditure'];

function amountCells(g: GroupComparison, { fmt }: Context): string {
  return [g.plannedMinor, g.revisedMinor, g.executedMinor, g.varianceMinor]
    .map((v) => `<td class="num">${escapeHtml(fmt.amount(v))}</td>`)
    .concat(`<td class="num">${escapeHtml(fmt.rate(g.ratePercent))}</td>`)
    .join('');
}

function groupRow(kind: string, code: string, label: string, g: GroupComparison, ctx: Context) {
  const cls = kind ? ` class="${kind}"` : '';
  return `<tr${cls}><td>${code}</td><td class="label">${label}</td>${amountCells(g, ctx)}</tr>`;
}

/** The comparison table: each direction, its sections, their chapters, and totals. */
/** The sentence saying how many of `total` a table leaves out; empty when it shows them all. */
function leftOutNote(template: string, total: number, shown: number, { fmt }: Context): string {
  if (shown >= total) return '';
  const count = (n: number) => escapeHtml(fmt.integer(n));
  const values = { total: count(total), shown: count(shown), omitted: count(total - shown) };
  return `<p class="muted">${fillHtml(template, values)}</p>`;
}

/**
 * Chapters listed in a printed report, at most. A file whose every line has a code of its own
 * has as many chapters as lines: fifty thousand rows made a PDF Chromium refused to produce.
 */
export const CHAPTER_TABLE_MAX = 600;

/** The chapters to list: all of them, or the largest, kept in the summary's order. */
function listedChapters(summary: Summary): Set<GroupComparison> {
  const all = summary.byChapter;
  if (all.length <= CHAPTER_TABLE_MAX) return new Set(all);
  const size = (g: GroupComparison) =>
    Math.max(Math.abs(g.basisMinor), Math.abs(g.executedMinor ?? 0));
  return new Set([...all].sort((a, b) => size(b) - size(a)).slice(0, CHAPTER_TABLE_MAX));
}

export function chapterTable(summary: Summary, ctx: Context): string {
  const { m } = ctx;
  const listed = listedChapters(summary);
  const note = leftOutNote(m.chaptersSelected, summary.byChapter.length, listed.size, ctx);
  const head = [m.code, m.label]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .concat(
      [m.plannedOriginal, m.revised, m.executed, m.variance, m.rate].map(
        (h) => `<th class="num">${escapeHtml(h)}</th>`,
      ),
    )
    .join('');
  const body: string[] = [];
  for (const direction of DIRECTIONS) {
    const total = summary.byDirection.find((g) => g.direction === direction);
    if (!total) continue;
    for (const section of summary.bySection.filter((g) => g.direction === direction)) {
      body.push(groupRow('group', '', escapeHtml(sectionLabel(section, m)), section, ctx));
      const chapters = summary.byChapter.filter(
        (g) => g.direction === direction && g.section === section.section && listed.has(g),
      );
      for (const ch of chapters) {
        body.push(groupRow('', safeHtml(ch.chapter ?? '–'), safeHtml(ch.label), ch, ctx));
      }
    }
    body.push(groupRow('total', '', escapeHtml(`${m.total} ${m[direction]}`), total, ctx));
  }
  return [
    // The note, when there is one, comes first and on a line of its own.
    ...(note ? [note] : []),
    `<table class="data chapters"><thead><tr>${head}</tr></thead>`,
    `<tbody>${body.join('\n')}</tbody></table>`,
  ].join('\n');
}

const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

/** A rule's title in the report's language; an id the registry no longer knows stays as is. */
export function ruleTitle(rule: string, lang: ReportLang): string {
  return RULE_TITLES.get(rule)?.[lang] ?? rule;
}

function flagWhere(flag: Flag, { m }: Context): string {
  const parts: string[] = [];
  if (flag.code) parts.push(`<strong>${safeHtml(flag.code)}</strong>`);
  if (flag.sheet !== null) {
    const row = flag.row === null ? '–' : String(flag.row);
    const sheet = `<span class="nowrap">${safeHtml(flag.sheet)}</span>`;
    parts.push(fillHtml(m.location, { sheet, row }));
  }
  if (flag.cells.length > 0) {
    parts.push(fillHtml(m.cellsAt, { cells: safeHtml(flag.cells.join(', ')) }));
  }
  return parts.join('<br>');
}

function flagReview(flag: Flag, { m, fmt }: Context): string {
  const review = flag.review;
  if (!review) return `<span class="muted">${escapeHtml(m.notReviewed)}</span>`;
  const who = fillHtml(m.reviewBy, {
    status: escapeHtml(m[`review.${review.status}`]),
    reviewer: safeHtml(review.reviewer),
    date: escapeHtml(fmt.date(review.at)),
  });
  return `<div class="review"><strong>${who}</strong></div><div>${safeHtml(review.note)}</div>`;
}

/** The flags, most severe first, each with where it points and how it was reviewed. */
/**
 * Flags listed in a printed report, at most. A register of payments can raise tens of thousands
 * (one per repeated amount): printed whole they made a PDF Chromium refused to produce.
 */
export const FLAG_TABLE_MAX = 1_000;

export function flagTable(flags: Flag[], ctx: Context): string {
  const { m } = ctx;
  if (flags.length === 0) return `<p>${escapeHtml(m.flagsNone)}</p>`;
  const order = { error: 0, warning: 1, info: 2 };
  const all = [...flags].sort((a, b) => order[a.severity] - order[b.severity]);
  const sorted = all.slice(0, FLAG_TABLE_MAX);
  const note = leftOutNote(m.flagsSelected, all.length, sorted.length, ctx);
  const head = [m.severity, m.where, m.finding, m.review]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  const rows = sorted.map((f) => {
    const severity = `<span class="severity ${f.severity}">${escapeHtml(m[`severity.${f.severity}`])}</span>`;
    return [
      `<tr><td>${severity}<div class="muted">${safeHtml(ruleTitle(f.rule, ctx.lang))}</div></td>`,
      `<td class="text">${flagWhere(f, ctx)}</td>`,
      `<td class="text">${safeHtml(f.message)}</td>`,
      `<td>${flagReview(f, ctx)}</td></tr>`,
    ].join('');
  });
  return [
    ...(note ? [note] : []),
    '<table class="data flags">',
    ['severity', 'where', 'finding', 'review'].map((c) => `<col class="${c}">`).join(''),
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}
