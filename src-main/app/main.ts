import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { Handlers } from '../../src-shared/contract';
import {
  IMPORT_PROGRESS_CHANNEL,
  MENU_CHANNEL,
  type MenuAction,
} from '../../src-shared/desktop-api';
import { createLogger } from '../log';
import { fromRoot } from '../paths';
import type { ExportFormat } from '../report/export-budget';
import { callHandler, createHandlers, exportReport } from '../services';
import { scheduleBackups } from '../store/backup-store';
import { openStore, type Store } from '../store/open-store';
import { MAX_IMPORT_FILE_BYTES, registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createRecentFiles, type RecentFiles } from './recent-files';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createMainWindow, denyAllPermissions, openExternal } from './window';

// src-main/paths.ts finds samples/ and out/ through this; set before anything reads it.
process.env.BUDGET_CLAIR_ROOT ??= app.getAppPath();

const log = createLogger('app');
const SAMPLE = 'samples/commune-fictive-2019-compte-administratif.xlsx';
// A damaged disk costs at most four hours of work; ten backups reach back over a day and a half.
const BACKUP_EVERY_MS = 4 * 60 * 60 * 1000;
const BACKUPS_KEPT = 10;

let mainWindow: BrowserWindow | null = null;
let language: 'fr' | 'en' = 'fr';

function send(action: MenuAction): void {
  mainWindow?.webContents.send(MENU_CHANNEL, action);
}

const SAVE_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  citizen: { name: 'PDF', extensions: ['pdf'] },
  slides: { name: 'PDF', extensions: ['pdf'] },
  html: { name: 'HTML', extensions: ['html'] },
  xlsx: { name: 'XLSX', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  'csv-raw': { name: 'CSV', extensions: ['csv'] },
  fdp: { name: 'Fiscal Data Package', extensions: [] },
  arrow: { name: 'Apache Arrow', extensions: ['arrow'] },
};

/**
 * File → Export: a save dialog, then exportBudget over the latest budget. The PDFs are printed
 * by the system's Chromium through playwright-core, from the same HTML as the command line's;
 * `fdp` writes a folder at the chosen path.
 */
async function exportFromMenu(store: Store, format: ExportFormat): Promise<void> {
  const extension = SAVE_FILTERS[format].extensions[0];
  const choice = await dialog.showSaveDialog({
    defaultPath: extension ? `budget-${format}.${extension}` : `budget-${format}`,
    filters: extension ? [SAVE_FILTERS[format]] : [],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    await exportReport(store, { format, outPath: choice.filePath, lang: language, actor: 'app' });
  } catch (error) {
    log.error(`${format} export failed: ${error instanceof Error ? error.message : String(error)}`);
    dialog.showErrorBox(
      'Budget Clair',
      language === 'fr' ? "L'export n'a pas pu être écrit." : 'The export could not be written.',
    );
  }
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'Budget Clair',
    message: `Budget Clair ${app.getVersion()}`,
    detail:
      language === 'fr'
        ? 'Le budget de la commune, prévu et réalisé. Logiciel libre (MIT).'
        : 'The local budget, planned and executed. Free software (MIT).',
  });
}

function installMenu(store: Store, recent: RecentFiles): void {
  Menu.setApplicationMenu(
    buildMenu(
      language,
      {
        send,
        exportBudget: (format) => void exportFromMenu(store, format),
        openHelp: showAbout,
      },
      recent.list(),
    ),
  );
}

/** A new store starts with the bundled sample, so the first screen already shows a budget. */
async function importSampleOnce(handlers: Handlers, isNewStore: boolean): Promise<void> {
  if (!isNewStore) return;
  try {
    const bytes = await readFile(fromRoot(SAMPLE));
    const fileName = SAMPLE.slice(SAMPLE.lastIndexOf('/') + 1);
    await handlers['import.commit']({
      fileName,
      dataBase64: bytes.toString('base64'),
      options: {},
    });
    log.info('imported the bundled sample into the new store');
  } catch (error) {
    log.warn(
      `the bundled sample was not imported: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  serveAppProtocol(fromRoot('out', 'renderer'));

  const storePath = join(app.getPath('userData'), 'budget-clair.sqlite');
  const isNewStore = !existsSync(storePath);
  const store: Store = openStore(storePath);
  const handlers = createHandlers(store, {
    onImportProgress: (progress) => mainWindow?.webContents.send(IMPORT_PROGRESS_CHANNEL, progress),
  });
  const backups = scheduleBackups(store, {
    everyMs: BACKUP_EVERY_MS,
    dir: join(app.getPath('userData'), 'backups'),
    keep: BACKUPS_KEPT,
  });
  app.on('will-quit', () => {
    backups.stop();
    store.close();
  });

  const recent = createRecentFiles(
    join(app.getPath('userData'), 'recent-files.json'),
    MAX_IMPORT_FILE_BYTES,
  );
  registerIpc({
    dispatch: (name, rawInput) => callHandler(handlers, name, rawInput),
    currentWindow: () => mainWindow,
    onLanguage: (lang) => {
      language = lang;
      installMenu(store, recent);
    },
    recent,
    onRecentChange: () => installMenu(store, recent),
  });
  installMenu(store, recent);
  await importSampleOnce(handlers, isNewStore);

  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    boundsFile: join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

registerAppScheme();
app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
});
start().catch((error: unknown) => {
  log.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  app.quit();
});
