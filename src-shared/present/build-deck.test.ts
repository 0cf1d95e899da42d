import { describe, expect, it } from 'vitest';
import { smallReportInput } from '../../tests/report-fixture';
import type { Flag } from '../model';
import { buildDeck, isFinding, MAX_BARS, type Slide } from './build-deck';
import { deckCatalogues } from './deck-words';

const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function deckOf(
  lang: 'fr' | 'en' = 'fr',
  change?: (i: ReturnType<typeof smallReportInput>) => void,
) {
  const input = smallReportInput(lang);
  change?.(input);
  return buildDeck({ budget: input.budget, summary: input.summary, flags: input.flags, lang });
}

const slide = (deck: Slide[], id: Slide['id']) => deck.find((s) => s.id === id)!;

describe('buildDeck', () => {
  it('lists the slides of a town meeting in order, each with a stable id', () => {
    expect(deckOf().map((s) => s.id)).toEqual([
      'title',
      'expenditure-total',
      'revenue-total',
      'revenue-sources',
      'expenditure-uses',
      'sections',
      'largest-chapters',
      'gaps',
      'flags',
      'questions',
    ]);
  });

  it('says each total in one sentence per 100 francs, with the stage’s own verb', () => {
    const deck = deckOf('fr', (input) => {
      input.budget.executedStage = { revenue: 'collected', expenditure: 'ordered' };
    });
    expect(slide(deck, 'expenditure-total').sentence).toBe(
      'Sur 100 francs prévus, 56 ont été dépensés.',
    );
    expect(slide(deck, 'revenue-total').sentence).toBe(
      'Sur 100 francs prévus, 62 ont été recouvrés.',
    );
  });

  it('says "émis" and warns when revenue is counted at the assessed stage', () => {
    const revenue = slide(deckOf(), 'revenue-total');
    expect(revenue.sentence).toBe('Sur 100 francs prévus, 62 ont été émis.');
    expect(revenue.note).toContain('pas encore toutes encaissées');
    expect(revenue.legend?.executed).toBe('Émis');
  });

  it('writes amounts in French format with spaces between thousands and GNF', () => {
    const expenditure = slide(deckOf(), 'expenditure-total');
    expect(plain(expenditure.items?.[1])).toBe('Dépensé : 441 948 500 GNF');
    expect(plain(expenditure.bars?.[0]?.executedText)).toBe('441 948 500 GNF');
    expect(expenditure.bars?.[0]?.executedMinor).toBe(441_948_500);
  });

  it('gives the executed amount per resident when the population is known', () => {
    expect(plain(slide(deckOf(), 'expenditure-total').note)).toBe('Soit 9 112 GNF par habitant.');
    const unknown = deckOf('fr', (input) => {
      input.budget.population = null;
    });
    expect(slide(unknown, 'expenditure-total').note).toBeUndefined();
  });

  it('shows where the money came from by revenue chapter, largest forecast first', () => {
    const sources = slide(deckOf(), 'revenue-sources');
    expect(sources.bars?.map((b) => b.label)).toEqual([
      '13 Subventions d’investissement',
      '70 Impôts et taxes',
      '74 Dotations de l’État',
    ]);
    expect(sources.bars?.[0]?.ratePercent).toBeCloseTo(38.89, 2);
    expect(plain(sources.bars?.[0]?.rateText)).toBe('39 %');
  });

  it('sums the chapters past the sixth into one bar so that a slide stays readable', () => {
    const deck = deckOf('fr', (input) => {
      const base = input.summary.byChapter.find((g) => g.direction === 'expenditure')!;
      for (let i = 0; i < 8; i += 1) {
        input.summary.byChapter.push({ ...base, key: `x${i}`, chapter: `9${i}`, label: `C${i}`, basisMinor: 1000 + i, executedMinor: 500 });
      } // prettier-ignore
    });
    const uses = slide(deck, 'expenditure-uses');
    expect(uses.bars).toHaveLength(MAX_BARS);
    expect(uses.bars?.at(-1)?.label).toMatch(/^Autres \(\d+ chapitres\)$/);
  });

  it('names the biggest gaps with how much less or more than planned', () => {
    const gaps = slide(deckOf(), 'gaps');
    expect(plain(gaps.items?.[0])).toBe(
      '13 Subventions d’investissement : 330 000 000 GNF de moins que prévu.',
    );
    expect(gaps.bars?.length).toBeLessThanOrEqual(5);
  });

  it('carries the commune’s explanations of flags and counts those still waiting', () => {
    const flags = slide(deckOf(), 'flags');
    expect(flags.sentence).toBe('5 points relevés, dont un expliqué par la commune.');
    expect(flags.items).toHaveLength(1);
    expect(flags.items?.[0]).toContain('La commune explique : Nouveau marché hebdomadaire');
    expect(flags.note).toBe('4 autres points attendent encore une explication.');
  });

  it('leaves out flags that were confirmed or dismissed rather than explained', () => {
    const deck = deckOf('fr', (input) => {
      for (const f of input.flags) if (f.review) f.review.status = 'dismissed';
    });
    expect(slide(deck, 'flags').items).toEqual([]);
  });

  it('closes with questions about the least executed spending', () => {
    const questions = slide(deckOf(), 'questions');
    expect(questions.sentence).toBe(
      'Budget : Commune urbaine de Foulayah (fictive). Qu’aimeriez-vous demander ?',
    );
    expect(questions.items?.[0]).toContain('Immobilisations corporelles');
  });

  it('keeps a side with no lines as a hidden slide, so saved orders stay valid', () => {
    const deck = deckOf('fr', (input) => {
      input.summary.byChapter = input.summary.byChapter.filter((g) => g.direction !== 'revenue');
    });
    expect(slide(deck, 'revenue-sources').hidden).toBe(true);
    expect(slide(deck, 'expenditure-uses').hidden).toBeUndefined();
  });

  it('speaks English when asked, with the same slides', () => {
    const deck = deckOf('en');
    expect(deck).toHaveLength(10);
    expect(slide(deck, 'expenditure-total').sentence).toBe(
      'Of every 100 francs planned, 56 were spent.',
    );
    expect(slide(deck, 'expenditure-total').items?.[1]).toBe('Spent: GNF 441,948,500');
  });

  it('is data only: the deck survives a JSON round trip unchanged', () => {
    const deck = deckOf();
    expect(JSON.parse(JSON.stringify(deck))).toEqual(deck);
  });
});

