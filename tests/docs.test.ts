import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';

// The docs say what the store holds; a table added without a word there fails here.
function tablesOfMigrations(): string[] {
  const dir = fromRoot('src-main', 'store', 'migrations');
  const sql = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => readFileSync(`${dir}/${name}`, 'utf8'))
    .join('\n');
  const created = [...sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!);
  const renamed = new Map([...sql.matchAll(/ALTER TABLE (\w+) RENAME TO (\w+)/g)].map((m) => [m[1]!, m[2]!])); // prettier-ignore
  return [...new Set(created.map((name) => renamed.get(name) ?? name))];
}

describe('the architecture notes', () => {
  const notes = readFileSync(fromRoot('docs', 'architecture.md'), 'utf8');

  it.each(tablesOfMigrations())('describe the store table %s', (table) => {
    expect(notes).toContain(`\`${table}\``);
  });
});
