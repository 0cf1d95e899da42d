import type { BudgetLine, Phase } from '../../src-shared/model';
import { fillHtml } from './messages';
import type { ReportInput } from './report-input';
import type { Context } from './report-tables';
import { escapeHtml, safeHtml } from './safe-text';

/**
 * Past this many detail lines the annex lists a selection only: every line of a 200 000-line
 * budget makes an HTML of about 150 MB, which Chromium cannot print. The chapter tables above
 * still add up every line; the machine exports (XLSX, CSV, Arrow) list them all.
 */
export const LINES_ANNEX_MAX = 1_500;

/** Lines a big budget's annex shows: those with a flag first, then the largest amounts. */
export const LINES_ANNEX_SELECTION = 500;

export interface AnnexLines {
  lines: BudgetLine[];
  /** Detail lines in the budget. */
  total: number;
  /** Lines of the selection that carry a flag (all of them when the budget is small). */
  flagged: number;
}

function sizeOf(line: BudgetLine): number {
  const { original = 0, revised = 0 } = line.amounts;
  const executed = Object.entries(line.amounts)
    .filter(([phase]) => phase !== 'original' && phase !== 'revised' && phase !== 'change')
    .map(([, v]) => Math.abs(v ?? 0));
  return Math.max(Math.abs(original), Math.abs(revised), ...executed);
}

/** The detail lines the annex lists, in the order of the file. */
export function selectAnnexLines(input: ReportInput): AnnexLines {
  const detail = input.lines.filter((l) => l.kind === 'line');
  const flaggedIds = new Set(input.flags.map((f) => f.lineId).filter((id) => id !== null));
  if (detail.length <= LINES_ANNEX_MAX) {
    const flagged = detail.filter((l) => flaggedIds.has(l.id)).length;
    return { lines: detail, total: detail.length, flagged };
  }

  const chosen = new Set(
    detail.filter((l) => flaggedIds.has(l.id)).slice(0, LINES_ANNEX_SELECTION),
  );
  const flagged = chosen.size;
  const largest = detail.filter((l) => !chosen.has(l)).sort((a, b) => sizeOf(b) - sizeOf(a));
  for (const line of largest) {
    if (chosen.size >= LINES_ANNEX_SELECTION) break;
    chosen.add(line);
  }
  return { lines: detail.filter((l) => chosen.has(l)), total: detail.length, flagged };
}

function executedPhaseOf(line: BudgetLine, input: ReportInput): Phase | null {
  const chosen =
    line.direction === 'revenue'
      ? input.budget.executedStage.revenue
      : input.budget.executedStage.expenditure;
  return line.amounts[chosen] === undefined ? null : chosen;
}

function lineRow(line: BudgetLine, input: ReportInput, { fmt }: Context): string {
  const phase = executedPhaseOf(line, input);
  const amount = (v: number | undefined) =>
    `<td class="num">${escapeHtml(fmt.amount(v ?? null))}</td>`;
  return [
    `<tr><td class="nowrap">${safeHtml(line.sheet)}</td><td class="num">${line.row}</td>`,
    `<td class="nowrap">${safeHtml(line.code)}</td><td class="label">${safeHtml(line.label)}</td>`,
    amount(line.amounts.original),
    amount(line.amounts.revised),
    amount(phase === null ? undefined : line.amounts[phase]),
    `<td class="nowrap">${phase === null ? '–' : safeHtml(line.cells[phase] ?? '–')}</td></tr>`,
  ].join('');
}

/**
 * The detail lines with their sheet, row and the cell their executed figure came from: all of
 * them up to LINES_ANNEX_MAX, past it a selection and a sentence saying where the rest is.
 */
export function linesAnnex(input: ReportInput, ctx: Context): string {
  const { m, fmt } = ctx;
  const head = [m.sheet, m.row, m.code, m.label]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .concat(
      [m.plannedOriginal, m.revised, m.executed].map(
        (h) => `<th class="num">${escapeHtml(h)}</th>`,
      ),
    )
    .concat(`<th>${escapeHtml(m.executedCell)}</th>`)
    .join('');
  const selection = selectAnnexLines(input);
  const rows = selection.lines.map((l) => lineRow(l, input, ctx));
  const note =
    selection.lines.length < selection.total
      ? `<p>${fillHtml(m.linesSelected, {
          total: escapeHtml(fmt.integer(selection.total)),
          shown: escapeHtml(fmt.integer(selection.lines.length)),
          flagged: escapeHtml(fmt.integer(selection.flagged)),
          omitted: escapeHtml(fmt.integer(selection.total - selection.lines.length)),
        })}</p>`
      : '';
  return `${note}<table class="data lines"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
