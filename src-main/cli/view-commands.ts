import { summarise } from '../../src-shared/analysis/summarise';
import { resolveBudgetId } from '../services/report-service';
import { exportReport } from '../services/report-service';
import { getBudget } from '../store/budgets-repo';
import { listFlags } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { openStore } from '../store/open-store';
import { optionalInteger, requireString, UsageError, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { flagsJson, flagsText } from './flags-output';
import { summaryJson, summaryText } from './summary-output';

/** `budget-clair summary`: totals and rates of one budget (the latest by default). */
export async function summaryCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const id = resolveBudgetId(store, optionalInteger(values, 'budget'));
    const budget = getBudget(store.db, id);
    if (!budget) return 2;
    const flags = listFlags(store.db, id);
    const summary = summarise(budget, readLines(store.db, id), { basis: 'revised', flags });
    io.out(
      values.json ? `${JSON.stringify(summaryJson(summary), null, 2)}\n` : summaryText(summary),
    );
    return 0;
  } finally {
    store.close();
  }
}

/** `budget-clair flags`: the flags of one budget with their reviews. */
export async function flagsCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const id = resolveBudgetId(store, optionalInteger(values, 'budget'));
    const flags = listFlags(store.db, id);
    io.out(
      values.json ? `${JSON.stringify(flagsJson(id, flags), null, 2)}\n` : flagsText(id, flags),
    );
    return 0;
  } finally {
    store.close();
  }
}

/** `budget-clair export`: a PDF or HTML report of one budget. */
export async function exportCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const format = requireString(values, 'format');
  if (format !== 'pdf' && format !== 'html') throw new UsageError('--format attend pdf ou html.');
  const lang = values.lang ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang attend fr ou en.');
  const outPath = requireString(values, 'out');

  const store = openStore(requireString(values, 'db'));
  try {
    const budgetId = optionalInteger(values, 'budget');
    await exportReport(store, { budgetId, format, outPath, lang, actor: 'cli' });
    io.err(`Rapport écrit : ${outPath}\n`);
    return 0;
  } finally {
    store.close();
  }
}
