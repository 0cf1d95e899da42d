import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBudget } from '../src-main/report/export-budget';
import { LINES_ANNEX_MAX, LINES_ANNEX_SELECTION } from '../src-main/report/lines-annex';
import { renderReportHtml } from '../src-main/report/report-html';
import { CHAPTER_TABLE_MAX, FLAG_TABLE_MAX } from '../src-main/report/report-tables';
import { largeReportInput } from './report-fixture';

const annexOf = (html: string) => {
  const annex = html.slice(html.indexOf('<table class="data lines">'));
  return annex.slice(0, annex.indexOf('</table>'));
};
const annexRows = (html: string) => annexOf(html).match(/<tr>/g)!.length - 1;
const flagRows = (html: string) =>
  html.match(/<table class="data flags">[\s\S]*?<\/table>/)![0].match(/<tr>/g)!.length - 1;

/** A large budget whose flags are many, as a register of payments raises them. */
function manyFlags(lines: number, flags: number) {
  const input = largeReportInput(lines);
  const seed = input.flags[0]!;
  const severities = ['info', 'warning', 'error'] as const;
  input.flags = Array.from({ length: flags }, (_, i) => ({
    ...seed,
    id: i + 1,
    severity: severities[i % 3]!,
  }));
  return input;
}

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

  it('lists the first flags by severity, errors first, and says how many are left out', () => {
    const html = renderReportHtml(manyFlags(2_000, 3_000)).replace(/[\u00a0\u202f]/g, ' ');
    expect(flagRows(html)).toBe(FLAG_TABLE_MAX);
    expect(html).toContain('Ce budget porte 3 000 alertes : ce tableau en montre 1 000');
    expect(html).toContain('2 000 n’y figurent pas');
    const table = html.match(/<table class="data flags">[\s\S]*?<\/table>/)![0];
    expect(table).not.toContain('severity info');
    expect(renderReportHtml(manyFlags(2_000, FLAG_TABLE_MAX))).not.toContain('Ce budget porte');
  });

  it('lists the largest chapters of a budget coded line by line, in order, and says so', () => {
    const input = largeReportInput(2_000);
    const first = input.summary.byChapter[0]!;
    // 5 000 chapters of one section, the forecast growing with the code.
    input.summary.byChapter = Array.from({ length: 5_000 }, (_, i) => ({
      ...first,
      key: `c${i}`,
      chapter: String(100_000 + i),
      label: `Chapitre ${i}`,
      basisMinor: (i + 1) * 1_000,
      executedMinor: (i + 1) * 900,
    }));
    const html = renderReportHtml(input).replace(/[\u00a0\u202f]/g, ' ');
    const table = html.match(/<table class="data chapters">[\s\S]*?<\/table>/)![0];
    const codes = [...table.matchAll(/<td[^>]*>(1\d{5})<\/td>/g)].map((hit) => Number(hit[1]));
    expect(codes).toHaveLength(CHAPTER_TABLE_MAX);
    expect(codes[0]).toBe(100_000 + 5_000 - CHAPTER_TABLE_MAX);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(html).toContain(
      'Ce budget compte 5 000 chapitres : ce tableau montre les 600 plus gros',
    );
  });

  it('prints the PDF of a 20 000-line budget with 12 000 flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-clair-large-pdf-'));
    try {
      const pdf = join(dir, 'rapport.pdf');
      await exportBudget('pdf', manyFlags(20_000, 12_000), pdf);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain('lignes n’y figurent pas');
      expect(text.replace(/\s+/g, ' ')).toContain('alertes : ce tableau en montre');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
