import type { Page } from 'playwright-core';
import { launchSystemChromium } from '../src-main/browser/system-chromium';
import { fromRoot } from '../src-main/paths';
import { startBridge } from '../src-main/server/bridge';
import { createHandlers } from '../src-main/services';
import type { Store } from '../src-main/store/open-store';

/**
 * The workbench in Chromium, served by the real bridge over a store that already holds the
 * budget. Each action is timed inside the page, from the event to the second animation frame
 * after the DOM changed: what the person sees, without the automation protocol's latency.
 */

export interface RendererFigures {
  overviewMs: number[];
  linesMs: number[];
  /** null: the explorer has no such control (yet). */
  sortMs: number[] | null;
  filterMs: number[] | null;
  scrollMs: number[] | null;
}

// Stable hooks of the lines explorer, the first that exists wins.
const SORT = [
  '[data-testid="lines-sort"]',
  '.sort-button',
  '[role=columnheader] button',
  'th button',
];
const FILTER = [
  '[data-testid="lines-filter"]',
  'form[role=search] input[type=search]',
  'input[type=search]',
];
const SCROLL = ['[data-testid="lines-scroll"]', '.virtual-scroll', '.table-scroll'];

async function firstPresent(page: Page, selectors: string[]): Promise<string | null> {
  for (const selector of selectors) if ((await page.locator(selector).count()) > 0) return selector;
  return null;
}

/**
 * Runs the action in the page and resolves with the ms until two frames after the DOM changed.
 * The script is text: tsx's helpers (`__name`) do not exist in the page.
 */
function timeInPage(page: Page, selector: string, action: 'click' | 'type' | 'scroll', text = '') {
  return page.evaluate<number>(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const action = ${JSON.stringify(action)};
    const started = performance.now();
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
    const observer = new MutationObserver(() => { observer.disconnect(); done(); });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    if (action === 'click') el.click();
    else if (action === 'scroll') el.scrollTop += el.clientHeight;
    else {
      // React listens to the native input event; set the value the way typing does.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(text)});
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 15000);
  })`);
} // prettier-ignore

function paintedMs(page: Page): Promise<number> {
  return page.evaluate<number>(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))',
  );
}

async function timeControl(page: Page, selectors: string[], run: (s: string) => Promise<number>) {
  const selector = await firstPresent(page, selectors);
  if (!selector) return null;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await run(selector));
  return times.filter((ms) => ms >= 0);
}

/** Opens the workbench `repetitions` times on a fresh page and times each step. */
export async function benchRenderer(store: Store, repetitions: number): Promise<RendererFigures> {
  const handlers = createHandlers(store, { actor: 'bridge' });
  const staticDir = fromRoot('out', 'renderer');
  const bridge = await startBridge({ handlers, port: 0, staticDir, host: '127.0.0.1' });
  const browser = await launchSystemChromium();
  const figures: RendererFigures = { overviewMs: [], linesMs: [], sortMs: [], filterMs: [], scrollMs: [] }; // prettier-ignore
  try {
    for (let i = 0; i < repetitions; i++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'fr-FR' });
      await page.goto(bridge.url);
      await page.locator('#totals-revenue').waitFor({ timeout: 120_000 });
      figures.overviewMs.push(await paintedMs(page));
      const started = await paintedMs(page);
      await page.getByRole('button', { name: 'Lignes', exact: true }).click();
      const rows = await firstPresent(page, ['.lines-table tbody tr', '[role=row]']);
      await page.locator(rows ?? '[role=row]').nth(1).waitFor({ timeout: 120_000 });
      figures.linesMs.push((await paintedMs(page)) - started);
      const sort = await timeControl(page, SORT, (s) => timeInPage(page, s, 'click'));
      const scroll = await timeControl(page, SCROLL, (s) => timeInPage(page, s, 'scroll'));
      const words = ['voirie', 'écoles', 'marché', 'mairie', 'santé'];
      let w = 0;
      const filter = await timeControl(page, FILTER, (s) => timeInPage(page, s, 'type', words[w++ % 5]));
      for (const [key, values] of [['sortMs', sort], ['scrollMs', scroll], ['filterMs', filter]] as const) {
        figures[key] = values === null ? null : [...(figures[key] ?? []), ...values];
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
  }
  return figures;
} // prettier-ignore
