import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These settings live in code that needs the Electron binary to run; reading the source is the
// check that remains possible without it.
const source = (file: string) => readFileSync(join(__dirname, file), 'utf8');

describe('the Electron shell source', () => {
  const window = source('window.ts');

  it.each([
    'contextIsolation: true',
    'sandbox: true',
    'nodeIntegration: false',
    'nodeIntegrationInWorker: false',
    'webSecurity: true',
    'allowRunningInsecureContent: false',
    'webviewTag: false',
  ])('sets %s on the window', (setting) => {
    expect(window).toContain(setting);
  });

  it('refuses navigation, new windows and webviews', () => {
    expect(window).toMatch(/'will-navigate',[^]*?event\.preventDefault\(\)/);
    expect(window).toMatch(/setWindowOpenHandler[^]*?action: 'deny'/);
    expect(window).toMatch(/'will-attach-webview',[^]*?event\.preventDefault\(\)/);
  });

  it('denies every permission request and check', () => {
    expect(window).toMatch(/setPermissionRequestHandler\([^)]*\) =>\s*callback\(false\),?\s*\)/);
    expect(window).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('opens external links only after the https check', () => {
    const opens = [...window.matchAll(/shell\.openExternal\((\w+)\)/g)].map((m) => m[1]);
    expect(opens).toEqual(['safe']);
    expect(window).toContain('const safe = externalHttpsUrl(url)');
  });

  it('loads the page from app://, never from file://', () => {
    expect(window).toContain('loadURL(APP_ENTRY_URL)');
    expect(source('main.ts') + window).not.toMatch(/loadFile|file:\/\//);
  });

  it('checks the sender of every IPC call', () => {
    const ipc = source('ipc.ts');
    expect(ipc).toMatch(/fromApp\(event\) \? dispatch\(name, rawInput\) : refused/);
    expect(ipc).toMatch(/if \(!fromApp\(event\)\) return refused/);
  });

  it('keeps the preload to electron and type-only imports, without handing out ipcRenderer', () => {
    const preload = source('preload.ts');
    const imports = [...preload.matchAll(/^import (type )?.*from '([^']+)';$/gm)];
    for (const [, typeOnly, from] of imports)
      expect(typeOnly === 'type ' || from === 'electron').toBe(true);
    expect(preload).toMatch(/exposeInMainWorld\('budgetClair', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
