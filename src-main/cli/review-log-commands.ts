import { createHandlers } from '../services/handlers';
import { listOperations, type StoredOperation } from '../store/operations-repo';
import { openStore } from '../store/open-store';
import { optionalInteger, requireString, UsageError, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';
import { sayIn, type CliLang } from './cli-messages';
import { formatTable } from './table-text';
import { langOf } from './view-options';

const STATUSES = ['explained', 'confirmed', 'dismissed'] as const;
type Status = (typeof STATUSES)[number];

/**
 * `budget-clair review --flag ID --status … --note … --reviewer …`: the same call as the app's,
 * so the review and its entry in the operations log are one transaction.
 */
export async function reviewCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const flagId = optionalInteger(values, 'flag');
  if (flagId === undefined) throw new UsageError('--flag est requis.');
  const status = requireString(values, 'status');
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`--status attend ${STATUSES.join(', ')}.`);
  }
  const note = requireString(values, 'note');
  const reviewer = requireString(values, 'reviewer');
  const lang = langOf(values);

  const store = openStore(requireString(values, 'db'));
  try {
    const handlers = createHandlers(store, { actor: 'cli' });
    const flag = await handlers['flags.review']({
      flagId,
      status: status as Status,
      note,
      reviewer,
    });
    const t = sayIn(lang);
    if (values.json) io.out(`${JSON.stringify({ flag }, null, 2)}\n`);
    else io.out(`${t('reviewed', { id: flagId, status: t(`review.${status as Status}`), reviewer })}\n`); // prettier-ignore
    return 0;
  } finally {
    store.close();
  }
}

function logText(operations: StoredOperation[], lang: CliLang): string {
  const t = sayIn(lang);
  if (operations.length === 0) return `${t('logEmpty')}\n`;
  const head = [t('colId'), t('colAt'), t('colActor'), t('colKind'), t('colParameters')];
  const rows = operations.map((op) => [
    String(op.id),
    op.at.slice(0, 19).replace('T', ' '),
    op.actor,
    op.kind,
    JSON.stringify(op.parameters).slice(0, 80),
  ]);
  return `${formatTable([head, ...rows], ['right', 'left', 'left', 'left', 'left'])}\n`;
}

/** `budget-clair log`: the append-only operations log, oldest first. */
export async function logCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const operations = listOperations(store.db);
    io.out(
      values.json
        ? `${JSON.stringify({ operations }, null, 2)}\n`
        : logText(operations, langOf(values)),
    );
    return 0;
  } finally {
    store.close();
  }
}
