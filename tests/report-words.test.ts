import { describe, expect, it } from 'vitest';
import { RULES } from '../src-shared/analysis/rules/registry';
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
