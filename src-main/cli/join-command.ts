import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JoinKey } from '../../src-shared/import/join-previews';
import type { BudgetInfo, BudgetLine } from '../../src-shared/model';
import { importJoined } from '../services/join-service';
import { getBudget } from '../store/budgets-repo';
import { readLines } from '../store/lines-repo';
import { openStore } from '../store/open-store';
import {
  importOptionsOf,
  requireString,
  serviceOptionsOf,
  UsageError,
  type ParsedValues,
} from './cli-args';
import type { CliIo } from './cli-io';
import { importReport, importText } from './import-command';

/** `--key FundCode=Fund,OperatingUnit=Oper Unit` (repeatable): budget column = actuals column. */
export function parseJoinKey(entries: string[]): JoinKey {
  const key = entries
    .flatMap((e) => e.split(','))
    .map((pair) => {
      const at = pair.indexOf('=');
      const budget = pair.slice(0, at).trim();
      const actuals = pair.slice(at + 1).trim();
      if (at <= 0 || !budget || !actuals) {
        throw new UsageError(`--key attend COL-BUDGET=COL-RÉALISATIONS : « ${pair} ».`);
      }
      return { budget, actuals };
    });
  if (key.length === 0) throw new UsageError('--key est requis.');
  return { key };
}

async function requestOf(file: string, values: ParsedValues) {
  const bytes = new Uint8Array(await readFile(file));
  const options = importOptionsOf(values);
  return { fileName: basename(file), bytes, options, actor: 'cli', ...serviceOptionsOf(values) };
}

/**
 * `budget-clair join BUDGET ACTUALS --key …`: reads both files, joins them on the key, stores
 * the joined budget and says how many lines matched; exit 0 stored, 2 refused.
 */
export async function joinCommand(
  values: ParsedValues,
  positionals: string[],
  io: CliIo,
): Promise<number> {
  const [budgetFile, actualsFile] = positionals;
  if (!budgetFile || !actualsFile || positionals.length > 2) {
    throw new UsageError('join attend deux fichiers : BUDGET puis RÉALISATIONS.');
  }
  const key = parseJoinKey(Array.isArray(values.key) ? values.key : []);
  const dbPath = requireString(values, 'db');
  const budget = await requestOf(budgetFile, values);
  const actuals = await requestOf(actualsFile, { ...values, mapping: values['actuals-mapping'] });

  const store = openStore(dbPath);
  let info: BudgetInfo | null = null;
  let lines: BudgetLine[] = [];
  let outcome: Awaited<ReturnType<typeof importJoined>>;
  try {
    outcome = await importJoined(store, budget, actuals, key);
    if (outcome.ok) {
      info = getBudget(store.db, outcome.budgetId);
      lines = readLines(store.db, outcome.budgetId);
    }
  } finally {
    store.close();
  }

  const report = importReport(outcome, info, lines, false);
  const counts = outcome.ok
    ? { matched: outcome.matched, onlyInBudget: outcome.onlyInBudget, onlyInActuals: outcome.onlyInActuals } // prettier-ignore
    : null;
  if (values.json === true) io.out(`${JSON.stringify({ ...report, join: counts }, null, 2)}\n`);
  else {
    const said = counts
      ? `Jointure : ${counts.matched} lignes dans les deux fichiers, ${counts.onlyInBudget} dans le budget seulement, ${counts.onlyInActuals} dans les réalisations seulement.\n` // prettier-ignore
      : '';
    io.out(said + importText(report, outcome.ok));
  }
  return outcome.ok ? 0 : 2;
}
