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
export function chapterTable(summary: Summary, ctx: Context): string {
  const { m } = ctx;
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
        (g) => g.direction === direction && g.section === section.section,
      );
      for (const ch of chapters) {
        body.push(groupRow('', safeHtml(ch.chapter ?? '–'), safeHtml(ch.label), ch, ctx));
      }
    }
    body.push(groupRow('total', '', escapeHtml(`${m.total} ${m[direction]}`), total, ctx));
  }
  return [
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
export function flagTable(flags: Flag[], ctx: Context): string {
  const { m } = ctx;
  if (flags.length === 0) return `<p>${escapeHtml(m.flagsNone)}</p>`;
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...flags].sort((a, b) => order[a.severity] - order[b.severity]);
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
    '<table class="data flags">',
    ['severity', 'where', 'finding', 'review'].map((c) => `<col class="${c}">`).join(''),
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}
