import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, SAMPLE, type Session } from './browser';

let s: Session;

beforeAll(async () => {
  s = await openSession();
  await s.handlers['import.commit']({
    fileName: 'commune-fictive-2019-compte-administratif.xlsx',
    dataBase64: readFileSync(SAMPLE).toString('base64'),
    options: {},
  });
});

afterAll(async () => {
  await s?.close();
});

/** How far each heading's box strays from the cells of its column in the first row. */
async function columnDrift() {
  const { page } = s;
  const heads = await page
    .locator('.vhead [role=columnheader]')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r): [number, number] => [r.left, r.right]),
    );
  const cells = await page
    .locator('.virtual-scroll .vrow')
    .first()
    .locator('[role=gridcell]')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r): [number, number] => [r.left, r.right]),
    );
  return Math.max(
    ...heads.map(([l, r], i) =>
      Math.max(Math.abs(l - (cells[i]?.[0] ?? 0)), Math.abs(r - (cells[i]?.[1] ?? 0))),
    ),
  );
}

describe('the lines table', () => {
  it.each([
    [1920, 1080],
    [1366, 768],
  ])('shows every heading whole over its column at %i × %i', async (width, height) => {
    const { page } = s;
    await page.setViewportSize({ width, height });
    await page.goto(s.bridge.url);
    await page.getByRole('button', { name: 'Lignes', exact: true }).click();
    await page.locator('.virtual-scroll .vrow').first().waitFor();

    const cut = await page
      .locator('.vhead .sort-button')
      .evaluateAll((els) =>
        els
          .filter((e) => e.parentElement && e.scrollWidth > e.parentElement.clientWidth)
          .map((e) => e.textContent),
      );
    expect(cut).toEqual([]);
    const last = await page.locator('.vhead [role=columnheader]').last().boundingBox();
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(width);
    expect(await columnDrift()).toBeLessThan(1);
    await s.shoot(`30-lines-${width}`, false);
  });

  it('starts with a line of the budget, and marks no row before the list has the focus', async () => {
    const { page } = s;
    const first = page.locator('.virtual-scroll .vrow').first();
    expect((await first.textContent())?.trim()).not.toBe('');
    const background = () => first.evaluate((e) => getComputedStyle(e).backgroundColor);
    const unmarked = await page
      .locator('.virtual-scroll .vrow')
      .nth(1)
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await background()).toBe(unmarked);

    await page.locator('.virtual').focus();
    await expect.poll(background).not.toBe(unmarked);
  });

  it('ran without script errors, policy violations or requests elsewhere', () => {
    expect(s.problems).toEqual([]);
  });
});
