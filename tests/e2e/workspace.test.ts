import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../src-main/store/operations-repo';
import { hiddenRowSample, largeCsv, openSession, SAMPLE, type Session } from './browser';

let s: Session;

beforeAll(async () => {
  s = await openSession();
});

afterAll(async () => {
  await s?.close();
});

const nav = (name: string) => s.page.getByRole('button', { name, exact: true });

describe('imports, projects and rule settings in a browser', () => {
  it('shows the stages of a large import and a cancel that leaves the store as it was', async () => {
    const { page } = s;
    await page.goto(s.bridge.url);
    await page.setInputFiles('input[type=file]', largeCsv(s.dir, 150_000));
    await page.locator('#preview-title, [role=alert]').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);

    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    const stages = page.getByRole('list', { name: 'Étapes de l’import' });
    await stages.waitFor();
    expect(await stages.locator('[aria-current=step]').textContent()).toContain('Lecture');
    await s.shoot('10-import-stages');
    await page.getByRole('button', { name: 'Annuler l’import' }).click();

    await page.getByText('Import annulé : rien n’a été enregistré.').waitFor({ timeout: 30_000 });
    expect(await s.handlers['budgets.list']({})).toEqual([]);
    expect(listOperations(s.store.db)).toEqual([]);
    await s.shoot('11-import-cancelled');
  });

  it('imports the sample as the version chosen and follows it to the overview', async () => {
    const { page } = s;
    await page.setInputFiles('input[type=file]', SAMPLE);
    await page.locator('#preview-title').waitFor({ timeout: 30_000 });
    await page.getByLabel('Version du budget').selectOption('revised');
    await page.getByRole('button', { name: 'Confirmer l’import' }).click();
    await page.locator('#totals-revenue').waitFor({ timeout: 30_000 });

    const budgets = await s.handlers['budgets.list']({});
    expect(budgets.map((b) => b.version)).toEqual(['revised']);
  });

  it('says on the overview what the lines on hidden rows hold and leaves them out', async () => {
    const { page } = s;
    const hidden = hiddenRowSample(s.dir);
    await nav('Importer').click();
    await page.setInputFiles('input[type=file]', hidden.path);
    await page.locator('#preview-title').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Confirmer l’import' }).click();

    const notice = page.locator('aside.hidden-excluded');
    await notice.waitFor({ timeout: 30_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('1 ligne(s) sur des lignes masquées');
    expect(text).toMatch(/Dépenses : prévu [\d\u202f ]+\u00a0GNF, exécuté [\d\u202f ]+\u00a0GNF/);
    await s.shoot('12-overview-hidden-lines');
  });

  it('lists the budgets by entity and year, versions side by side, and switches the current one', async () => {
    const { page } = s;
    await nav('Projets').click();
    const table = page.locator('.projects-table').first();
    await table.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Exercice',
      'Budget primitif',
      'Budget révisé',
      'Compte administratif',
    ]);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Exercice 2019');
    expect(await page.getByRole('heading', { name: 'Fichiers récents' }).count()).toBe(1);
    const recent = await page.locator('.recent-files li').allTextContents();
    expect(recent.join(' ')).toContain('commune-fictive-2019-ligne-masquee.xlsx');
    await s.shoot('13-projects');

    const revised = (await s.handlers['budgets.list']({})).find((b) => b.version === 'revised');
    await page.getByRole('button', { name: /Afficher ce budget .* Budget révisé/ }).click();
    await page.locator('#totals-revenue').waitFor();
    expect(await page.locator('aside.hidden-excluded').count()).toBe(0);
    expect(revised).toBeDefined();
  });

  it('records a population and shows the per-resident figures on the overview', async () => {
    const { page } = s;
    await nav('Projets').click();
    await page.getByLabel('Population 2019').first().fill('42000');
    await page.getByRole('button', { name: 'Enregistrer la population' }).first().click();
    await page.getByText('Population enregistrée : 42 000 habitants.').waitFor();
    await nav("Vue d'ensemble").click();
    const perResident = page.locator('.per-resident');
    await perResident.waitFor();
    expect(await perResident.textContent()).toMatch(
      /42\u202f000 habitants.*Dépenses : exécuté [\d\u202f ]+\u00a0GNF par habitant/,
    );
    await s.shoot('14-overview-per-resident');
  });

  it('lists every rule with its defaults, saves a threshold, analyses again and resets', async () => {
    const { page } = s;
    const before = (await s.handlers['flags.list']({})).filter((f) => f.rule === 'low-execution');
    await nav('Réglages').click();
    const field = page.getByLabel('Exécution faible sous (%)');
    await field.waitFor();
    expect(await page.locator('fieldset.rule-settings legend').count()).toBe(18);
    expect(await page.locator('.threshold-default').first().textContent()).toContain('par défaut');
    await field.fill('95');
    await page.getByRole('button', { name: 'Enregistrer et relancer l’analyse' }).click();
    await page
      .getByText(/Réglages enregistrés ; 2 budget\(s\) analysé\(s\) de nouveau\./)
      .waitFor();
    expect(await field.locator('..').textContent()).toContain('modifié');
    await s.shoot('15-settings-saved');

    const after = (await s.handlers['flags.list']({})).filter((f) => f.rule === 'low-execution');
    expect(after.length).toBeGreaterThan(before.length);
    await page.getByRole('button', { name: 'Revenir aux valeurs par défaut' }).click();
    await expect.poll(() => field.inputValue()).toBe('50');
    const logged = listOperations(s.store.db).filter((op) => op.kind === 'rule-settings');
    expect(logged.map((op) => (op.parameters as { reset: boolean }).reset)).toEqual([false, true]);
    expect(s.problems).toEqual([]);
  });
});
