import type { PefaDimension, PefaIndicator, PefaResult } from '../../src-shared/analysis/pefa';
import { formatPercent } from '../../src-shared/format/amount';
import { fill, type Messages } from './messages';
import type { ReportLang } from './report-input';
import type { Context } from './report-tables';
import { escapeHtml } from './safe-text';

const gradeCell = (grade: string | null, m: Messages) =>
  grade === null
    ? `<td class="grade none">${escapeHtml(m.pefaNoGrade)}</td>`
    : `<td class="grade"><strong>${escapeHtml(grade)}</strong></td>`;

function dimensionRow(
  d: PefaDimension,
  name: string,
  years: number[],
  m: Messages,
  lang: ReportLang,
): string {
  const values = years.map((year) => {
    const found = d.years.find((y) => y.fiscalYear === year);
    return `<td class="num">${escapeHtml(formatPercent(found?.valuePercent ?? null, lang, 2))}</td>`;
  });
  return [
    `<tr><td class="nowrap">${escapeHtml(d.id)}</td><td>${escapeHtml(name)}</td>`,
    values.join(''),
    gradeCell(d.grade, m),
    `<td class="text">${escapeHtml(d.explanation)}</td></tr>`,
  ].join('');
}

function indicatorRows(
  indicator: PefaIndicator,
  years: number[],
  m: Messages,
  lang: ReportLang,
): string {
  const [only] = indicator.dimensions;
  // PI-1 is its own single dimension: one row says it all.
  if (indicator.dimensions.length === 1 && only) {
    return dimensionRow(only, m[`pefa.${indicator.id}`], years, m, lang);
  }
  const head = [
    `<tr class="group"><td class="nowrap">${escapeHtml(indicator.id)}</td>`,
    `<td colspan="${years.length + 1}">${escapeHtml(m[`pefa.${indicator.id}`])}</td>`,
    gradeCell(indicator.grade, m),
    `<td class="text">${escapeHtml(indicator.explanation)}</td></tr>`,
  ].join('');
  const rows = indicator.dimensions.map((d) => dimensionRow(d, m[`pefa.${d.id}`], years, m, lang));
  return [head, ...rows].join('\n');
}

/**
 * PEFA's budget-reliability indicators: each dimension's yearly ratio or variance, its grade
 * and how it was reached. With fewer than three completed years the figures stand and the
 * section says plainly that no grade is given.
 */
export function pefaSection(pefa: PefaResult, { m }: Context, lang: ReportLang): string {
  const years = pefa.fiscalYears;
  if (years.length === 0) return `<p>${escapeHtml(m.pefaNoYears)}</p>`;
  const intro = fill(m.pefaIntro, { years: years.join(', ') });
  const head = [m.pefaIndicator, m.pefaDimension]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .concat(years.map((y) => `<th class="num">${y}</th>`))
    .concat([m.pefaGrade, m.pefaExplanation].map((h) => `<th>${escapeHtml(h)}</th>`))
    .join('');
  return [
    `<p>${escapeHtml(intro)}</p>`,
    pefa.graded ? '' : `<p class="pefa-ungraded"><strong>${escapeHtml(m.pefaTooFew)}</strong></p>`,
    `<table class="data pefa"><thead><tr>${head}</tr></thead>`,
    `<tbody>${pefa.indicators.map((i) => indicatorRows(i, years, m, lang)).join('\n')}</tbody></table>`,
  ].join('\n');
}
