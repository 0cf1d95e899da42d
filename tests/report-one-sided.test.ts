import { describe, expect, it } from 'vitest';
import { summarise } from '../src-shared/analysis/summarise';
import type { Direction } from '../src-shared/model';
import { buildDeck } from '../src-shared/present/build-deck';
import { renderCitizenHtml } from '../src-main/report/citizen-html';
import { renderReportHtml } from '../src-main/report/report-html';
import type { ReportInput } from '../src-main/report/report-input';
import { smallReportInput } from './report-fixture';

/** The small commune budget cut down to the lines (and flags) of one side. */
function oneSided(direction: Direction, lang: ReportInput['lang']): ReportInput {
  const input = smallReportInput(lang);
  const lines = input.lines.filter((l) => l.direction === direction);
  const ids = new Set(lines.map((l) => l.id));
  const flags = input.flags.filter((f) => f.lineId !== null && ids.has(f.lineId));
  const budget = { ...input.budget, lineCount: lines.filter((l) => l.kind === 'line').length };
  const summary = summarise(budget, lines, { basis: 'revised', flags });
  return { ...input, budget, lines, flags, summary };
}

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const deckOf = (input: ReportInput) =>
  buildDeck({ budget: input.budget, summary: input.summary, flags: input.flags, lang: input.lang });

describe('the reports of a budget with only one side', () => {
  it.each([
    ['revenue', 'fr', 'Ce fichier ne contient que des recettes, aucune ligne de dépense'],
    ['expenditure', 'fr', 'Ce fichier ne contient que des dépenses, aucune ligne de recette'],
    ['revenue', 'en', 'This file holds only revenue, with no expenditure line'],
    ['expenditure', 'en', 'This file holds only expenditure, with no revenue line'],
  ] as const)('a %s-only report (%s) says so and shows no balance', (direction, lang, said) => {
    const input = oneSided(direction, lang);
    const html = plain(renderReportHtml(input));
    expect(html).toContain(said);
    expect(html).not.toMatch(/dépassent les|exceeds executed|sont égales|are equal/);
    expect(html).not.toContain('class="figure balance"');
    expect(html).not.toMatch(/Solde d’exécution|Execution balance/);
    expect(html).not.toMatch(/Aucune prévision de|No (revenue|expenditure) forecast/);
  });

  it('keeps the balance of a budget with both sides', () => {
    const html = plain(renderReportHtml(smallReportInput('fr')));
    expect(html).toContain('class="figure balance"');
    expect(html).toMatch(/Les (recettes|dépenses) exécutées dépassent/);
    expect(html).not.toContain('ne contient que');
  });

  it('gives the per-resident figure of the one side only', () => {
    const html = plain(renderReportHtml(oneSided('revenue', 'fr')));
    expect(html).toMatch(/Par habitant : [\d ]+ GNF de recettes exécutées\./);
    expect(html).not.toContain('de dépenses exécutées');
  });

  it.each([
    ['revenue', 'fr', 'Ce fichier ne contient que des recettes, aucune dépense.'],
    ['expenditure', 'fr', 'Ce fichier ne contient que des dépenses, aucune recette.'],
    ['revenue', 'en', 'This file holds only revenue, no expenditure.'],
    ['expenditure', 'en', 'This file holds only expenditure, no revenue.'],
  ] as const)('the %s-only deck and citizen budget (%s) say so', (direction, lang, said) => {
    const input = oneSided(direction, lang);
    const deck = deckOf(input);
    expect(deck.find((s) => s.id === 'title')!.sentence).toContain(said);
    const other = direction === 'revenue' ? 'expenditure-total' : 'revenue-total';
    expect(deck.find((s) => s.id === other)!.hidden).toBe(true);
    expect(renderCitizenHtml(input)).toContain(said);
  });

  it('says nothing of one side on the deck of a budget with both', () => {
    const title = deckOf(smallReportInput('fr')).find((s) => s.id === 'title')!;
    expect(title.sentence).toBe('Budget 2024 : ce qui était prévu, ce qui a été fait.');
  });
});
