import type Database from 'better-sqlite3';
import type { FileFormat, ImportIssue } from '../../src-shared/model';

/** What the import table keeps about one file read. */
export interface ImportRecord {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  format: FileFormat;
  encoding: string | null;
  sheets: unknown;
  mapping: unknown;
  rowCounts: Record<string, number>;
  issues: ImportIssue[];
  startedAt: string;
  finishedAt: string;
}

export interface StoredImport extends ImportRecord {
  id: number;
  budgetId: number | null;
}

interface ImportRow {
  id: number;
  budget_id: number | null;
  file_name: string;
  sha256: string;
  size_bytes: number;
  format: FileFormat;
  encoding: string | null;
  sheets_json: string;
  mapping_json: string;
  row_counts_json: string;
  issues_json: string;
  started_at: string;
  finished_at: string;
}

export function insertImport(db: Database.Database, record: ImportRecord): number {
  const result = db
    .prepare(
      `INSERT INTO import (file_name, sha256, size_bytes, format, encoding, sheets_json,
         mapping_json, row_counts_json, issues_json, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.fileName,
      record.sha256,
      record.sizeBytes,
      record.format,
      record.encoding,
      JSON.stringify(record.sheets ?? null),
      JSON.stringify(record.mapping ?? null),
      JSON.stringify(record.rowCounts),
      JSON.stringify(record.issues),
      record.startedAt,
      record.finishedAt,
    );
  return Number(result.lastInsertRowid);
}

function fromRow(row: ImportRow): StoredImport {
  return {
    id: row.id,
    budgetId: row.budget_id,
    fileName: row.file_name,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    format: row.format,
    encoding: row.encoding,
    sheets: JSON.parse(row.sheets_json) as unknown,
    mapping: JSON.parse(row.mapping_json) as unknown,
    rowCounts: JSON.parse(row.row_counts_json) as Record<string, number>,
    issues: JSON.parse(row.issues_json) as ImportIssue[],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

const SELECT = `SELECT import.*, budget.id AS budget_id FROM import
  LEFT JOIN budget ON budget.import_id = import.id`;

/** The import of a file with these bytes, if one was stored already. */
export function findImportBySha256(db: Database.Database, sha256: string): StoredImport | null {
  const row = db.prepare(`${SELECT} WHERE import.sha256 = ?`).get(sha256) as ImportRow | undefined;
  return row ? fromRow(row) : null;
}

export function getImportOfBudget(db: Database.Database, budgetId: number): StoredImport | null {
  const row = db.prepare(`${SELECT} WHERE budget.id = ?`).get(budgetId) as ImportRow | undefined;
  return row ? fromRow(row) : null;
}
