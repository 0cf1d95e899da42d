import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src-main/paths';
import { nextYearSample, openSession, SAMPLE, type Session } from './browser';
import { contrastRatio, rootVariables, ruleColours } from './contrast';

let s: Session;

beforeAll(async () => {
  s = await openSession();
  // Two years, so that the comparison has its controls too.
  for (const [path, year] of [
    [nextYearSample(s.dir), 2020],
    [SAMPLE, 2019],
  ] as const) {
    const dataBase64 = readFileSync(path).toString('base64');
    await s.handlers['import.commit']({ fileName: basename(path), dataBase64, options: { year } });
  }
  await s.page.goto(s.bridge.url);
  await s.page.locator('#totals-revenue').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await s?.close();
});

const css = (file: string) => readFileSync(fromRoot('src-renderer', 'src', file), 'utf8');

const VIEWS = [
  ['overview', "Vue d'ensemble"],
  ['lines', 'Lignes'],
  ['flags', 'Alertes'],
  ['compare', 'Comparer'],
  ['import', 'Importer'],
  ['projects', 'Projets'],
  ['settings', 'Réglages'],
] as const;

/** What the focused element is and whether a ring shows around it. */
function focusState() {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring =
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
    style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  el.dataset.tabReached = 'yes';
  return {
    key: `${el.tagName}#${el.id}.${el.className}:${el.textContent?.slice(0, 40) ?? ''}`,
    ring,
    inMain: el.closest('main') !== null,
    visible: box.width > 0 && box.height > 0,
  };
}

/**
 * The controls of the main area the Tab key should reach (enabled, shown, in the tab order)
 * that it has not reached yet, named for the failure message.
 */
function unreachedInMain(): string[] {
  const main = document.querySelector('main');
  if (!main) return ['no main area'];
  const controls = main.querySelectorAll<HTMLElement>(
    'button, a[href], input, select, textarea, [tabindex]',
  );
  return [...controls]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      const disabled = (el as HTMLButtonElement).disabled === true;
      return el.tabIndex >= 0 && !disabled && box.width > 0 && box.height > 0;
    })
    .filter((el) => el.dataset.tabReached !== 'yes')
    .map((el) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40)}`);
}

/**
 * The number of controls once the view stops adding them: its data arrives after the first
 * paint, and a walk begun before the last list rendered would miss what came after it.
 */
async function settledControlCount(page: Page): Promise<number> {
  let last = -1;
  let same = 0;
  for (let i = 0; i < 40 && same < 3; i++) {
    const count = (await page.evaluate(unreachedInMain)).length;
    same = count === last ? same + 1 : 0;
    last = count;
    await page.waitForTimeout(100);
  }
  return last;
}

describe('keyboard and contrast', () => {
  it.each(VIEWS)(
    'reaches every control of the %s view with Tab, each with a visible ring',
    async (view, label) => {
      const { page } = s;
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const expected = await settledControlCount(page);
      await page.locator('main').focus();
      // Tab until the focus leaves the main area after having been in it: the view is walked.
      let inMainCount = 0;
      for (let i = 0; i < expected + 20; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(focusState);
        if (state === null || (inMainCount > 0 && !state.inMain)) break;
        if (state.visible) expect(state.ring, `no visible ring on ${state.key}`).toBe(true);
        if (state.inMain) inMainCount += 1;
        // The picture shows the ring on a control of the view, not on the last one reached.
        if (inMainCount === 2) await s.shoot(`20-focus-${view}`, false);
      }
      expect(inMainCount).toBeGreaterThan(0);
      expect(await page.evaluate(unreachedInMain)).toEqual([]);
    },
  );

  it('gives body text at least 4.5:1 against its background in the workbench theme', () => {
    const v = rootVariables(css('styles.css'));
    const pairs = [
      ['ink', 'paper'],
      ['ink', 'panel'],
      ['muted', 'paper'],
      ['muted', 'panel'],
      ['accent', 'paper'],
      ['accent', 'panel'],
      ['accent-ink', 'accent'],
      ['error', 'panel'],
      ['error', 'paper'],
      ['warning', 'panel'],
      ['warning', 'paper'],
      ['info', 'panel'],
    ] as const;
    const ratios = pairs.map(([text, back]) => {
      const [a, b] = [v[text], v[back]];
      if (!a || !b) throw new Error(`--${text} or --${back} is missing from styles.css`);
      return { pair: `${text} on ${back}`, ratio: Number(contrastRatio(a, b).toFixed(2)) };
    });
    for (const { pair, ratio } of ratios) expect(ratio, pair).toBeGreaterThanOrEqual(4.5);
  });

  it('gives large text at least 3:1 on slides and headings, and the focus ring 3:1 too', () => {
    const v = rootVariables(css('styles.css'));
    const show = ruleColours(css('present/present.css'), '.slideshow');
    const title = ruleColours(css('present/present.css'), '.slide-title');
    const back = show.background ?? '';
    const pairs: [string, string, string][] = [
      ['slide text', show.color ?? '', back],
      ['slide title', title.color ?? '', back],
      ['heading', v.ink ?? '', v.paper ?? ''],
      // The ring is yellow inside a dark band: the band must stand out from the page.
      ['focus band', v.ink ?? '', v.paper ?? ''],
      ['focus ring', v.focus ?? '', v.ink ?? ''],
    ];
    for (const [name, a, b] of pairs) {
      expect(a && b, `${name} has no colour`).toBeTruthy();
      expect(contrastRatio(a, b), name).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes the ratios WCAG gives for known pairs', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#abcdef', '#abcdef')).toBe(1);
  });
});
