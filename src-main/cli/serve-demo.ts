import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarise } from '../../src-shared/analysis/summarise';
import { fromRoot } from '../paths';
import { startBridge } from '../server/bridge';
import { callHandler, createHandlers } from '../services/index';
import { importFile } from '../services/import-service';
import { exportReport } from '../services/report-service';
import { getBudget, latestBudgetId } from '../store/budgets-repo';
import { listFlags } from '../store/flags-repo';
import { readLines } from '../store/lines-repo';
import { openStore, type Store } from '../store/open-store';
import { optionalInteger, requireString, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { flagsText } from './flags-output';
import { summaryText } from './summary-output';

export const SAMPLE_NAME = 'commune-fictive-2019-compte-administratif.xlsx';

/** Imports the bundled sample; the same bytes twice give the same budget. */
async function importSample(store: Store): Promise<number | null> {
  const bytes = new Uint8Array(await readFile(fromRoot('samples', SAMPLE_NAME)));
  const outcome = await importFile(store, {
    fileName: SAMPLE_NAME,
    bytes,
    options: {},
    actor: 'cli',
  });
  return outcome.ok ? outcome.budgetId : null;
}

/** `budget-clair serve`: the workbench in a browser, on 127.0.0.1 only, until interrupted. */
export async function serveCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const store = openStore(requireString(values, 'db'));
  if (values.sample === true && latestBudgetId(store.db) === null) await importSample(store);
  const handlers = createHandlers(store, { actor: 'bridge' });
  const bridge = await startBridge({
    handlers,
    call: callHandler,
    port: optionalInteger(values, 'port') ?? 0,
    staticDir: fromRoot('out', 'renderer'),
  });
  io.out(`Budget Clair : ${bridge.url}\n(Ctrl+C pour arrêter)\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
  store.close();
  return 0;
}

/**
 * `budget-clair demo`: the main job on the bundled sample. Imports it, prints the summary and
 * the flags, and writes the report as HTML and PDF into the folder.
 */
export async function demoCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const dir = typeof values.out === 'string' ? values.out : 'demo-out';
  await mkdir(dir, { recursive: true });
  const store = openStore(join(dir, 'budget-clair.sqlite'));
  try {
    const budgetId = await importSample(store);
    const budget = budgetId === null ? null : getBudget(store.db, budgetId);
    if (budgetId === null || !budget) {
      io.err(`L’exemple ${SAMPLE_NAME} n’a pas pu être importé.\n`);
      return 1;
    }
    const flags = listFlags(store.db, budgetId);
    io.out(
      summaryText(summarise(budget, readLines(store.db, budgetId), { basis: 'revised', flags })),
    );
    io.out(`\n${flagsText(budgetId, flags)}\n`);

    for (const format of ['html', 'pdf'] as const) {
      const outPath = join(dir, `rapport.${format}`);
      await exportReport(store, { budgetId, format, outPath, lang: 'fr', actor: 'cli' });
      io.out(`Rapport écrit : ${outPath}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}
