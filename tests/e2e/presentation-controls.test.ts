import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, SAMPLE, type Session } from './browser';

let s: Session;
const NOTE = 'Saluer le maire avant les chiffres.';

beforeAll(async () => {
  s = await openSession();
  const { budgetId } = await s.handlers['import.commit']({
    fileName: 'commune-fictive-2019-compte-administratif.xlsx',
    dataBase64: readFileSync(SAMPLE).toString('base64'),
    options: {},
  });
  await s.handlers['deck.save']({
    budgetId,
    deck: { order: [], hidden: [], notes: { title: NOTE } },
  });
});

afterAll(async () => {
  await s?.close();
});

const back = () => s.page.getByRole('button', { name: 'Retour à l’atelier' });

/** True when the button's whole box is inside the window. */
async function inView() {
  const box = await back().boundingBox();
  const size = s.page.viewportSize();
  if (!box || !size) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
  );
}

describe('the way back from the presentation', () => {
  it('keeps « Retour à l’atelier » in view while the deck is prepared', async () => {
    const { page } = s;
    await page.goto(s.bridge.url);
    await page.getByRole('button', { name: 'Présenter', exact: true }).click();
    await page.getByRole('button', { name: 'Commencer la présentation' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await inView()).toBe(true);
    await s.shoot('31-present-prep-scrolled', false);
  });

  it('hides the note from the room, says once that N shows it, and N toggles it', async () => {
    const { page } = s;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Commencer la présentation' }).click();
    await page.locator('.slide-counter').waitFor();
    expect(await page.getByText(NOTE).count()).toBe(0);
    const hint = page.locator('.slide-hint');
    expect(await hint.textContent()).toContain('N pour l’afficher');
    await s.shoot('32-slide-note-hint', false);

    await page.keyboard.press('n');
    await page.getByText(NOTE).waitFor();
    expect(await hint.count()).toBe(0);
    await s.shoot('33-slide-note-shown', false);
    await page.keyboard.press('n');
    await expect.poll(() => page.getByText(NOTE).count()).toBe(0);
  });

  it('shows the button on every slide and on the black screen, and reaches it with Tab', async () => {
    const { page } = s;
    expect(await inView()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await inView()).toBe(true);
    await page.keyboard.press('b');
    expect(await inView()).toBe(true);
    await s.shoot('34-slide-black', false);
    await page.keyboard.press('b');

    await page.keyboard.press('Tab');
    expect(await back().evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
  });

  it('leaves with Esc from the slides, then from the preparation, and tells the hint no more', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Présenter', exact: true }).click();
    await page.getByRole('button', { name: 'Commencer la présentation' }).click();
    await page.locator('.slide-counter').waitFor();
    expect(await page.locator('.slide-hint').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Commencer la présentation' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('navigation').waitFor();
  });

  it.each([
    [1600, 1000],
    [1280, 720],
  ])(
    'draws every slide at %d × %d with no words over others and nothing off screen',
    async (width, height) => {
      const { page } = s;
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Présenter', exact: true }).click();
      await page.getByRole('button', { name: 'Commencer la présentation' }).click();
      const counter = page.locator('.slide-counter');
      await counter.waitFor();
      const total = Number((await counter.textContent())!.split('/')[1]);
      for (let i = 0; i < total; i++) {
        const clash = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.slide-bar-label, .bar-text, .slide-bar-rate, .slide-title, .slide-sentence, .slide-items li, .slide-counter')]
          .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }));
        const bars = [...document.querySelectorAll('.bar')].map((el) => el.getBoundingClientRect());
        const meet = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        for (const [i, a] of boxes.entries()) {
          if (a.r.bottom > window.innerHeight + 1 || a.r.right > window.innerWidth + 1) return `off screen: ${a.text}`;
          for (const b of boxes.slice(i + 1)) if (meet(a.r, b.r)) return `${a.text} over ${b.text}`;
          for (const bar of bars) if (meet(a.r, bar)) return `a bar under ${a.text}`;
        }
        return null;
      }); // prettier-ignore
        expect(clash, `slide ${i + 1}`).toBeNull();
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByRole('navigation').waitFor();
      await page.setViewportSize({ width: 1600, height: 1000 });
    },
  );

  it('ran without script errors, policy violations or requests elsewhere', () => {
    expect(s.problems).toEqual([]);
  });
});
