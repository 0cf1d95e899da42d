import { BrowserWindow, screen, session, shell } from 'electron';
import { createLogger } from '../log';
import { APP_ENTRY_URL, externalHttpsUrl } from './guards';
import { loadWindowBounds, placeOnScreens, saveWindowBounds } from './window-state';

const log = createLogger('window');

/** Opens a link in the system browser only when it parses as https. */
export function openExternal(url: string): void {
  const safe = externalHttpsUrl(url);
  if (safe) void shell.openExternal(safe);
  else log.warn('refused to open a link that is not https');
}

/** Every permission (camera, notifications, geolocation…) is refused: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function lockDown(window: BrowserWindow): void {
  const contents = window.webContents;
  // The page never navigates: views change inside it. Links go to the system browser.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

interface WindowOptions {
  preloadPath: string;
  boundsFile: string;
}

/** The one window, where it was last time, with Electron's security settings all on. */
export function createMainWindow({ preloadPath, boundsFile }: WindowOptions): BrowserWindow {
  const saved = placeOnScreens(
    loadWindowBounds(boundsFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#fbfbf8',
    title: 'Budget Clair',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  lockDown(window);
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    try {
      saveWindowBounds(boundsFile, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      log.warn(`window size not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}
