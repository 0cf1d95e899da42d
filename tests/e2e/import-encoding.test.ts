import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser';

const LABELS = ['Réparation des façades', 'Reçus et quittances', 'Matériel d’éclairage'];

let s: Session;
let csv: string;

beforeAll(async () => {
  s = await openSession();
  // Headers without accents, as old systems export them, so that a wrong reading still has lines.
  const rows = ['Code;Libelle;Previsions;Realisations'];
  LABELS.forEach((label, i) =>
    rows.push(`${6061 + i};${label};${1000 * (i + 1)};${900 * (i + 1)}`),
  );
  // One byte per letter as a Windows export writes them; ’ is 0x92 in Windows-1252 only.
  const text = rows.join('\r\n');
  csv = join(s.dir, 'depenses-2021.csv');
  writeFileSync(csv, Buffer.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0)))));
});

afterAll(async () => {
  await s?.close();
});

const shownLabels = () => s.page.locator('.sample-labels li').allTextContents();

describe('the encoding of a text file in the import preview', () => {
  it('shows the encoding and delimiter read, and a few labels of the file', async () => {
    const { page } = s;
    await page.goto(s.bridge.url);
    await page.setInputFiles('input[type=file]', csv);
    await page.locator('#preview-title, [role=alert]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    const read = await page.locator('.encoding-read').textContent();
    expect(read).toContain('Encodage lu : Windows-1252');
    expect(read).toContain('séparateur : « ; »');
    expect(await shownLabels()).toEqual(LABELS);
  });

  it('reads the file again as UTF-8 when asked, and the accents visibly break', async () => {
    const { page } = s;
    await page.getByLabel('Lire le fichier comme').selectOption('utf-8');
    await expect.poll(() => page.locator('.encoding-read').textContent(), { timeout: 30_000 }).toContain('UTF-8'); // prettier-ignore
    const labels = await shownLabels();
    expect(labels).toHaveLength(3);
    expect(labels.join(' ')).toContain('\uFFFD');
    expect(labels.join(' ')).not.toContain('façades');
    await s.shoot('20-import-encoding-utf8');
  });

  it('reads the labels right again once Windows-1252 is chosen', async () => {
    const { page } = s;
    await page.getByLabel('Lire le fichier comme').selectOption('windows-1252');
    await expect.poll(shownLabels, { timeout: 30_000 }).toEqual(LABELS);
    expect(await page.locator('.encoding-note').textContent()).toContain(
      'Choix mémorisé sur cet appareil pour les fichiers nommés « depenses-2021.csv »',
    );
    await s.shoot('21-import-encoding-1252');
  });

  it('takes the remembered encoding again when the same file is previewed later', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.setInputFiles('input[type=file]', csv);
    await page.locator('.encoding-note').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Lire le fichier comme').inputValue()).toBe('windows-1252');
    expect(await page.locator('.encoding-note').textContent()).toContain(
      'Encodage repris de votre choix précédent pour « depenses-2021.csv »',
    );
    expect(await shownLabels()).toEqual(LABELS);
    await s.shoot('22-import-encoding-remembered');
    expect(s.problems).toEqual([]);
  });
});
