import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/run-cli';
import { tempFolder } from '../../tests/store-helpers';
import { backupStore, listBackups, scheduleBackups } from './backup-store';
import { checkStore, openStore, type Store } from './open-store';

let folder: ReturnType<typeof tempFolder>;
let store: Store;
beforeEach(() => {
  folder = tempFolder('budget-clair-backup-');
  store = openStore(join(folder.dir, 'store.sqlite'));
  store.db.prepare("INSERT INTO entity (name) VALUES ('Commune de Test')").run();
});
afterEach(() => {
  vi.useRealTimers();
  store.close();
  folder.remove();
});

const at = (minute: number) => new Date(Date.UTC(2026, 3, 12, 15, minute, 0, 0));

describe('backupStore', () => {
  it('writes a checked copy that opens as a store with the same rows', async () => {
    const dir = join(folder.dir, 'backups');
    const path = await backupStore(store, dir, { now: at(30) });

    expect(path).toBe(join(dir, 'budget-clair-20260412-153000-000.sqlite'));
    expect(checkStore(path)).toEqual({ ok: true });
    const copy = openStore(path, { readonly: true });
    expect(copy.db.prepare('SELECT name FROM entity').pluck().all()).toEqual(['Commune de Test']);
    copy.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps the newest backups only and leaves other files of the folder alone', async () => {
    const dir = join(folder.dir, 'backups');
    for (const minute of [1, 2, 3, 4]) await backupStore(store, dir, { now: at(minute), keep: 2 });
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await backupStore(store, dir, { now: at(5), keep: 2 });

    expect(listBackups(dir)).toEqual([
      'budget-clair-20260412-150400-000.sqlite',
      'budget-clair-20260412-150500-000.sqlite',
    ]);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });

  it('does not overwrite a backup taken in the same millisecond', async () => {
    const dir = join(folder.dir, 'backups');
    await backupStore(store, dir, { now: at(7) });
    await backupStore(store, dir, { now: at(7) });

    expect(listBackups(dir)).toHaveLength(2);
  });

  it('refuses to keep fewer than one backup', async () => {
    await expect(backupStore(store, folder.dir, { keep: 0 })).rejects.toThrow(RangeError);
  });
});

describe('scheduleBackups', () => {
  it('backs up on each tick until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = join(folder.dir, 'scheduled');
    const schedule = scheduleBackups(store, { everyMs: 60_000, dir, keep: 5 });

    for (let tick = 1; tick <= 3; tick++) {
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(() => expect(listBackups(dir)).toHaveLength(tick));
    }
    schedule.stop();
    vi.advanceTimersByTime(5 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listBackups(dir)).toHaveLength(3);
  });

  it('refuses an interval under a second', () => {
    expect(() => scheduleBackups(store, { everyMs: 10, dir: folder.dir })).toThrow(RangeError);
  });
});

describe('budget-clair backup', () => {
  const io = () => {
    const said = { out: '', err: '' };
    return {
      said,
      io: { out: (t: string) => (said.out += t), err: (t: string) => (said.err += t) },
    };
  };

  it('writes a backup of the store into the folder and says where', async () => {
    const dir = join(folder.dir, 'cli');
    const { said, io: cliIo } = io();
    const code = await runCli(['backup', '--db', store.path, '--out', dir, '--keep', '3'], cliIo);

    expect(code).toBe(0);
    expect(listBackups(dir)).toHaveLength(1);
    expect(said.err).toContain(join(dir, listBackups(dir)[0]!));
  });

  it('refuses a file that is not a database, writing no backup', async () => {
    const notes = join(folder.dir, 'notes.sqlite');
    writeFileSync(notes, 'not a database '.repeat(300));
    const dir = join(folder.dir, 'cli');
    const { said, io: cliIo } = io();

    expect(await runCli(['backup', '--db', notes, '--out', dir], cliIo)).toBe(2);
    expect(said.err).toMatch(/n’est pas un fichier de base de données/);
    expect(listBackups(dir)).toEqual([]);
  });

  it('asks for --out', async () => {
    const { said, io: cliIo } = io();
    expect(await runCli(['backup', '--db', store.path], cliIo)).toBe(2);
    expect(said.err).toContain('--out est requis');
  });
});
