import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportOptions } from '../../src-shared/contract';
import type { ImportProgress } from '../../src-shared/desktop-api';
import type { BudgetVersion, ImportIssue, ImportPreview, Phase } from '../../src-shared/model';
import { interpretGrid } from '../../src-shared/import/interpret-grid';
import { createLogger } from '../log';
import { ensureEntity, insertBudget } from '../store/budgets-repo';
import { findImportBySha256, insertImport } from '../store/imports-repo';
import { insertBudgetLines } from '../store/lines-repo';
import { findCurrentVersion } from '../store/versions-repo';
import { appendOperation } from '../store/operations-repo';
import type { Store } from '../store/open-store';
import { analyseBudget, type AnalysisOptions } from './analyse';
import { decideVersion, type VersionDecision } from './budget-version';
import { BUNDLED_TEMPLATES, loadTemplates, pickTemplate } from './find-template';
import { readFileGrid } from './read-file';
import { storedOverrides } from './rule-settings';
import { recordReplacement, type Replacement } from './replace-version';

const log = createLogger('import');

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  options: ImportOptions;
  /** Who asked: 'cli', 'app', 'bridge'; recorded in the operation log. */
  actor?: string;
  analysis?: AnalysisOptions;
  /** Told at each step, so that a long import of a large file shows that it moves. */
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the read at once; the caller checks it again before storing anything. */
  signal?: AbortSignal;
  /** The version the user says the file is; otherwise decided by `decideVersion`. */
  version?: BudgetVersion;
  /**
   * Folders of mapping templates tried when the options give none, the first folder winning a
   * tie; by default the bundled ones (samples/templates).
   */
  templateDirs?: readonly string[];
}

// The share of the whole job at which each stage starts: reading dominates a large file.
const STAGE_START = { read: 0, interpret: 0.6, store: 0.8, done: 1 } as const;

export type PreviewOutcome =
  | { ok: true; preview: ImportPreview; version: VersionDecision }
  | { ok: false; preview: ImportPreview | null; issues: ImportIssue[] };

export type ImportOutcome =
  | {
      ok: true;
      budgetId: number;
      duplicate: boolean;
      preview: ImportPreview;
      /** The budget a corrected file superseded, with what changed. */
      replaced?: Replacement;
    }
  | { ok: false; preview: ImportPreview | null; issues: ImportIssue[] };

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file read without trouble that holds no budget line is not a budget. */
function noLines(fileName: string): ImportIssue {
  return {
    severity: 'error',
    code: 'no-lines',
    message: `Aucune ligne budgétaire dans « ${fileName} » : pas de tableau avec des codes ou des libellés et des montants.`,
    file: fileName,
    sheet: null,
    row: null,
    column: null,
  };
}

/** Reads and interprets a file without writing anything: what an import would store. */
export async function previewFile(request: ImportRequest): Promise<PreviewOutcome> {
  const { fileName, bytes, options } = request;
  const file = { name: fileName, sha256: sha256Hex(bytes), sizeBytes: bytes.length };
  const report = request.onProgress;
  report?.({ stage: 'read', fraction: 0 });
  const read = await readFileGrid(
    bytes,
    fileName,
    options,
    (fraction) => report?.({ stage: 'read', fraction: fraction * STAGE_START.interpret }),
    request.signal,
  );
  if (!read.ok) return { ok: false, preview: null, issues: [read.issue] };

  report?.({ stage: 'interpret', fraction: STAGE_START.interpret });
  const matched = options.mapping === undefined ? matchTemplate(read.grid, request) : null;
  const mapping = matched ? matched.template : options.mapping;
  const preview = interpretGrid(read.grid, file, { ...options, mapping });
  if (matched)
    preview.issues.unshift(templateNote(fileName, matched.template.name ?? basename(matched.file)));
  const errors = preview.issues.filter((issue) => issue.severity === 'error');
  if (errors.length === 0 && !preview.rows.some((row) => row.kind === 'line')) {
    errors.push(noLines(fileName));
  }
  if (errors.length > 0) return { ok: false, preview, issues: errors };
  return { ok: true, preview, version: decideVersion(read.grid, preview, request.version) };
}

function matchTemplate(grid: Parameters<typeof pickTemplate>[0], request: ImportRequest) {
  const found = pickTemplate(grid, loadTemplates(request.templateDirs ?? [BUNDLED_TEMPLATES]));
  if (found) log.info(`'${request.fileName}' matches the template '${found.template.name}'`);
  return found;
}

function templateNote(fileName: string, name: string): ImportIssue {
  return {
    severity: 'info',
    code: 'template-matched',
    message: `Modèle « ${name} » appliqué : les en-têtes du fichier sont les siens.`,
    file: fileName,
    sheet: null,
    row: null,
    column: null,
  };
}

/**
 * The digest of JSON.stringify(rows), fed row by row: the same hash without building one
 * string of the whole file (about 100 MB at 100 000 lines).
 */
function rowsSha256(rows: ImportPreview['rows']): string {
  const hash = createHash('sha256');
  // Rows go to the hash some twenty at a time: one update per row costs more than the JSON, and
  // pieces of 8 K characters stay small objects that the young generation frees at once.
  let chunk = '[';
  rows.forEach((row, i) => {
    chunk += i === 0 ? JSON.stringify(row) : `,${JSON.stringify(row)}`;
    if (chunk.length >= 1 << 13) {
      hash.update(chunk);
      chunk = '';
    }
  });
  return hash.update(`${chunk}]`).digest('hex');
}

