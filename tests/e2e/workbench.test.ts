import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-shared/contract';
import { fromRoot } from '../../src-main/paths';
import { startBridge, type Bridge } from '../../src-main/server/bridge';
import { createHandlers } from '../../src-main/services';
import { openStore, type Store } from '../../src-main/store/open-store';

const SAMPLE = fromRoot('samples', 'commune-fictive-2019-compte-administratif.xlsx');
const SHOTS = fromRoot('test-results', 'e2e');

let dir: string;
let store: Store;
let bridge: Bridge;
let handlers: Handlers;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const shoot = (name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'bc-e2e-'));
  store = openStore(join(dir, 'workbench.sqlite'));
  handlers = createHandlers(store, { actor: 'bridge' });
  bridge = await startBridge({
    handlers,
    port: 0,
    staticDir: fromRoot('out', 'renderer'),
    host: '127.0.0.1',
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });
  // A policy violation or a script error fails the run even when the page still looks right.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(bridge.url))
      problems.push(`request left the bridge: ${request.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the workbench in a browser, served by the bridge', () => {
  it('starts on the import view when the store is empty', async () => {
    await page.goto(bridge.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Importer un budget exécuté');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });

  it('previews the sample with its columns and issues before anything is saved', async () => {
    await page.setInputFiles('input[type=file]', SAMPLE);
    const preview = page.locator('#preview-title');
    // An error from the services shows as an alert: fail on its words rather than on a timeout.
    await page.locator('#preview-title, [role=alert]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    expect(await preview.textContent()).toContain('commune-fictive-2019');
    expect(await page.locator('.sheet-preview table tbody tr').count()).toBeGreaterThan(3);
    expect(await page.getByRole('heading', { name: /Points à vérifier/ }).count()).toBe(1);
    expect(await handlers['budgets.list']({})).toEqual([]);
    await shoot('1-import-preview');
  });

  it('imports on confirmation and shows the overview with totals and charts', async () => {
    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.locator('#totals-revenue').waitFor({ timeout: 30_000 });
    const revenue = (await page.locator('#totals-revenue').locator('..').textContent()) ?? '';
    expect(revenue).toMatch(/Réalisé\s*[\d\u202f\u00a0 ]+\u00a0GNF/);
    expect(revenue).toContain('Taux d’exécution');
    await page.locator('.chart-host svg').first().waitFor();
    expect(await page.locator('.chart-host svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.chart figcaption').allTextContents()).toContain(
      'Taux d’exécution par section',
    );
    await shoot('2-overview');
  });

  it('shows the lines with their hierarchy, figures and flag marks', async () => {
    await page.getByRole('button', { name: 'Lignes', exact: true }).click();
    const rows = page.locator('.lines-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await page.locator('.lines-table .row-flagged').count()).toBeGreaterThan(0);
    const header = await page.locator('.lines-table thead').textContent();
    expect(header).toContain('Prévu (définitif)');
    await page.screenshot({ path: join(SHOTS, '3-lines.png') });
  });

  it('lists the flags with severity in words and their sheet and row', async () => {
    await page.getByRole('button', { name: 'Alertes', exact: true }).click();
    const rows = page.locator('.flags-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/Erreur|Avertissement|Information/);
    expect(first).toMatch(/Feuille .+, ligne \d+/);
    await shoot('4-flags');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    await page.locator('#totals-revenue').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Overview', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shoot('5-overview-en');
  });

  it('ran without script errors, policy violations or requests elsewhere', () => {
    expect(problems).toEqual([]);
  });
});
