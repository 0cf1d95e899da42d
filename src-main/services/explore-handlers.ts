import { compareBudgets } from '../../src-shared/analysis/compare';
import { executedPhaseOf, phaseOrdersOf } from '../../src-shared/analysis/figures';
import { computePefa } from '../../src-shared/analysis/pefa';
import type { Handlers } from '../../src-shared/contract';
import { DeckSettings, type Provenance } from '../../src-shared/contract-explore';
import type { SheetPreview } from '../../src-shared/model';
import { getBudget } from '../store/budgets-repo';
import { readDeckJson, writeDeckJson } from '../store/deck-repo';
import { listFlags } from '../store/flags-repo';
import { getImportOfBudget } from '../store/imports-repo';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { readLineAmounts } from '../store/provenance-repo';
import { linesToArrow } from './lines-arrow';
import { entityYears } from './report-service';
import { ServiceError } from './service-error';

type ExploreHandlers = Pick<
  Handlers,
  | 'budgets.linesArrow'
  | 'lines.provenance'
  | 'budgets.compare'
  | 'pefa.compute'
  | 'deck.get'
  | 'deck.save'
>;

function usedSheets(sheets: unknown): Provenance['sheets'] {
  if (!Array.isArray(sheets)) return [];
  return (sheets as SheetPreview[])
    .filter((s) => s.used)
    .map((s) => ({ name: s.name, columns: s.columns }));
}

/** The calls behind the explorer, provenance, comparison, PEFA and the presentation deck. */
export function createExploreHandlers(store: Store, actor: string): ExploreHandlers {
  const { db } = store;
  const budgetOf = (id: number) => {
    const budget = getBudget(db, id);
    if (!budget) throw new ServiceError('not-found', `Il n’y a pas de budget n° ${id}.`);
    return budget;
  };

  return {
    'budgets.linesArrow': async ({ budgetId }) => {
      const budget = budgetOf(budgetId);
      const lines = readLines(db, budgetId);
      const bytes = linesToArrow(budget, lines);
      return { rowCount: lines.length, arrowBase64: Buffer.from(bytes).toString('base64') };
    },

    'lines.provenance': async ({ budgetId, lineId }) => {
      const budget = budgetOf(budgetId);
      const stored = getImportOfBudget(db, budgetId);
      if (!stored)
        throw new ServiceError('not-found', `Le budget n° ${budgetId} n’a pas d’import.`);
      const flags = listFlags(db, budgetId);
      let line: Provenance['line'] = null;
      if (lineId !== undefined) {
        const amounts = readLineAmounts(db, budgetId, lineId);
        const read = readLines(db, budgetId).find((l) => l.id === lineId);
        if (!amounts || !read) {
          throw new ServiceError('not-found', `Il n’y a pas de ligne n° ${lineId} dans ce budget.`);
        }
        const { id, sheet, row, code, label, kind } = read;
        const executedPhase = executedPhaseOf(read, phaseOrdersOf(budget));
        line = { id, sheet, row, code, label, kind, executedPhase, amounts };
      }
      return {
        budget,
        file: {
          name: stored.fileName,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          format: stored.format,
          startedAt: stored.startedAt,
          finishedAt: stored.finishedAt,
        },
        sheets: usedSheets(stored.sheets),
        mapping: stored.mapping,
        line,
        flags: line ? flags.filter((f) => f.lineId === lineId) : [],
      };
    },

    'budgets.compare': async ({ a, b, basis, lang }) => {
      const left = { budget: budgetOf(a), lines: readLines(db, a) };
      const right = { budget: budgetOf(b), lines: readLines(db, b) };
      return compareBudgets(left, right, { basis, lang });
    },

    'pefa.compute': async ({ entity, lang }) => {
      const years = entityYears(store, entity);
      return computePefa(years, { lang });
    },

    'deck.get': async ({ budgetId }) => {
      budgetOf(budgetId);
      const parsed = DeckSettings.safeParse(readDeckJson(db, budgetId));
      return parsed.success ? parsed.data : null;
    },

    'deck.save': async ({ budgetId, deck }) => {
      budgetOf(budgetId);
      db.transaction(() => {
        writeDeckJson(db, budgetId, deck);
        appendOperation(db, { actor, kind: 'deck', parameters: { budgetId } });
      })();
      return deck;
    },
  };
}
