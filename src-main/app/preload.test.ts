import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../src-shared/contract';
import {
  CALL_CHANNEL_PREFIX,
  IMPORT_PROGRESS_CHANNEL,
  IMPORT_STAGES,
  MENU_ACTIONS,
  MENU_CHANNEL,
  OPEN_FILE_CHANNEL,
  OPEN_RECENT_CHANNEL,
  RECENT_FILES_CHANNEL,
  SET_LANGUAGE_CHANNEL,
} from '../../src-shared/desktop-api';
import { fromRoot } from '../paths';

const BUILT = fromRoot('out', 'preload', 'index.js');

interface Loaded {
  exposed: Map<string, Record<string, unknown>>;
  invoked: { channel: string; args: unknown[] }[];
  sent: { channel: string; args: unknown[] }[];
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  required: string[];
}

/** Runs the built preload as Electron would, with a recording stand-in for 'electron'. */
function loadPreload(): Loaded {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first`);
  const loaded: Loaded = {
    exposed: new Map(),
    invoked: [],
    sent: [],
    listeners: new Map(),
    required: [],
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: Record<string, unknown>) =>
        loaded.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        loaded.invoked.push({ channel, args });
        return Promise.resolve({ ok: true, data: null });
      },
      send: (channel: string, ...args: unknown[]) => loaded.sent.push({ channel, args }),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        loaded.listeners.set(
          channel,
          (loaded.listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      },
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    loaded.required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(BUILT, 'utf8'), {
    require,
    module,
    exports: module.exports,
    Promise,
  });
  return loaded;
}

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(new Set(loadPreload().required)).toEqual(new Set(['electron']));
  });

  it('exposes only named functions under window.budgetClair', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['budgetClair']);
    const api = exposed.get('budgetClair') ?? {};
    expect(Object.keys(api).sort()).toEqual([
      'call',
      'onImportProgress',
      'onMenu',
      'openFile',
      'openRecent',
      'recentFiles',
      'setLanguage',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends every contract call on its own channel', async () => {
    const loaded = loadPreload();
    const call = loaded.exposed.get('budgetClair')?.call as (
      n: string,
      i: unknown,
    ) => Promise<unknown>;
    for (const name of callNames) await call(name, {});
    expect(loaded.invoked.map((i) => i.channel)).toEqual(
      callNames.map((n) => `${CALL_CHANNEL_PREFIX}${n}`),
    );
  });

  it.each(['shell.exec', '__proto__', 'constructor', '', 'budgets.list '])(
    'refuses the call %j before it reaches the main process',
    async (name) => {
      const loaded = loadPreload();
      const call = loaded.exposed.get('budgetClair')?.call as (
        n: string,
        i: unknown,
      ) => Promise<unknown>;
      await expect(call(name, {})).rejects.toThrow(/Unknown call/);
      expect(loaded.invoked).toEqual([]);
    },
  );

  it('uses the channel names the main process listens on', async () => {
    const loaded = loadPreload();
    const api = loaded.exposed.get('budgetClair') as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    await api.openFile?.();
    api.setLanguage?.('en');
    api.setLanguage?.('de');
    expect(loaded.invoked.map((i) => i.channel)).toEqual([OPEN_FILE_CHANNEL]);
    expect(loaded.sent).toEqual([{ channel: SET_LANGUAGE_CHANNEL, args: ['en'] }]);
  });

  it('lists and reopens recent files on their own channels, sending only a path', async () => {
    const loaded = loadPreload();
    const api = loaded.exposed.get('budgetClair') as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    await api.recentFiles?.();
    await api.openRecent?.('/home/u/budget.xlsx');
    await expect(api.openRecent?.({ path: '/etc/passwd' })).rejects.toThrow(/Not a recent/);
    await expect(api.openRecent?.('x'.repeat(5000))).rejects.toThrow(/Not a recent/);

    expect(loaded.invoked).toEqual([
      { channel: RECENT_FILES_CHANNEL, args: [] },
      { channel: OPEN_RECENT_CHANNEL, args: ['/home/u/budget.xlsx'] },
    ]);
  });

  it('passes on only the menu actions it knows, and stops when unsubscribed', () => {
    const loaded = loadPreload();
    const api = loaded.exposed.get('budgetClair') as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const heard: unknown[] = [];
    const stop = api.onMenu?.((action: unknown) => heard.push(action)) as () => void;
    const relay = (action: unknown) =>
      loaded.listeners.get(MENU_CHANNEL)?.forEach((l) => l({}, action));
    for (const action of [...MENU_ACTIONS, 'rm -rf', 42]) relay(action);
    stop();
    relay('import');
    expect(heard).toEqual([...MENU_ACTIONS]);
  });

  it('passes on well-formed import progress only, on the channel the main process sends', () => {
    const loaded = loadPreload();
    const api = loaded.exposed.get('budgetClair') as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const heard: unknown[] = [];
    const stop = api.onImportProgress?.((p: unknown) => heard.push(p)) as () => void;
    const relay = (progress: unknown) =>
      loaded.listeners.get(IMPORT_PROGRESS_CHANNEL)?.forEach((l) => l({}, progress));
    const good = IMPORT_STAGES.map((stage, i) => ({ stage, fraction: i / IMPORT_STAGES.length }));
    for (const p of [...good, { stage: 'rm', fraction: 0 }, { stage: 'read', fraction: 7 }, null])
      relay(p);
    stop();
    relay(good[0]);
    expect(heard).toEqual(good);
  });
});
