import { backupStore } from '../store/backup-store';
import { openStore } from '../store/open-store';
import { optionalInteger, requireString, UsageError, type ParsedValues } from './cli-args';
import type { CliIo } from './cli-io';

/**
 * `budget-clair backup --db PATH --out DIR [--keep N]`: a checked copy of the store in DIR,
 * keeping the last N (10 by default). The store is opened read only, so a backup never
 * migrates it; a store that is damaged or from a newer version is refused as for any command.
 */
export async function backupCommand(values: ParsedValues, io: CliIo): Promise<number> {
  const outDir = requireString(values, 'out');
  const keep = optionalInteger(values, 'keep');
  if (keep === 0) throw new UsageError('--keep attend au moins 1.');

  const store = openStore(requireString(values, 'db'), { readonly: true });
  try {
    const path = await backupStore(store, outDir, keep === undefined ? {} : { keep });
    io.err(`Sauvegarde écrite : ${path}\n`);
    return 0;
  } finally {
    store.close();
  }
}
