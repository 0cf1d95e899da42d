import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBudget } from '../src-main/report/export-budget';
import { LINES_ANNEX_MAX, LINES_ANNEX_SELECTION } from '../src-main/report/lines-annex';
import { renderReportHtml } from '../src-main/report/report-html';
import { largeReportInput } from './report-fixture';

const annexOf = (html: string) => {
  const annex = html.slice(html.indexOf('<table class="data lines">'));
  return annex.slice(0, annex.indexOf('</table>'));
};
const annexRows = (html: string) => annexOf(html).match(/<tr>/g)!.length - 1;

describe('the report of a large budget', () => {
  it('stays a few megabytes for 200 000 lines and says where the full list is', () => {
    const input = largeReportInput(200_000);
    const html = renderReportHtml(input);
    const sizeMb = Buffer.byteLength(html) / 1e6;
    const chapters = input.summary.byChapter.length;

    expect(sizeMb).toBeLessThan(5);
    expect(annexRows(html)).toBe(LINES_ANNEX_SELECTION);
    expect(html).toContain('Ce budget compte 200\u202f000 lignes de détail');
    expect(html).toContain(
      'la liste complète, avec la cellule de chaque montant, est dans les exports XLSX, CSV et Arrow (budget-clair export --format xlsx, csv ou arrow)',
    );
    expect(
      html.match(/<table class="data chapters">[\s\S]*?<\/table>/)![0].match(/<tr/g)!.length,
    ).toBeGreaterThan(chapters);
  }, 120_000);

  it('lists the flagged lines among the selection', () => {
    const input = largeReportInput(LINES_ANNEX_MAX + 1);
    const html = renderReportHtml(input);
    const annex = annexOf(html);
    expect(annexRows(html)).toBe(LINES_ANNEX_SELECTION);
    for (const flag of input.flags) expect(annex).toContain(`<td class="num">${flag.row}</td>`);
  });

  it('lists every line of a budget at the threshold, with no note', () => {
    const html = renderReportHtml(largeReportInput(LINES_ANNEX_MAX));
    expect(annexRows(html)).toBe(LINES_ANNEX_MAX);
    expect(html).not.toContain('Ce budget compte');
  });

  it('shows the selection of a 60 000-line budget and says how many lines are left out', () => {
    const html = renderReportHtml(largeReportInput(60_000)).replace(/[\u00a0\u202f]/g, ' ');
    const left = 60_000 - LINES_ANNEX_SELECTION;
    expect(annexRows(html)).toBe(LINES_ANNEX_SELECTION);
    expect(html).toContain(`Ce budget compte 60 000 lignes de détail`);
    expect(html).toContain(
      `${left.toLocaleString('fr-FR').replace(/\s/g, ' ')} lignes n’y figurent pas`,
    );
    expect(html).toContain('budget-clair export --format xlsx, csv ou arrow');
  }, 60_000);

  it('prints the PDF of a 20 000-line budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-clair-large-pdf-'));
    try {
      const pdf = join(dir, 'rapport.pdf');
      await exportBudget('pdf', largeReportInput(20_000), pdf);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain('lignes n’y figurent pas');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
