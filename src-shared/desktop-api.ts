import type { CallInput, CallName, CallOutput, Reply } from './contract';

/** A file the main process read after the user picked it in the native dialog. */
export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

/** A file opened on this device, as the main process keeps it; `at` is an ISO time. */
export interface RecentFile {
  path: string;
  fileName: string;
  at: string;
}

/**
 * What the application menu asks the window to do. `recent:n` reopens the n-th of the recent
 * files, as `recentFiles()` lists them.
 */
export const MENU_ACTIONS = [
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
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** The steps of an import, in order; `read` is the slow one for a large file. */
export const IMPORT_STAGES = ['read', 'interpret', 'store', 'done'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** How far an import has gone: its stage and the share of the whole job done, from 0 to 1. */
export interface ImportProgress {
  stage: ImportStage;
  fraction: number;
}

/**
 * The whole surface the Electron preload gives the page as `window.budgetClair`. It is a typed
 * description only: the preload cannot load zod, so it checks names against its own lists.
 */
export interface DesktopApi {
  /** Runs one contract call; a name outside the contract is refused before it leaves the page. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Reply<CallOutput<N>>>;
  /** Shows the native open dialog; null when the user cancels. */
  openFile(): Promise<Reply<PickedFile | null>>;
  /** The files opened on this device, newest first. */
  recentFiles(): Promise<RecentFile[]>;
  /** Reads a recent file again; refused unless the path is one `recentFiles()` gave. */
  openRecent(path: string): Promise<Reply<PickedFile>>;
  /** Tells the shell which language its menu should speak. */
  setLanguage(lang: 'fr' | 'en'): void;
  /** Subscribes to the menu; returns the function that unsubscribes. */
  onMenu(listener: (action: MenuAction) => void): () => void;
  /** Subscribes to the progress of the import under way; returns the function that unsubscribes. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
}

/** The channel names between the preload and the main process. */
export const CALL_CHANNEL_PREFIX = 'call:';
export const OPEN_FILE_CHANNEL = 'dialog:open-file';
export const RECENT_FILES_CHANNEL = 'shell:recent-files';
export const OPEN_RECENT_CHANNEL = 'dialog:open-recent';
export const SET_LANGUAGE_CHANNEL = 'shell:set-language';
export const MENU_CHANNEL = 'shell:menu';
export const IMPORT_PROGRESS_CHANNEL = 'shell:import-progress';
