import { joinPreviews, type JoinKey } from '../../src-shared/import/join-previews';
import { EXECUTION_PHASES } from '../../src-shared/model';
import type { Store } from '../store/open-store';
import {
  commitPreview,
  previewFile,
  sha256Hex,
  type ImportOutcome,
  type ImportRequest,
} from './import-service';

export type JoinOutcome =
  | (ImportOutcome & { ok: true; matched: number; onlyInBudget: number; onlyInActuals: number })
  | (ImportOutcome & { ok: false });

/**
 * Imports a budget file and an actuals file as one budget, joined on the key columns the user
 * confirms (see joinPreviews). Each file is read with its own template; the stored import is
 * known by both files' hashes and the key, so the same pair twice is one budget.
 */
export async function importJoined(
  store: Store,
  budget: ImportRequest,
  actuals: ImportRequest,
  key: JoinKey,
): Promise<JoinOutcome> {
  const startedAt = new Date().toISOString();
  const [b, a] = [await previewFile(budget), await previewFile(actuals)];
  if (!b.ok) return b;
  if (!a.ok) return a;

  const joined = joinPreviews(b.preview, a.preview, key);
  const { file } = b.preview;
  const preview = {
    ...joined.preview,
    file: {
      ...file,
      name: `${file.name} + ${a.preview.file.name}`,
      sha256: sha256Hex(`${file.sha256}\n${a.preview.file.sha256}\n${JSON.stringify(key)}`),
      sizeBytes: file.sizeBytes + a.preview.file.sizeBytes,
    },
  };
  const executed = preview.rows.some((r) =>
    r.amounts.some((x) => (EXECUTION_PHASES as readonly string[]).includes(x.phase)),
  );
  const version = budget.version
    ? { version: budget.version, because: 'option' as const }
    : { version: executed ? ('compte-administratif' as const) : b.version.version, because: 'phases' as const }; // prettier-ignore
  const request = { ...budget, fileName: preview.file.name };
  const outcome = commitPreview(store, preview, version, request, startedAt);
  if (!outcome.ok) return outcome;
  const { matched, onlyInBudget, onlyInActuals } = joined;
  return { ...outcome, matched, onlyInBudget, onlyInActuals };
}
