import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallInput, CallName, CallOutput, Reply } from '../../src-shared/contract';
import type {
  DesktopApi,
  ImportProgress,
  ImportStage,
  MenuAction,
} from '../../src-shared/desktop-api';

// A sandboxed preload can only require 'electron', so these lists are spelled out here; a test
// holds them equal to the contract and to MENU_ACTIONS.
const CALLS = [
  'budgets.list',
  'budgets.summary',
  'budgets.lines',
  'flags.list',
  'flags.review',
  'import.preview',
  'import.commit',
  'report.html',
  'budgets.linesArrow',
  'lines.provenance',
  'budgets.compare',
  'pefa.compute',
  'deck.get',
  'deck.save',
  'import.start',
  'import.status',
  'import.cancel',
  'settings.get',
  'settings.save',
  'population.set',
] as const satisfies readonly CallName[];

const MENU_ACTIONS: readonly MenuAction[] = [
  'import',
  'view:overview',
  'view:lines',
  'view:flags',
  'lang:fr',
  'lang:en',
  'recent:0',
  'recent:1',
  'recent:2',
  'recent:3',
  'recent:4',
  'recent:5',
  'recent:6',
  'recent:7',
];

const IMPORT_STAGES: readonly ImportStage[] = ['read', 'interpret', 'store', 'done'];

const isProgress = (value: unknown): value is ImportProgress => {
  const { stage, fraction } = (value ?? {}) as Partial<ImportProgress>;
  return (
    IMPORT_STAGES.includes(stage as ImportStage) &&
    typeof fraction === 'number' &&
    fraction >= 0 &&
    fraction <= 1
  );
};

const isAllowed = (name: unknown): name is CallName =>
  typeof name === 'string' && (CALLS as readonly string[]).includes(name);

/** Only these functions reach the page; ipcRenderer itself never does. */
const api: DesktopApi = {
  call<N extends CallName>(name: N, input: CallInput<N>) {
    if (!isAllowed(name)) return Promise.reject(new Error(`Unknown call: ${String(name)}`));
    return ipcRenderer.invoke(`call:${name}`, input) as Promise<Reply<CallOutput<N>>>;
  },
  openFile() {
    return ipcRenderer.invoke('dialog:open-file') as ReturnType<DesktopApi['openFile']>;
  },
  recentFiles() {
    return ipcRenderer.invoke('shell:recent-files') as ReturnType<DesktopApi['recentFiles']>;
  },
  openRecent(path) {
    // The main process checks the path against its own list; this only keeps junk off the wire.
    if (typeof path !== 'string' || path.length > 4096) {
      return Promise.reject(new Error('Not a recent file path'));
    }
    return ipcRenderer.invoke('dialog:open-recent', path) as ReturnType<DesktopApi['openRecent']>;
  },
  setLanguage(lang) {
    if (lang === 'fr' || lang === 'en') ipcRenderer.send('shell:set-language', lang);
  },
  onMenu(listener) {
    const relay = (_event: IpcRendererEvent, action: unknown) => {
      if (MENU_ACTIONS.includes(action as MenuAction)) listener(action as MenuAction);
    };
    ipcRenderer.on('shell:menu', relay);
    return () => {
      ipcRenderer.removeListener('shell:menu', relay);
    };
  },
  onImportProgress(listener) {
    const relay = (_event: IpcRendererEvent, progress: unknown) => {
      if (isProgress(progress)) listener({ stage: progress.stage, fraction: progress.fraction });
    };
    ipcRenderer.on('shell:import-progress', relay);
    return () => {
      ipcRenderer.removeListener('shell:import-progress', relay);
    };
  },
};

contextBridge.exposeInMainWorld('budgetClair', api);
