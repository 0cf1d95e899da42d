import type { Phase } from '../../src-shared/model';
import { fillHtml, type Messages } from './messages';
import type { ReportInput } from './report-input';
import type { Context } from './report-tables';
import { mappingTable, settingsTable } from './settings-annex';
import { escapeHtml, safeHtml } from './safe-text';

function phaseName(phase: Phase, m: Messages): string {
  return m[`phase.${phase}`];
}

function sourcesTable(input: ReportInput, { m, fmt }: Context): string {
  const rows = input.sources.map((s) =>
    [
      '<tr>',
      `<td class="text"><strong>${safeHtml(s.fileName)}</strong><br><span class="muted">`,
      `${escapeHtml(s.format)} · ${fillHtml(m.bytes, { n: escapeHtml(fmt.integer(s.sizeBytes)) })}`,
      `</span></td>`,
      `<td>${s.sheets.map((sheet) => safeHtml(sheet)).join(', ')}</td>`,
      `<td>${escapeHtml(fmt.dateTime(s.importedAt))}</td>`,
      `<td class="mono">${safeHtml(s.sha256)}</td>`,
      '</tr>',
    ].join(''),
  );
  const head = [m.fileName, m.sheets, m.importedAt, 'SHA-256']
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  return `<table class="data sources"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Methods and provenance: enough for an auditor to redo every figure from the files. */
export function methodsAnnex(input: ReportInput, ctx: Context): string {
  const { m } = ctx;
  const stage = input.budget.executedStage;
  const mappings = input.sources.map(
    (s) =>
      `<h3>${escapeHtml(m.mapping)} · ${safeHtml(s.fileName)}</h3>` + mappingTable(s.mapping, ctx),
  );
  return [
    `<h3>${escapeHtml(m.methodsTitle)}</h3>`,
    '<ul>',
    `<li>${fillHtml(m.stageLine, {
      revenue: escapeHtml(phaseName(stage.revenue, m)),
      expenditure: escapeHtml(phaseName(stage.expenditure, m)),
    })}</li>`,
    `<li>${escapeHtml(input.summary.basis === 'revised' ? m.basisRevised : m.basisOriginal)}</li>`,
    `<li>${escapeHtml(m.methodRate)}</li>`,
    `<li>${fillHtml(m.methodVariance, { currency: safeHtml(input.budget.currency) })}</li>`,
    `<li>${escapeHtml(m.methodLines)}</li>`,
    '</ul>',
    `<h3>${escapeHtml(m.sources)}</h3>`,
    sourcesTable(input, ctx),
    `<h3>${escapeHtml(m.settingsTitle)}</h3>`,
    settingsTable(input.settings, ctx, input.budget.currencyExponent),
    ...mappings,
  ].join('\n');
}
