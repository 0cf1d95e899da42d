import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBudget } from '../src-main/report/export-budget';
import { renderCitizenHtml } from '../src-main/report/citizen-html';
import { renderSlidesHtml } from '../src-main/report/slides-html';
import { HOSTILE_MARKUP, smallReportInput } from './report-fixture';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pagesOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);
const textOf = (pdf: string) =>
  plain(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');

describe('the slides and the citizen budget as PDF', () => {
  const input = smallReportInput('fr');
  const dir = mkdtempSync(join(tmpdir(), 'budget-clair-slides-'));
  const slides = join(dir, 'diaporama.pdf');
  const citizen = join(dir, 'budget-citoyen.pdf');

  beforeAll(async () => {
    await exportBudget('slides', input, slides);
    await exportBudget('citizen', input, citizen);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one 16:9 page per visible slide, 1920×1080 px', () => {
    expect(pagesOf(slides)).toBe(10);
    // 1920 px at 96 px an inch is 1440 pt.
    expect(info(slides)).toMatch(/Page size:\s+1440 x 810 pts/);
  });

  it('says the totals in one sentence each and numbers the slides', () => {
    const text = textOf(slides);
    expect(text).toContain('Sur 100 francs prévus, 56 ont été dépensés.');
    expect(text).toContain('Sur 100 francs prévus, 62 ont été émis.');
    expect(text).toContain('Dépensé : 441 948 500 GNF');
    expect(text).toContain('La commune explique : Nouveau marché hebdomadaire');
    expect(text).toContain('10 / 10');
  });

  it('labels every bar with a word and a figure, not only a colour', () => {
    const text = textOf(slides);
    expect(text).toMatch(/Prévu 540 M GNF/);
    expect(text).toMatch(/Émis 210 M GNF · 39 %/);
  });

  it('keeps body text at 32 px or more on the slides', () => {
    const html = renderSlidesHtml(input);
    const sizes = [...html.matchAll(/font-size:\s*(\d+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(32);
  });

  it('leaves hidden slides out of the deck', () => {
    const noRevenue = smallReportInput('fr');
    noRevenue.summary.byChapter = noRevenue.summary.byChapter.filter(
      (g) => g.direction !== 'revenue',
    );
    const html = renderSlidesHtml(noRevenue);
    expect(html).not.toContain('id="slide-revenue-sources"');
    expect(html.match(/<section class="slide/g)).toHaveLength(9);
  });

  it('fits the citizen budget on one or two A4 pages with the per-resident figure', () => {
    const pages = pagesOf(citizen);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(info(citizen)).toMatch(/\(A4\)/);
    const text = textOf(citizen);
    expect(text).toContain('Commune urbaine de Foulayah (fictive) : le budget en clair');
    expect(text).toContain('Soit 9 112 GNF par habitant.');
    expect(text).toContain('D’où vient l’argent');
    expect(text).toContain('Où va l’argent');
    expect(text).toContain('Construction du marché de Tabili : 30 % réalisé');
  });

  it('escapes spreadsheet markup in both documents', () => {
    for (const html of [renderSlidesHtml(input), renderCitizenHtml(input)]) {
      expect(html).not.toContain(HOSTILE_MARKUP);
      expect(html).not.toMatch(/<script|<link|<img/i);
    }
  });

  it('renders every page of both to a picture', () => {
    execFileSync('pdftoppm', ['-r', '20', '-png', slides, join(dir, 'slide')]);
    execFileSync('pdftoppm', ['-r', '20', '-png', citizen, join(dir, 'citizen')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBe(10 + pagesOf(citizen));
  });
});
