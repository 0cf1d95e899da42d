import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBudget } from '../src-main/report/export-budget';
import { createFormatter } from '../src-main/report/format';
import { messagesFor } from '../src-main/report/messages';
import { HOSTILE_FORMULA, HOSTILE_MARKUP, smallReportInput } from './report-fixture';

// pdftotext writes the narrow no-break spaces of French numbers as they are; compare on plain
// spaces so that the test reads like the page.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the PDF report', () => {
  const input = smallReportInput('fr');
  const dir = mkdtempSync(join(tmpdir(), 'budget-clair-pdf-'));
  const pdf = join(dir, 'rapport.pdf');
  let text = '';
  let flowing = '';

  beforeAll(async () => {
    await exportBudget('pdf', input, pdf);
    text = plain(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    // Without -layout the cells of a table come out one after the other, in reading order.
    flowing = plain(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).replace(
      /\s+/g,
      ' ',
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the entity and the year, with French accents intact', () => {
    expect(text).toContain('Commune urbaine de Foulayah (fictive)');
    expect(text).toContain('Exercice');
    expect(text).toContain('2024');
    expect(text).toContain('Rapport d’exécution budgétaire'.toUpperCase());
    expect(text).toContain('Forage et adduction d’eau à Sèkhoun');
  });

  it('prints the totals in French number format', () => {
    const fmt = createFormatter(messagesFor('fr'), 'GNF', 0);
    const revenue = input.summary.byDirection.find((g) => g.direction === 'revenue')!;
    const expenditure = input.summary.byDirection.find((g) => g.direction === 'expenditure')!;
    expect(text).toContain(plain(fmt.money(revenue.executedMinor)));
    expect(text).toContain(plain(fmt.money(expenditure.executedMinor)));
    expect(text).toContain('441 948 500 GNF');
    expect(text).toContain('-1 500');
  });

  it('carries every flag message and the reviewer’s explanation', () => {
    for (const flag of input.flags) expect(flowing).toContain(plain(flag.message));
    expect(flowing).toContain('Nouveau marché hebdomadaire ouvert en août');
  });

  it('shows hostile labels as plain text, the override made visible', () => {
    expect(text).toContain(HOSTILE_FORMULA);
    expect(text).toContain(HOSTILE_MARKUP);
    expect(text).toContain('⟨U+202E⟩');
    expect(text).not.toContain('\u202E');
  });

  it('numbers its pages', () => {
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(text).toContain(`Page 1 sur ${pages}`);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
  });

  it('renders every page to a picture', () => {
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(5);
    for (const png of pngs) expect(statSync(join(dir, png)).size).toBeGreaterThan(2000);
  });
});
