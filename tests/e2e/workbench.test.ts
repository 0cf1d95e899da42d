import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextYearSample, openSession, publish, SAMPLE, type Session } from './browser';

let s: Session;

beforeAll(async () => {
  s = await openSession();
});

afterAll(async () => {
  await s?.close();
});

describe('the workbench in a browser, served by the bridge', () => {
  it('starts on the import view when the store is empty', async () => {
    await s.page.goto(s.bridge.url);
    await expect.poll(() => s.page.locator('h1').textContent()).toBe('Importer un budget exécuté');
    expect(await s.page.getAttribute('html', 'lang')).toBe('fr');
  });

  it('previews the sample with its columns, row kinds and reasons before anything is saved', async () => {
    const { page } = s;
    await page.setInputFiles('input[type=file]', SAMPLE);
    // An error from the services shows as an alert: fail on its words rather than on a timeout.
    await page.locator('#preview-title, [role=alert]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    expect(await page.locator('#preview-title').textContent()).toContain('commune-fictive-2019');
    const rows = await page.locator('.rows-preview tbody').textContent();
    expect(rows).toMatch(/ligne/);
    expect(rows).toMatch(/sous-total|total/);
    expect(await s.handlers['budgets.list']({})).toEqual([]);
    await s.shoot('01-import-preview');
  });

  it('reads the preview again when a column is given another field', async () => {
    const { page } = s;
    const initial = page.getByLabel('Champ de la colonne C de DEPENSES');
    const revised = page.getByLabel('Champ de la colonne D de DEPENSES');
    expect(await revised.inputValue()).toBe('revised');
    await initial.selectOption('revised');
    await expect.poll(() => revised.inputValue(), { timeout: 30_000 }).toBe('');
    expect(await page.locator('.sheet-preview tbody').first().textContent()).toContain(
      'votre choix',
    );
    await s.shoot('02-import-remapped');

    await initial.selectOption('planned');
    await expect.poll(() => revised.inputValue(), { timeout: 30_000 }).toBe('revised');
  });

  it('imports on confirmation and shows the overview with totals and charts', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.locator('#totals-revenue').waitFor({ timeout: 30_000 });
    const revenue = (await page.locator('#totals-revenue').locator('..').textContent()) ?? '';
    expect(revenue).toMatch(/Exécuté\s*[\d\u202f\u00a0 ]+\u00a0GNF/);
    await page.locator('.chart-host svg').first().waitFor();
    // A chart below the fold is drawn when it comes into view, each one once.
    const hosts = page.locator('.chart-host');
    expect(await hosts.count()).toBeGreaterThanOrEqual(2);
    for (const host of await hosts.all()) {
      await host.scrollIntoViewIfNeeded();
      await host.locator('svg').waitFor();
    }
    expect(await page.locator('.chart-host svg').count()).toBe(await hosts.count());
    await page.evaluate(() => window.scrollTo(0, 0));
    await s.shoot('03-overview');
    publish('03-overview', 'overview.png');
  });

  it('opens the lines of a chart bar in the explorer, already filtered', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Dépenses · Fonctionnement', exact: true }).click();
    await page.locator('.vrow[role=row]').nth(1).waitFor();
    expect(await page.locator('select[name=direction]').inputValue()).toBe('expenditure');
    expect(await page.locator('select[name=section]').inputValue()).toBe('operating');
    const labels = await page.locator('.virtual-scroll .vrow').allTextContents();
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.join(' ')).not.toContain('Impôts');
    await s.shoot('04-lines-filtered');
  });

  it('folds the hierarchy, sorts by a column and searches codes and labels', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    const rows = page.locator('.virtual-scroll .vrow');
    // Only the rows in view are in the page: the status line gives how many the list holds.
    const shown = async () => Number((await page.getByRole('status').textContent())?.split(' ')[0]);
    const before = await shown();
    await page.getByRole('button', { name: 'Replier' }).first().click();
    await expect.poll(shown).toBeLessThan(before);
    await page.getByRole('button', { name: 'Déplier' }).first().click();
    await expect.poll(shown).toBe(before);

    await page.getByRole('button', { name: 'Exécuté', exact: true }).click();
    expect(await page.locator('[aria-sort=ascending]').textContent()).toContain('Exécuté');
    await page.getByLabel('Rechercher').fill('salaires');
    await expect.poll(shown).toBeLessThan(5);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/salaires/i);
    expect(await page.locator('.virtual-scroll').textContent()).toContain('611');
    await page.getByLabel('Rechercher').fill('');
    await page.getByLabel('Taux min. (%)').fill('101');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await s.shoot('05-lines-sorted');
  });

  it('opens where a figure came from: file, fingerprint, sheet, cell and flags', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Rechercher').fill('611');
    await page.locator('.virtual-scroll .vrow .figure-button').nth(2).click();
    const dialog = page.locator('dialog.provenance');
    await dialog.locator('.hash').waitFor();
    const sha = (await s.handlers['budgets.list']({}))[0]?.sourceSha256 ?? 'none';
    expect(await dialog.locator('.hash').textContent()).toBe(sha);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('commune-fictive-2019-compte-administratif.xlsx');
    expect(text).toMatch(/DEPENSES!F\d+/);
    expect(text).toContain('Mandaté (compté comme exécuté)');
    expect(text).toMatch(/Alertes sur cette ligne \(\d+\)/);
    await s.shoot('06-provenance', false);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('reviews a flag from the keyboard and shows the review at once', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Alertes', exact: true }).click();
    await page.getByLabel('Votre nom (relecteur)').fill('Mariama Camara');
    const first = page.locator('.flag-item').first();
    await first.focus();
    await page.keyboard.press('j');
    const second = page.locator('.flag-item').nth(1);
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('e');
    await expect.poll(() => second.locator('.review').textContent()).toContain('Expliquée');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Travaux payés sur deux exercices.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => second.textContent())
      .toContain('« Travaux payés sur deux exercices. »');

    const id = Number(await second.getAttribute('data-flag-id'));
    const stored = (await s.handlers['flags.list']({})).find((f) => f.id === id);
    expect(stored?.review).toMatchObject({ status: 'explained', reviewer: 'Mariama Camara' });
    await s.shoot('07-flags-reviewed');
  });

  it('compares two years of the commune and gives the PEFA ratios without a grade', async () => {
    const { page } = s;
    const file = nextYearSample(s.dir);
    await s.handlers['import.commit']({
      fileName: 'commune-fictive-2020-compte-administratif.xlsx',
      dataBase64: readFileSync(file).toString('base64'),
      options: { year: 2020 },
    });
    await page.reload();
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    await page.locator('.compare-table').waitFor({ timeout: 30_000 });
    const head = (await page.locator('.compare-table thead').textContent()) ?? '';
    expect(head).toContain('2019');
    expect(head).toContain('2020');
    expect(await page.locator('.view .intro').first().textContent()).toContain('Deux exercices');
    await page.locator('.pefa-indicator').first().waitFor();
    expect(await page.locator('.pefa').textContent()).toContain('sans note');
    expect(await page.locator('.pefa .grade').count()).toBe(0);
    await s.shoot('08-compare');
  });

  it('runs the presentation from the first slide to the last with the keyboard', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Présenter', exact: true }).click();
    await page.getByRole('button', { name: 'Commencer la présentation' }).click();
    const counter = page.locator('.slide-counter');
    await counter.waitFor();
    const count = Number((await counter.textContent())?.split('/')[1]);
    expect(count).toBeGreaterThan(4);
    for (let n = 1; n <= count; n++) {
      expect((await counter.textContent())?.replace(/\s/g, '')).toBe(`${n}/${count}`);
      const size = await page
        .locator('.slide li, .slide p, .bar-text')
        .evaluateAll((els) =>
          Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))),
        );
      expect(size).toBeGreaterThanOrEqual(32);
      await s.shoot(`09-slide-${String(n).padStart(2, '0')}`, false);
      await page.keyboard.press(n % 2 ? 'ArrowRight' : 'PageDown');
    }
    expect((await counter.textContent())?.replace(/\s/g, '')).toBe(`${count}/${count}`);
    await page.keyboard.press('Home');
    expect((await counter.textContent())?.replace(/\s/g, '')).toBe(`1/${count}`);
    await page.keyboard.press('PageDown');
    publish('09-slide-02', 'presentation.png');
  });

  it('jumps to a line a resident asks about, comes back, blacks out and leaves', async () => {
    const { page } = s;
    await page.keyboard.press('/');
    await page.keyboard.type('salaires');
    await page.locator('.slide-search [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.slide-line').waitFor();
    expect(await page.locator('.slide-line').textContent()).toMatch(
      /Exécuté : [\d\u202f\u00a0 ]+GNF/,
    );
    await s.shoot('10-slide-line', false);
    await page.keyboard.press('Escape');
    expect((await page.locator('.slide-counter').textContent())?.startsWith('2')).toBe(true);
    await page.keyboard.press('b');
    expect(await page.locator('.slideshow.is-black .slide').count()).toBe(0);
    await page.keyboard.press('b');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Commencer la présentation' }).waitFor();
  });

  it('saves the hidden slides, order and notes with the budget', async () => {
    const { page } = s;
    await page
      .getByLabel('Montée')
      .first()
      .waitFor()
      .catch(() => undefined);
    await page.locator('.deck-editor input[type=checkbox]').nth(1).uncheck();
    await page
      .getByRole('button', { name: /^Descendre/ })
      .first()
      .click();
    await page.locator('.deck-editor textarea').first().fill('Saluer le maire.');
    await page.locator('.deck-editor textarea').nth(1).focus();
    const budgetId = (await s.handlers['budgets.list']({}))[0]?.id ?? 0;
    await expect
      .poll(async () => Object.values((await s.handlers['deck.get']({ budgetId }))?.notes ?? {}))
      .toContain('Saluer le maire.');
    const deck = await s.handlers['deck.get']({ budgetId });
    expect(deck?.hidden.length).toBe(1);
    expect(Object.values(deck?.notes ?? {})).toContain('Saluer le maire.');
    await s.shoot('11-deck-editor');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Retour à l’atelier' }).click();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Overview', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await s.shoot('12-overview-en');
  });

  it('ran without script errors, policy violations or requests elsewhere', () => {
    expect(s.problems).toEqual([]);
  });
});
