import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchSystemChromium } from '../../src-main/browser/system-chromium';
import * as XLSX from 'xlsx';
import type { Handlers } from '../../src-shared/contract';
import { fromRoot } from '../../src-main/paths';
import { startBridge, type Bridge } from '../../src-main/server/bridge';
import { createHandlers } from '../../src-main/services';
import { openStore, type Store } from '../../src-main/store/open-store';

export const SAMPLE = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');
export const SHOTS = fromRoot('test-results', 'e2e');

/** A bridge over a fresh store in a temp folder, and Chromium on a 1920 × 1080 page. */
export interface Session {
  dir: string;
  store: Store;
  handlers: Handlers;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  /** Script errors, policy violations and requests that left the bridge. */
  problems: string[];
  shoot(name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'bc-e2e-'));
  const store = openStore(join(dir, 'workbench.sqlite'));
  const handlers = createHandlers(store, { actor: 'bridge' });
  const bridge = await startBridge({
    handlers,
    port: 0,
    staticDir: fromRoot('out', 'renderer'),
    host: '127.0.0.1',
  });
  const browser = await launchSystemChromium();
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(bridge.url)) problems.push(`request left: ${request.url()}`);
  });
  return {
    dir,
    store,
    handlers,
    bridge,
    browser,
    page,
    problems,
    shoot: async (name, fullPage = true) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    },
    close: async () => {
      await browser.close();
      await bridge.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The sample as the next year's account: the same commune, one payment changed, so that the
 * file's bytes (and its fingerprint) differ and the comparison has a line that moved.
 */
export function nextYearSample(dir: string): string {
  const book = XLSX.read(readFileSync(SAMPLE), { type: 'buffer' });
  const sheet = book.Sheets.DEPENSES as XLSX.WorkSheet;
  for (const [address, cell] of Object.entries(sheet)) {
    if (address.startsWith('!') || address[0] !== 'F') continue;
    const c = cell as XLSX.CellObject;
    if (typeof c.v === 'number' && c.v > 100e6) {
      c.v = Math.round(c.v * 0.5);
      break;
    }
  }
  const path = join(dir, 'commune-fictive-2020-compte-administratif.xlsx');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

/**
 * Keeps a screenshot for the README beside the run's own copies, when asked with
 * UPDATE_SCREENSHOTS=1: a plain test run leaves the tracked files as they are.
 */
export function publish(name: string, as: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(fromRoot('docs', 'screenshots'), { recursive: true });
  copyFileSync(join(SHOTS, `${name}.png`), fromRoot('docs', 'screenshots', as));
}

/** A CSV of `lines` expenditure lines: large enough that its read takes seconds to cancel. */
export function largeCsv(dir: string, lines: number): string {
  const rows = ['Code;Libellé;Prévisions;Réalisations'];
  for (let i = 0; i < lines; i++)
    rows.push(`${6000 + (i % 900)}${i};Dépense ${i};${1000 + i};${900 + i}`);
  const path = join(dir, 'grand-budget.csv');
  writeFileSync(path, rows.join('\n'));
  return path;
}

/** The sample with one expenditure line on a hidden row, as a treasurer may leave it. */
export function hiddenRowSample(dir: string): { path: string; code: string } {
  const book = XLSX.read(readFileSync(SAMPLE), { type: 'buffer' });
  const sheet = book.Sheets.DEPENSES as XLSX.WorkSheet;
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let r = range.s.r; r <= range.e.r; r++) {
    const code = (sheet[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject | undefined)?.v;
    const paid = (sheet[XLSX.utils.encode_cell({ r, c: 5 })] as XLSX.CellObject | undefined)?.v;
    if (!/^\d{4,}$/.test(String(code ?? '')) || typeof paid !== 'number' || paid <= 0) continue;
    sheet['!rows'] = sheet['!rows'] ?? [];
    sheet['!rows'][r] = { hidden: true };
    const path = join(dir, 'commune-fictive-2019-ligne-masquee.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return { path, code: String(code) };
  }
  throw new Error('the sample has no expenditure line to hide');
}
