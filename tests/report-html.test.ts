import { describe, expect, it } from 'vitest';
import { catalogues } from '../src-main/report/messages';
import { renderReportHtml, REPORT_CSP } from '../src-main/report/report-html';
import { HOSTILE_BIDI, HOSTILE_FORMULA, HOSTILE_MARKUP, smallReportInput } from './report-fixture';
import { expectGolden } from './report-golden';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the HTML report', () => {
  const html = renderReportHtml(smallReportInput('fr'));

  it('matches its golden file exactly', () => {
    expectGolden('report-fr.html', html);
  });

  it('declares a policy that forbids every load but inline styles and data: fonts and images', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain('font-src data:');
    expect(REPORT_CSP).toContain('img-src data:');
  });

  it('makes no request of its own: no script, no external link, fonts inline', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(?!data:)[a-z]+:/i);
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url.startsWith('data:font/woff2;base64,')).toBe(true);
  });

  it('shows spreadsheet markup as text and never as an element', () => {
    expect(html).not.toContain(HOSTILE_MARKUP);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(HOSTILE_FORMULA.replace(/"/g, '&quot;'));
  });

  it('makes a right-to-left override visible instead of letting it reorder the text', () => {
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(html).toContain('Marché ⟨U+202E⟩etnev⟨U+202C⟩ de Tabili');
    expect(HOSTILE_BIDI).toContain('\u202E');
  });

  it('opens with the cover, then says in plain words how much of each 100 francs was executed', () => {
    const cover = html.indexOf('class="cover"');
    expect(cover).toBeGreaterThan(0);
    expect(html).toContain('Commune urbaine de Foulayah (fictive)');
    expect(html).toContain('Sur 100 francs prévus en dépenses, 56 ont été mandatés.');
    expect(html).toContain('Sur 100 francs prévus en recettes, 62 ont été émis.');
    expect(html).toContain('Compte administratif');
    expect(html).toContain('15 mars 2025');
  });

  it('holds the three charts as inline SVG', () => {
    expect(html.match(/<svg /g)?.length).toBe(3);
  });

  it('is written in English when asked, with the same sections', () => {
    const english = renderReportHtml(smallReportInput('en'));
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(
      'Of every 100 francs planned for spending, 56 were ordered for payment.',
    );
    expect(english).toContain('Annex: methods and provenance');
    expect(english.match(/<section/g)?.length).toBe(html.match(/<section/g)?.length);
  });
});

describe('the report catalogue', () => {
  it('has the same keys and the same placeholders in French and English', () => {
    const { fr, en } = catalogues;
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(fr[key])]);
    }
  });
});
