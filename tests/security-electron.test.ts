import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../src-shared/contract';
import { fromRoot } from '../src-main/paths';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../src-main/server/static-files';
import { callHandler } from '../src-main/services/call-handler';
import type { Handlers } from '../src-shared/contract';

// Electron's security checklist, item by item. The binary cannot run here, so what lives in
// the shell is checked in its source; what runs without Electron is checked by calling it.
// Behaviour tests beside the shell (guards, preload, static files) cover the same items.
const read = (...parts: string[]) => readFileSync(fromRoot(...parts), 'utf8');
const app = (file: string) => read('src-main', 'app', file);
const shellSources = readdirSync(fromRoot('src-main', 'app'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => app(f))
  .join('\n');
const window = app('window.ts');
const fuses = JSON.parse(read('scripts', 'fuses.json')) as { fuses: Record<string, boolean> };

const CHECKLIST: [string, () => void][] = [
  ['1 only secure content is loaded: the bundle over app://, nothing remote', () => {
    expect(window).toContain('loadURL(APP_ENTRY_URL)');
    expect([...shellSources.matchAll(/loadURL\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['APP_ENTRY_URL']);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
  }],
  ['2 Node integration is off in the page and its workers', () => {
    expect(window).toContain('nodeIntegration: false');
    expect(window).toContain('nodeIntegrationInWorker: false');
    expect(shellSources).not.toMatch(/nodeIntegration(InSubFrames|InWorker)?: true/);
  }],
  ['3 context isolation is on', () => expect(window).toContain('contextIsolation: true')],
  ['4 the renderer is sandboxed', () => {
    expect(window).toContain('sandbox: true');
    expect(shellSources).not.toMatch(/sandbox: false|no-sandbox/);
  }],
  ['5 every permission request and check is denied', () => {
    expect(window).toMatch(/setPermissionRequestHandler\([^)]*\) =>\s*callback\(false\)/);
    expect(window).toContain('setPermissionCheckHandler(() => false)');
    expect(app('main.ts')).toMatch(/await app\.whenReady\(\);\s*denyAllPermissions\(\);/);
  }],
  ['6 webSecurity is never turned off', () => {
    expect(window).toContain('webSecurity: true');
    expect(shellSources).not.toMatch(/webSecurity: false/);
  }],
  ['7 a strict CSP is sent with every app:// response and stated in the page', () => {
    expect(app('protocol.ts')).toMatch(/headers: \{ \.\.\.SECURITY_HEADERS/);
    expect(app('protocol.ts')).toMatch(/notFound = \(\) =>[^\n]*SECURITY_HEADERS/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(read('src-renderer', 'index.html')).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self'/);
  }],
  ['8 insecure content is not allowed', () => expect(window).toContain('allowRunningInsecureContent: false')],
  ['9 no experimental features', () => expect(shellSources).not.toMatch(/experimentalFeatures/)],
  ['10 no enableBlinkFeatures', () => expect(shellSources).not.toMatch(/enableBlinkFeatures/)],
  ['11 no <webview>', () => {
    expect(window).toContain('webviewTag: false');
    expect(window).toMatch(/'will-attach-webview',[^]*?event\.preventDefault\(\)/);
  }],
  ['12 navigation and redirects are refused', () => {
    expect(window).toMatch(/'will-navigate', \(event, url\) => \{\s*event\.preventDefault\(\);/);
    expect(window).toMatch(/'will-redirect', \(event\) => event\.preventDefault\(\)/);
  }],
  ['13 new windows are refused, in this window and in any other web contents', () => {
    for (const source of [window, app('main.ts')]) {
      expect(source).toMatch(/setWindowOpenHandler\([^]*?return \{ action: 'deny' \}/);
    }
    expect(app('main.ts')).toMatch(/'web-contents-created'/);
  }],
  ['14 shell.openExternal only for a parsed https: URL', () => {
    expect([...shellSources.matchAll(/shell\.openExternal\((\w+)\)/g)].map((m) => m[1])).toEqual(['safe']);
    expect(window).toContain('const safe = externalHttpsUrl(url)');
    expect(app('guards.ts')).toMatch(/parsed\.protocol !== 'https:'/);
  }],
  ['15 a current Electron', () => {
    const version = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(Number(version?.split('.')[0])).toBeGreaterThanOrEqual(45);
  }],
  ['16 the sender of every IPC message is checked', () => {
    const ipc = app('ipc.ts');
    const listeners = [...ipc.matchAll(/ipcMain\.(handle|on)\(/g)].length;
    const checks = [...ipc.matchAll(/fromApp\(event\)|isAppUrl\(event\.senderFrame\.url\)/g)].length;
    // The calls of the contract, the open dialog, the recent files (list and reopen), the language.
    expect(listeners).toBe(5);
    expect(checks).toBe(listeners);
    expect(shellSources.match(/ipcMain\./g)).toHaveLength(listeners);
  }],
  ['17 no file:// protocol: a privileged app:// scheme whose paths stay in the bundle', () => {
    expect(shellSources).not.toMatch(/loadFile\(|file:\/\//);
    expect(app('protocol.ts')).toMatch(/registerSchemesAsPrivileged/);
    expect(app('protocol.ts')).toMatch(/readStaticFile\(rendererDir, path\)/);
    expect(app('main.ts')).toMatch(/^registerAppScheme\(\);/m);
  }],
  ['18 fuses are set at packaging to their safe values', () => {
    expect(fuses.fuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  }],
  ['19 the preload exposes named functions only, never ipcRenderer or Node', () => {
    const preload = app('preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('budgetClair', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer|require\(|process\./);
    for (const [, typeOnly, from] of preload.matchAll(/^import (type )?[^;]*from '([^']+)';$/gm)) {
      expect(typeOnly === 'type ' || from === 'electron').toBe(true);
    }
  }],
  ['20 every IPC call goes through the contract’s zod schema', () => {
    expect(app('ipc.ts')).toMatch(/fromApp\(event\) \? dispatch\(name, rawInput\) : refused/);
    expect(app('main.ts')).toMatch(/dispatch: \(name, rawInput\) => callHandler\(handlers, name, rawInput\)/);
    expect(read('src-main', 'services', 'call-handler.ts')).toContain('contract[name].input.safeParse');
  }],
  ['21 untrusted files are parsed outside the main process, killed on time or memory', () => {
    expect(read('src-main', 'services', 'import-service.ts')).toMatch(/await readFileGrid\(/);
    expect(read('src-main', 'services', 'read-file.ts')).toMatch(/return readGridIsolated\(/);
    expect(read('src-main', 'import', 'read-isolated.ts')).toMatch(/resourceLimits: \{ maxOldGenerationSizeMb/);
    expect(read('src-main', 'import', 'read-isolated.ts')).toMatch(/setTimeout\([^]*?read-timeout/);
  }],
]; // prettier-ignore

describe('Electron security checklist', () => {
  it.each(CHECKLIST)('%s', (_, check) => check());

  it('has every item of the checklist asserted', () => {
    expect(CHECKLIST.map(([name]) => Number(name.split(' ')[0]))).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
  });
});

describe('arguments of IPC calls', () => {
  const never = new Proxy({} as Handlers, {
    get: () => () => Promise.reject(new Error('a handler ran on a refused input')),
  });

  it.each([
    ['a file name of 501 characters', 'import.commit', { fileName: 'x'.repeat(501), dataBase64: '' }],
    ['a file over the size limit', 'import.commit', { fileName: 'a.csv', dataBase64: 'A'.repeat(140 * 1024 * 1024 + 1) }],
    ['a note of 4001 characters', 'flags.review', { flagId: 1, status: 'explained', note: 'n'.repeat(4001), reviewer: 'T' }],
    ['a negative budget id', 'budgets.lines', { budgetId: -1 }],
    ['a year of 99999', 'import.preview', { fileName: 'a.csv', dataBase64: '', options: { year: 99999 } }],
    ['a string where a number is due', 'budgets.summary', { budgetId: '1; DROP TABLE budget' }],
  ])('refuses %s before any handler runs', async (_, name, input) => {
    const reply = await callHandler(never, name, input);
    expect(!reply.ok && reply.error.code).toBe('bad-input');
  }); // prettier-ignore

  /** Paths of strings without maxLength and arrays without maxItems in a JSON schema. */
  function unboundedIn(schema: unknown, path: string): string[] {
    if (schema === null || typeof schema !== 'object') return [];
    const node = schema as Record<string, unknown>;
    // An anchored pattern without an open repeat (^[A-Z]{3}$) bounds a string as well.
    const fixed = typeof node.pattern === 'string' && !/[+*]|\{\d+,\}/.test(node.pattern);
    const own =
      (node.type === 'string' &&
        !('maxLength' in node) &&
        !('enum' in node) &&
        !('const' in node) &&
        !fixed) ||
      (node.type === 'array' && !('maxItems' in node))
        ? [path]
        : [];
    return own.concat(
      Object.entries(node).flatMap(([key, child]) => unboundedIn(child, `${path}/${key}`)),
    );
  }

  it('bounds every string and array of every call input', () => {
    const unbounded = Object.entries(contract).flatMap(([name, { input }]) =>
      unboundedIn(input.toJSONSchema({ unrepresentable: 'any', io: 'input' }), name),
    );
    expect(unbounded).toEqual([]);
  });
});