describe('the deck’s words', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('have the same keys and placeholders in French and English', () => {
    const { fr, en } = deckCatalogues;
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(fr[key])]);
    }
  });

  const benfordNote = (rule: string, base: Flag): Flag => ({
    ...base,
    id: (base.id ?? 0) + 1000,
    rule,
    severity: 'info',
    lineId: null,
    code: null,
    label: null,
    sheet: null,
    row: null,
    cells: [],
    message: 'Test de Benford : 18 montants, moins de 300 ; aucun constat.',
    values: { sampleSize: 18, mad: 0, verdict: 'sample-too-small', minSample: 300 },
    review: null,
  });

  it('counts only findings, not the Benford notes that could not conclude', () => {
    const deck = deckOf('fr', (input) => {
      const base = input.flags[0]!;
      input.flags.push(benfordNote('benford-first-digit', base));
      input.flags.push(benfordNote('benford-first-two-digits', base));
    });
    expect(slide(deck, 'flags').sentence).toBe(
      '5 points relevés, dont un expliqué par la commune.',
    );
    expect(slide(deck, 'flags').note).toBe('4 autres points attendent encore une explication.');
  });

  it('keeps a Benford result that did conclude as a finding', () => {
    const base = smallReportInput().flags[0]!;
    const marginal = benfordNote('benford-first-digit', base);
    marginal.values = { ...marginal.values, verdict: 'marginal' };
    expect(isFinding(marginal)).toBe(true);
    expect(isFinding(benfordNote('benford-first-digit', base))).toBe(false);
  });

  it.each([
    ['fr', 1, 0, 'Un point relevé, pas encore expliqué par la commune.', undefined],
    ['fr', 1, 1, 'Un point relevé, expliqué par la commune.', undefined],
    ['fr', 2, 0, '2 points relevés, aucun encore expliqué par la commune.', undefined],
    ['fr', 2, 2, '2 points relevés, dont 2 expliqués par la commune.', undefined],
    [
      'fr',
      2,
      1,
      '2 points relevés, dont un expliqué par la commune.',
      'Un autre point attend encore une explication.',
    ],
    ['en', 1, 0, 'One point found, not yet explained by the commune.', undefined],
    [
      'en',
      2,
      1,
      '2 points found, one of them explained by the commune.',
      'One other point still awaits an explanation.',
    ],
  ] as const)(
    'writes real plurals (%s, %i points, %i explained)',
    (lang, n, explained, sentence, note) => {
      const deck = deckOf(lang, (input) => {
        input.flags = input.flags.slice(0, n).map((f, i) => ({
          ...f,
          review:
            i < explained
              ? {
                  status: 'explained',
                  note: 'Raison.',
                  reviewer: 'R',
                  at: '2025-03-10T09:00:00.000Z',
                }
              : null,
        }));
      });
      expect(slide(deck, 'flags').sentence).toBe(sentence);
      expect(slide(deck, 'flags').note).toBe(note);
    },
  );
});
