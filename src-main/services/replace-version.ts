import type Database from 'better-sqlite3';
import { createLogger } from '../log';
import { readLines } from '../store/lines-repo';
import { appendOperation } from '../store/operations-repo';
import { supersedeBudget, type ReviewsCarried } from '../store/versions-repo';
import { compareLines, type LineChanges } from './line-changes';

const log = createLogger('versions');

export interface Replacement {
  replacedBudgetId: number;
  lines: LineChanges;
  reviews: ReviewsCarried;
}

/**
 * Makes a newly stored budget the current one of its entity, year and version: the budget it
 * corrects is kept but superseded, the reviews that still point at a raised flag come along,
 * and the log says how many lines were added, removed or changed. Runs inside the import's
 * transaction, after the new budget's analysis.
 */
export function recordReplacement(
  db: Database.Database,
  oldId: number,
  newId: number,
  actor: string,
): Replacement {
  const lines = compareLines(readLines(db, oldId), readLines(db, newId));
  const reviews = supersedeBudget(db, oldId, newId);
  const previous = db
    .prepare(
      'SELECT sha256 FROM import JOIN budget ON budget.import_id = import.id WHERE budget.id = ?',
    )
    .pluck()
    .get(oldId) as string;
  const current = db
    .prepare(
      'SELECT sha256 FROM import JOIN budget ON budget.import_id = import.id WHERE budget.id = ?',
    )
    .pluck()
    .get(newId) as string;
  appendOperation(db, {
    actor,
    kind: 'replace-version',
    parameters: { budgetId: newId, replacedBudgetId: oldId, lines, reviews },
    inputHash: previous,
    outputHash: current,
  });
  log.info(
    `budget ${newId} replaces ${oldId}: ${lines.added} added, ${lines.removed} removed, ` +
      `${lines.changedAmounts} changed, ${reviews.kept} reviews kept`,
  );
  return { replacedBudgetId: oldId, lines, reviews };
}
