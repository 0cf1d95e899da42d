import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFiles, RECENT_KEPT } from './recent-files';

let dir: string;
let listFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-recent-'));
  listFile = join(dir, 'recent-files.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const budgetFile = (name: string, bytes = 'Code;Libellé\n') => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('the recent files kept by the main process', () => {
  it('puts the latest first, once, and keeps them for the next start', () => {
    const recent = createRecentFiles(listFile, 1024);
    const a = budgetFile('a.csv');
    const b = budgetFile('b.csv');
    recent.remember(a);
    recent.remember(b);
    recent.remember(a);

    expect(recent.list().map((f) => [f.path, f.fileName])).toEqual([
      [a, 'a.csv'],
      [b, 'b.csv'],
    ]);
    expect(createRecentFiles(listFile, 1024).list()).toEqual(recent.list());
  });

  it(`keeps the ${RECENT_KEPT} latest only`, () => {
    const recent = createRecentFiles(listFile, 1024);
    for (let i = 0; i < RECENT_KEPT + 3; i++) recent.remember(budgetFile(`f${i}.csv`));

    expect(recent.list()).toHaveLength(RECENT_KEPT);
    expect(recent.list()[0]?.fileName).toBe(`f${RECENT_KEPT + 2}.csv`);
  });

  it('starts empty from a damaged list', () => {
    writeFileSync(listFile, '{ not json');
    expect(createRecentFiles(listFile, 1024).list()).toEqual([]);
    writeFileSync(listFile, JSON.stringify([{ path: 42 }, 'x']));
    expect(createRecentFiles(listFile, 1024).list()).toEqual([]);
  });

  it('reads again a path it gave out', async () => {
    const recent = createRecentFiles(listFile, 1024);
    const path = budgetFile('budget.csv', 'Code;Libellé;Prévisions\n611;Salaires;100\n');
    recent.remember(path);

    const reply = await recent.reopen(path);
    expect(reply.ok && reply.data.fileName).toBe('budget.csv');
    expect(reply.ok && Buffer.from(reply.data.dataBase64, 'base64').toString()).toBe(
      readFileSync(path, 'utf8'),
    );
  });

  it.each([
    ['a path it never gave', (d: string) => join(d, 'autre.csv')],
    ['a relative path', () => 'budget.csv'],
    ['a path with a dot-dot', (d: string) => `${d}/x/../budget.csv`],
    ['a number', () => 42],
    ['nothing', () => undefined],
  ])('refuses %s without reading it', async (_name, pathOf) => {
    const recent = createRecentFiles(listFile, 1024);
    recent.remember(budgetFile('budget.csv'));
    budgetFile('autre.csv');

    const reply = await recent.reopen(pathOf(dir));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a file grown past the size limit, and one that is gone', async () => {
    const recent = createRecentFiles(listFile, 16);
    const big = budgetFile('gros.csv', 'x'.repeat(17));
    const gone = budgetFile('parti.csv');
    recent.remember(big);
    recent.remember(gone);
    rmSync(gone);

    expect(await recent.reopen(big)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await recent.reopen(gone)).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('is wired to the window on its own channels, checked like every other call', () => {
    // ipc.ts needs the Electron binary to run; its source is what can be checked here.
    const ipc = readFileSync(join(__dirname, 'ipc.ts'), 'utf8');

    expect(ipc).toMatch(
      /ipcMain\.handle\(OPEN_RECENT_CHANNEL, async \(event, path: unknown\) => \{\n\s+if \(!fromApp\(event\)\) return refused;\n\s+const reply = await recent\.reopen\(path\);/,
    );
    expect(ipc).toMatch(
      /ipcMain\.handle\(RECENT_FILES_CHANNEL, \(event\) => \(fromApp\(event\) \? recent\.list\(\) : \[\]\)\)/,
    );
    expect(ipc).toMatch(/recent\.remember\(path\)/);
  });
});