/** The stage each side's "executed" stands for: ordered and assessed, unless the file has none. */
function executedStage(preview: ImportPreview): { revenue: Phase; expenditure: Phase } {
  const phases = new Set<Phase>();
  for (const row of preview.rows) for (const a of row.amounts) phases.add(a.phase);
  const pick = (order: Phase[]): Phase =>
    order.find((p) => phases.has(p)) ?? order[0] ?? 'executed';
  return {
    revenue: pick(['assessed', 'collected', 'executed']),
    expenditure: pick(['ordered', 'paid', 'liquidated', 'committed', 'executed']),
  };
}

function rowCounts(preview: ImportPreview): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of preview.rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}

/** Writes one interpreted file in a single transaction: all of it or nothing. */
function storePreview(
  store: Store,
  preview: ImportPreview,
  version: VersionDecision,
  request: ImportRequest,
  startedAt: string,
) {
  const { db } = store;
  return db.transaction(() => {
    const importId = insertImport(db, {
      fileName: preview.file.name,
      sha256: preview.file.sha256,
      sizeBytes: preview.file.sizeBytes,
      format: preview.file.format,
      encoding: preview.file.encoding,
      sheets: preview.sheets,
      mapping: preview.mapping,
      rowCounts: rowCounts(preview),
      issues: preview.issues,
      startedAt,
      finishedAt: new Date().toISOString(),
    });
    const entityId = ensureEntity(db, {
      name: preview.entity ?? request.options.entity ?? preview.file.name,
    });
    const fiscalYear = preview.fiscalYear ?? request.options.year ?? null;
    const corrects = findCurrentVersion(db, entityId, fiscalYear, version.version);
    const budgetId = insertBudget(db, {
      entityId,
      fiscalYear,
      currency: preview.currency,
      currencyExponent: preview.currencyExponent,
      version: version.version,
      executedStage: executedStage(preview),
      importId,
    });
    const { detailLines: lines, lines: storedLines } = insertBudgetLines(
      db,
      budgetId,
      preview.rows,
    );
    appendOperation(db, {
      actor: request.actor ?? 'app',
      kind: 'import',
      parameters: {
        fileName: preview.file.name,
        options: request.options,
        budgetId,
        version,
        corrects,
      },
      inputHash: preview.file.sha256,
      outputHash: rowsSha256(preview.rows),
    });
    return { budgetId, lines, storedLines, corrects };
  })();
}

/**
 * Imports a file: read (in a process that can be killed), interpret, and, when nothing is an
 * error, store and analyse it in one transaction. The same bytes twice are one budget.
 */
export async function importFile(store: Store, request: ImportRequest): Promise<ImportOutcome> {
  const startedAt = new Date().toISOString();
  const outcome = await previewFile(request);
  if (!outcome.ok) {
    log.info(`refused '${request.fileName}': ${outcome.issues.length} error(s), nothing written`);
    return outcome;
  }

  return commitPreview(store, outcome.preview, outcome.version, request, startedAt);
}

/**
 * Stores an interpreted file unless the same bytes were stored before: lines, flags and, for a
 * corrected file, the replacement of the budget it corrects, in one transaction.
 */
export function commitPreview(
  store: Store,
  preview: ImportPreview,
  version: VersionDecision,
  request: ImportRequest,
  startedAt: string,
): ImportOutcome {
  const startedMs = Date.parse(startedAt);
  request.onProgress?.({ stage: 'store', fraction: STAGE_START.store });
  const existing = findImportBySha256(store.db, preview.file.sha256);
  if (existing?.budgetId != null) {
    log.info(`'${request.fileName}' was imported before as budget ${existing.budgetId}`);
    request.onProgress?.({ stage: 'done', fraction: STAGE_START.done });
    return { ok: true, budgetId: existing.budgetId, duplicate: true, preview };
  }

  // Lines and flags commit together: a process killed between the two would otherwise leave a
  // budget without flags, which a retry takes for a finished duplicate and never analyses.
  const { budgetId, lines, flags, replaced } = store.db.transaction(() => {
    const stored = storePreview(store, preview, version, request, startedAt);
    // The store's saved thresholds unless the caller names others: import.commit, import.start
    // and the shell's first-run sample are judged alike, and as a re-analysis would judge them.
    const settings = request.analysis?.settings ?? storedOverrides(store);
    const options = { actor: request.actor, ...request.analysis, settings };
    const flags = analyseBudget(store, stored.budgetId, options, stored.storedLines);
    const actor = request.actor ?? 'app';
    const replaced =
      stored.corrects === null
        ? undefined
        : recordReplacement(store.db, stored.corrects, stored.budgetId, actor);
    return { budgetId: stored.budgetId, lines: stored.lines, flags, replaced };
  })();
  request.onProgress?.({ stage: 'done', fraction: STAGE_START.done });
  log.info(
    `imported ${lines} lines from '${request.fileName}' in ${Date.now() - startedMs} ms, ${flags} flags`,
  );
  return { ok: true, budgetId, duplicate: false, preview, ...(replaced ? { replaced } : {}) };
}
