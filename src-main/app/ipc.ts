import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callNames, type CallName, type Reply } from '../../src-shared/contract';
import type { PickedFile } from '../../src-shared/desktop-api';
import {
  CALL_CHANNEL_PREFIX,
  OPEN_FILE_CHANNEL,
  OPEN_RECENT_CHANNEL,
  RECENT_FILES_CHANNEL,
  SET_LANGUAGE_CHANNEL,
} from '../../src-shared/desktop-api';
import { createLogger } from '../log';
import { isAppUrl } from './guards';
import type { RecentFiles } from './recent-files';

const log = createLogger('ipc');

/** The importer's own limit is checked again there; this one keeps the IPC message bounded. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

export type Dispatch = (name: CallName, rawInput: unknown) => Promise<Reply<unknown>>;

const refused: Reply<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not call the workbench.' },
};

/** Only the bundle's own top frame may call: an iframe or a foreign page is refused. */
function fromApp(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

async function pickFile(
  window: BrowserWindow | null,
  recent: RecentFiles,
): Promise<Reply<PickedFile | null>> {
  const options = {
    properties: ['openFile' as const],
    filters: [{ name: 'Budget', extensions: ['xlsx', 'xlsm', 'xls', 'ods', 'csv'] }],
  };
  const choice = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return { ok: true, data: null };

  const info = await stat(path);
  if (info.size > MAX_IMPORT_FILE_BYTES) {
    const megabytes = Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024);
    return {
      ok: false,
      error: { code: 'too-large', message: `The file is larger than ${megabytes} MB.` },
    };
  }
  const bytes = await readFile(path);
  log.info(`read ${bytes.length} bytes for import`);
  recent.remember(path);
  return { ok: true, data: { fileName: basename(path), dataBase64: bytes.toString('base64') } };
}

interface IpcOptions {
  dispatch: Dispatch;
  currentWindow(): BrowserWindow | null;
  onLanguage(lang: 'fr' | 'en'): void;
  recent: RecentFiles;
  /** Told when the list of recent files changed, so that the menu shows it. */
  onRecentChange(): void;
}

/** One handler per contract call, each checking its sender before anything runs. */
export function registerIpc(options: IpcOptions): void {
  const { dispatch, currentWindow, onLanguage, recent, onRecentChange } = options;
  for (const name of callNames) {
    ipcMain.handle(`${CALL_CHANNEL_PREFIX}${name}`, (event, rawInput: unknown) =>
      fromApp(event) ? dispatch(name, rawInput) : refused,
    );
  }

  ipcMain.handle(OPEN_FILE_CHANNEL, async (event): Promise<Reply<PickedFile | null>> => {
    if (!fromApp(event)) return refused;
    try {
      const picked = await pickFile(currentWindow(), recent);
      if (picked.ok && picked.data) onRecentChange();
      return picked;
    } catch (error) {
      log.error(`open dialog failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { code: 'unreadable', message: 'The file could not be read.' } };
    }
  });

  ipcMain.handle(RECENT_FILES_CHANNEL, (event) => (fromApp(event) ? recent.list() : []));

  ipcMain.handle(OPEN_RECENT_CHANNEL, async (event, path: unknown) => {
    if (!fromApp(event)) return refused;
    const reply = await recent.reopen(path);
    if (reply.ok)
      log.info(`read ${reply.data.dataBase64.length} base64 characters of a recent file`);
    return reply;
  });

  ipcMain.on(SET_LANGUAGE_CHANNEL, (event, lang: unknown) => {
    if (event.senderFrame && isAppUrl(event.senderFrame.url) && (lang === 'fr' || lang === 'en')) {
      onLanguage(lang);
    }
  });
}
