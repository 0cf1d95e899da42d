import type { Handlers } from '../../src-shared/contract';
import { setPopulation } from '../store/budgets-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { entityYearOf } from '../store/population-repo';
import type { ImportJobs } from './import-jobs';
import { describeSettings, saveRuleSettings, storedOverrides } from './rule-settings';
import { ServiceError } from './service-error';

type SettingsHandlers = Pick<
  Handlers,
  | 'import.start'
  | 'import.status'
  | 'import.cancel'
  | 'settings.get'
  | 'settings.save'
  | 'population.set'
>;

/** The calls behind imports that can be followed and cancelled, rule settings and population. */
export function createSettingsHandlers(
  store: Store,
  actor: string,
  jobs: ImportJobs,
): SettingsHandlers {
  const { db } = store;
  return {
    'import.start': async ({ fileName, dataBase64, options, commit, version }) => {
      const request = {
        fileName,
        bytes: Buffer.from(dataBase64, 'base64'),
        options,
        actor,
        // An import is judged with the store's own thresholds, as a re-analysis would be.
        analysis: { settings: storedOverrides(store) },
        ...(version ? { version } : {}),
      };
      return { jobId: jobs.start(request, commit) };
    },

    'import.status': async ({ jobId }) => jobs.status(jobId),

    'import.cancel': async ({ jobId }) => jobs.cancel(jobId),

    'settings.get': async () => describeSettings(store),

    'settings.save': async ({ overrides }) => saveRuleSettings(store, overrides, actor),

    'population.set': async ({ budgetId, count }) => {
      const target = entityYearOf(db, budgetId);
      if (!target) throw new ServiceError('not-found', `Il n’y a pas de budget n° ${budgetId}.`);
      const year = target.year;
      if (year === null) {
        throw new ServiceError(
          'no-year',
          'Ce budget n’a pas d’exercice : donnez-lui une année avant sa population.',
        );
      }
      db.transaction(() => {
        setPopulation(db, target.entityId, year, count);
        appendOperation(db, {
          actor,
          kind: 'population',
          parameters: { entityId: target.entityId, year, count },
        });
      })();
      return { entity: target.entity, year, count };
    },
  };
}
