import { summarise } from '../../src-shared/analysis/summarise';
import { EXPORT_FORMATS, type ExportFormat } from '../report/export-budget';
import { exportReport, resolveBudgetId } from '../services/report-service';
import { listFlags } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { openStore } from '../store/open-store';
import { optionalInteger, requireString, UsageError, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { say, sayIn } from './cli-messages';
import { flagsJson, flagsText } from './flags-output';
import { summaryJson, summaryText } from './summary-output';
import { applyView, langOf } from './view-options';

/**
 * The views open the store for writing: a new executed stage is stored for the budget, and
 * flags judged on another basis are computed again, before anything is shown.
 */
function openView(values: ParsedValues) {
  const lang = langOf(values);
  const store = openStore(requireString(values, 'db'));
  return { store, lang };
}

function stageNotice(io: CliIo, lang: 'fr' | 'en', id: number, view: ReturnType<typeof applyView>) {
  if (!view.stageChanged) return;
  const t = sayIn(lang);
  const { revenue, expenditure } = view.budget.executedStage;
  io.err(
    `${t('stageChanged', { id, revenue: t(`phase.${revenue}`), expenditure: t(`phase.${expenditure}`) })}\n`,
  );
}

/** `budget-clair summary`: totals and rates of one budget (the latest by default). */
export async function summaryCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const { store, lang } = openView(values);
  try {
    const id = resolveBudgetId(store, optionalInteger(values, 'budget'));
    const view = applyView(store, id, values);
    stageNotice(io, lang, id, view);
    const flags = listFlags(store.db, id);
    const summary = summarise(view.budget, readLines(store.db, id), { basis: view.basis, flags });
    io.out(
      values.json
        ? `${JSON.stringify(summaryJson(summary), null, 2)}\n`
        : summaryText(summary, lang),
    );
    return 0;
  } finally {
    store.close();
  }
}

/** `budget-clair flags`: the flags of one budget with their reviews. */
export async function flagsCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const { store, lang } = openView(values);
  try {
    const id = resolveBudgetId(store, optionalInteger(values, 'budget'));
    const view = applyView(store, id, values);
    stageNotice(io, lang, id, view);
    const flags = listFlags(store.db, id);
    const judged = { basis: view.basis, executedStage: view.budget.executedStage };
    io.out(
      values.json
        ? `${JSON.stringify(flagsJson(id, flags, judged), null, 2)}\n`
        : flagsText(id, flags, lang, judged),
    );
    return 0;
  } finally {
    store.close();
  }
}

function formatOf(values: ParsedValues): ExportFormat {
  const format = requireString(values, 'format');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format attend ${EXPORT_FORMATS.join(', ')}.`);
  }
  return format as ExportFormat;
}

/** `budget-clair export`: one budget in any of the export formats (`fdp` writes a folder). */
export async function exportCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const format = formatOf(values);
  const outPath = requireString(values, 'out');
  const { store, lang } = openView(values);
  try {
    const budgetId = resolveBudgetId(store, optionalInteger(values, 'budget'));
    const view = applyView(store, budgetId, values);
    stageNotice(io, lang, budgetId, view);
    await exportReport(store, { budgetId, format, outPath, lang, basis: view.basis, actor: 'cli' });
    const { revenue, expenditure } = view.budget.executedStage;
    const t = (key: Parameters<typeof say>[1]) => say(lang, key);
    io.err(
      `${say(lang, 'written', {
        path: outPath,
        format,
        basis: t(`phase.${view.basis}`),
        revenue: t(`phase.${revenue}`),
        expenditure: t(`phase.${expenditure}`),
      })}\n`,
    );
    return 0;
  } finally {
    store.close();
  }
}
