import type Database from 'better-sqlite3';

/** One entry of the append-only log: who did what, with which input, giving which output. */
export interface OperationEntry {
  actor: string;
  kind: string;
  parameters: unknown;
  inputHash?: string | null;
  outputHash?: string | null;
}

export interface StoredOperation extends Required<OperationEntry> {
  id: number;
  at: string;
}

export function appendOperation(db: Database.Database, entry: OperationEntry): number {
  const result = db
    .prepare(
      `INSERT INTO operation (at, actor, kind, parameters_json, input_hash, output_hash)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      new Date().toISOString(),
      entry.actor,
      entry.kind,
      JSON.stringify(entry.parameters ?? null),
      entry.inputHash ?? null,
      entry.outputHash ?? null,
    );
  return Number(result.lastInsertRowid);
}

export function listOperations(db: Database.Database): StoredOperation[] {
  const rows = db.prepare('SELECT * FROM operation ORDER BY id').all() as {
    id: number;
    at: string;
    actor: string;
    kind: string;
    parameters_json: string;
    input_hash: string | null;
    output_hash: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    kind: r.kind,
    parameters: JSON.parse(r.parameters_json) as unknown,
    inputHash: r.input_hash,
    outputHash: r.output_hash,
  }));
}
