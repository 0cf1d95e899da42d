import { describe, expect, it } from 'vitest';
import { RULES } from '../src-shared/analysis/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../src-shared/analysis/rules/settings';
import type { Flag } from '../src-shared/model';
import { renderReportHtml } from '../src-main/report/report-html';
import type { ReportInput } from '../src-main/report/report-input';
import { smallReportInput } from './report-fixture';

const flagsSection = (html: string) => {
  const start = html.indexOf('<table class="data flags">');
  return html.slice(start, html.indexOf('</table>', start));
};

function withRules(lang: ReportInput['lang'], rules: [string, Flag['severity']][]): ReportInput {
  const input = smallReportInput(lang);
  const model = input.flags[0]!;
  input.flags = rules.map(([rule, severity], i) => ({ ...model, id: 100 + i, rule, severity }));
  return input;
}

const titleOf = (id: string) => RULES.find((r) => r.id === id)!.title;

describe('the words of the flags table', () => {
  const rules: [string, Flag['severity']][] = [
    ['revenue-shortfall', 'error'],
    ['benford-first-digit', 'warning'],
    ['over-execution', 'info'],
  ];

  it.each(['fr', 'en'] as const)('names each rule by its title in %s, never by its id', (lang) => {
    const table = flagsSection(renderReportHtml(withRules(lang, rules)));
    for (const [id] of rules) {
      expect(table).toContain(titleOf(id)[lang]);
      expect(table).not.toContain(`>${id}<`);
    }
  });

  it('gives the severity in the words the command line and the workbench use', () => {
    const fr = flagsSection(renderReportHtml(withRules('fr', rules)));
    const en = flagsSection(renderReportHtml(withRules('en', rules)));
    expect(fr).toMatch(/>Erreur<[\s\S]*>Attention<[\s\S]*>Information</);
    expect(en).toMatch(/>Error<[\s\S]*>Warning<[\s\S]*>Information</);
  });
});

describe('the methods annex', () => {
  const annexOf = (input: ReportInput) => {
    const html = renderReportHtml(input);
    return html.slice(
      html.indexOf('<table class="data settings">'),
      html.indexOf('</section>', html.indexOf('<table class="data settings">')),
    );
  };

  it('names the rule settings in words with their units, never by their keys', () => {
    const input = smallReportInput('fr');
    input.settings = { ...DEFAULT_RULE_SETTINGS, hash: '0123456789abcdef' };
    const annex = annexOf(input);
    expect(annex).toContain(
      '<td>Seuil d’exécution faible</td><td><span class="num">50\u00a0%</span>',
    );
    expect(annex).toContain('prévisions définitives');
    expect(annex).toContain('0,5\u00a0point(s)');
    expect(annex).toContain('1\u202f000\u202f000\u00a0GNF');
    expect(annex).toContain('0,006 · 0,012 · 0,015');
    for (const key of Object.keys(DEFAULT_RULE_SETTINGS)) expect(annex).not.toContain(key);
    expect(annex).not.toContain('&quot;revised&quot;');
  });

  it('shows a mapping template as a table of fields and columns, not as JSON', () => {
    const input = smallReportInput('en');
    input.sources[0]!.mapping = {
      version: 1,
      decimalMark: ',',
      all: { headerRows: [1, 2], fields: { code: ['Chap.', 'Art.'], planned: 'Prévisions BP' } },
      sheets: { DÉPENSES: { direction: 'expenditure', fields: { ordered: 'Mandats émis' } } },
    };
    const annex = annexOf(input);
    expect(annex).toContain('<td>All sheets</td><td>Code</td><td>Chap. + Art.</td>');
    expect(annex).toContain('<td>All sheets</td><td>Original budget</td><td>Prévisions BP</td>');
    expect(annex).toContain('<td>All sheets</td><td>Header rows</td><td>1, 2</td>');
    expect(annex).toContain('<td>DÉPENSES</td><td>Payment ordered</td><td>Mandats émis</td>');
    expect(annex).not.toMatch(/[{}]|&quot;|decimalMark|headerRows/);
  });
});

describe('the plain-words summary', () => {
  it.each([
    ['GNF', 'fr', 'Sur 100 francs prévus en dépenses'],
    ['XOF', 'en', 'Of every 100 francs planned for spending'],
    ['USD', 'fr', 'Sur 100 USD prévus en dépenses'],
    ['XXX', 'fr', 'Sur 100 XXX prévus en dépenses'],
    ['EUR', 'en', 'Of every 100 EUR planned for spending'],
  ] as const)('counts %s in its own unit (%s)', (currency, lang, sentence) => {
    const input = smallReportInput(lang);
    input.budget = { ...input.budget, currency };
    const html = renderReportHtml(input);
    expect(html).toContain(sentence);
    if (currency !== 'GNF' && currency !== 'XOF') expect(html).not.toContain('100 francs');
  });
});
