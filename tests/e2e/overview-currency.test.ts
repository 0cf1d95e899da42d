import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser';

let s: Session;

/** A small budget file in dollars: revenue with its execution, expenditure forecast only. */
function dollarBudget(dir: string): string {
  const rows = [
    'Code;Libellé;Sens;Prévisions;Réalisations',
    '7011;Location des boutiques;recette;1000;800',
    '7012;Droits de stationnement;recette;500;450',
    '6011;Fournitures de bureau;dépense;700;',
    '6012;Carburant;dépense;300;',
  ];
  const path = join(dir, 'budget-dollars.csv');
  writeFileSync(path, rows.join('\n'));
  return path;
}

beforeAll(async () => {
  s = await openSession();
});

afterAll(async () => {
  await s?.close();
});

describe('the overview of a budget in another currency, with a side not executed', () => {
  it('says « Sur 100 USD prévus » and no rate for the side without execution', async () => {
    const { page } = s;
    await s.handlers['import.commit']({
      fileName: 'budget-dollars.csv',
      dataBase64: readFileSync(dollarBudget(s.dir)).toString('base64'),
      options: { currency: 'USD', entity: 'Commune test', year: 2021 },
    });
    await page.goto(s.bridge.url);
    await page.locator('#totals-revenue').waitFor({ timeout: 30_000 });

    const revenue = (await page.locator('.totals-revenue').textContent()) ?? '';
    expect(revenue).toContain('Sur 100 USD prévus, 83 ont été exécutés.');
    const expenditure = (await page.locator('.totals-expenditure').textContent()) ?? '';
    expect(expenditure).toContain('Pas de données d’exécution');
    expect(expenditure).not.toMatch(/\b0\s?%/);
    expect(expenditure).not.toContain('francs');
    await s.shoot('35-overview-usd-no-execution');
  });

  it('ran without script errors, policy violations or requests elsewhere', () => {
    expect(s.problems).toEqual([]);
  });
});
