import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { tempFolder } from './store-helpers';

const LABELS = ['Fournitures d’entretien', 'Réparation des façades', 'Reçus et quittances'];

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [fromRoot('bin', 'budget-clair.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUDGET_CLAIR_LOG: 'error' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function storedLabels(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const sql = "SELECT label FROM line WHERE kind = 'line' ORDER BY row";
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
}

let folder: ReturnType<typeof tempFolder>;
let csv: string;
beforeAll(() => {
  folder = tempFolder('budget-clair-cli-encoding-');
  // Headers without accents, as old systems export them: read wrong, the file still has lines.
  const rows = ['Code;Libelle;Previsions;Realisations'];
  LABELS.forEach((label, i) =>
    rows.push(`${6061 + i};${label};${1000 * (i + 1)};${900 * (i + 1)}`),
  );
  csv = join(folder.dir, 'depenses-2021.csv');
  // The apostrophe ’ is 0x92 in Windows-1252, absent from ISO-8859-1; the other letters share
  // their code with Latin-1, so one byte per character is the file a Windows export writes.
  const text = rows.join('\r\n');
  writeFileSync(csv, Buffer.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0)))));
});
afterAll(() => folder.remove());

const importWith = (db: string, encoding: string) =>
  cli('import', csv, '--db', db, '--entity', 'Commune d’essai', '--encoding', encoding, '--json');

describe('budget-clair import --encoding', () => {
  it('reads a Windows-1252 file as Windows-1252 when told so', () => {
    const db = join(folder.dir, 'cp1252.sqlite');
    const result = importWith(db, 'windows-1252');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ encoding: 'windows-1252', lines: 3 });
    expect(storedLabels(db)).toEqual(LABELS);
  });

  it('reads the same file as UTF-8 when told so, and its accents are lost', () => {
    const db = join(folder.dir, 'utf8.sqlite');
    const result = importWith(db, 'utf-8');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).encoding).toBe('utf-8');
    const labels = storedLabels(db);
    expect(labels).toHaveLength(3);
    expect(labels.join(' ')).toContain('\uFFFD');
    expect(labels.join(' ')).not.toContain('façades');
  });

  it('refuses an encoding it does not know, naming it, and stores nothing', () => {
    const result = importWith(join(folder.dir, 'unknown.sqlite'), 'klingon');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('« klingon »');
  });

  it('documents --encoding in the usage of import', () => {
    const result = cli('import', '--help');
    expect(result.stdout + result.stderr).toContain('--encoding');
  });
});
