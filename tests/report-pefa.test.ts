import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computePefa, type PefaInputYear } from '../src-shared/analysis/pefa';
import { exportBudget } from '../src-main/report/export-budget';
import { renderReportHtml } from '../src-main/report/report-html';
import type { ReportInput } from '../src-main/report/report-input';
import { smallReportInput } from './report-fixture';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The fixture's budget repeated over `years`, its outturn scaled a little each year. */
function withPefa(years: number[], lang: ReportInput['lang'] = 'fr'): ReportInput {
  const input = smallReportInput(lang);
  const history: PefaInputYear[] = years.map((fiscalYear, i) => ({
    fiscalYear,
    budget: { ...input.budget, fiscalYear },
    lines: input.lines.map((line) => ({
      ...line,
      amounts: Object.fromEntries(
        Object.entries(line.amounts).map(([phase, v]) => [
          phase,
          phase === 'original' || phase === 'revised' ? v : Math.round(v * (1 + i / 10)),
        ]),
      ),
    })),
  }));
  return { ...input, pefa: computePefa(history, { lang }) };
}

describe('the PEFA section of the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-clair-pefa-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is left out when the input carries no PEFA results', () => {
    expect(renderReportHtml(smallReportInput('fr'))).not.toContain('Fiabilité du budget (PEFA)');
  });

  it('gives each indicator’s yearly figures, its grade and its explanation over three years', () => {
    const input = withPefa([2022, 2023, 2024]);
    const html = plain(renderReportHtml(input));
    expect(html).toContain('<h2>Fiabilité du budget (PEFA)</h2>');
    expect(html).toContain('sur les exercices 2022, 2023, 2024');
    const pi1 = input.pefa!.indicators[0]!;
    expect(pi1.grade).not.toBeNull();
    expect(html).toContain(`<td class="grade"><strong>${pi1.grade}</strong></td>`);
    for (const year of pi1.dimensions[0]!.years) {
      const shown = plain(new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 }).format(year.valuePercent! / 100)); // prettier-ignore
      expect(html).toContain(`<td class="num">${shown}</td>`);
    }
    expect(html).toContain('PI-2.3');
    expect(html).not.toContain('Moins de trois exercices clos');
  });

  it('says plainly that no grade is given with fewer than three years, figures kept', () => {
    const html = plain(renderReportHtml(withPefa([2023, 2024])));
    expect(html).toContain('Moins de trois exercices clos : les ratios sont donnés');
    expect(html).toContain('<td class="grade none">pas de note</td>');
    expect(html).not.toContain('<td class="grade"><strong>');
    expect(html).toMatch(/<td class="num">\d+,?\d* %<\/td>/);
  });

  it('prints in the PDF report, grades and explanations included', async () => {
    const pdf = join(dir, 'rapport.pdf');
    await exportBudget('pdf', withPefa([2023, 2024]), pdf);
    const text = plain(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Fiabilité du budget (PEFA)');
    expect(text).toContain('PI-1 Dépenses effectives totales');
    expect(text).toContain('pas de note');
    expect(text).toContain('il en faut trois pour noter');
  });

  it('is written in English when the report is', () => {
    const html = renderReportHtml(withPefa([2022, 2023, 2024], 'en'));
    expect(html).toContain('Budget reliability (PEFA)');
    expect(html).toContain('PI-3 Revenue outturn');
  });
});
