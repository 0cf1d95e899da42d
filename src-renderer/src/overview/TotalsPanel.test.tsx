import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetInfo } from '../../../src-shared/model';
import { LanguageProvider } from '../shell/language';
import { TotalsPanel } from './TotalsPanel';

const budget: BudgetInfo = {
  id: 1,
  entity: 'Commune fictive',
  fiscalYear: 2019,
  currency: 'GNF',
  currencyExponent: 0,
  version: 'compte-administratif',
  executedStage: { revenue: 'assessed', expenditure: 'ordered' },
  sourceFile: 'ca.xlsx',
  sourceSha256: 'x',
  importedAt: '2026-01-01T00:00:00Z',
  lineCount: 1,
  population: null,
};

const totals = {
  planned: 60_000_000_000,
  revised: 65_000_000_000,
  executed: 52_393_467_652,
  committed: null,
  paid: null,
  collected: null,
};

afterEach(cleanup);

describe('TotalsPanel', () => {
  it('shows the key figures in French format and the rate as a sentence', () => {
    render(
      <LanguageProvider initial="fr">
        <TotalsPanel direction="revenue" totals={totals} ratePercent={80.6} budget={budget} />
      </LanguageProvider>,
    );
    const executed = screen.getByText((text) => text.replace(/\s/g, ' ') === '52 393 467 652 GNF');
    expect(executed.tagName).toBe('DD');
    expect(screen.getByText('Sur 100 francs prévus, 81 ont été exécutés.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recettes' })).toBeTruthy();
  });

  it('shows a dash and no sentence when the rate is undefined', () => {
    render(
      <LanguageProvider initial="en">
        <TotalsPanel
          direction="expenditure"
          totals={{ ...totals, revised: 0 }}
          ratePercent={null}
          budget={budget}
        />
      </LanguageProvider>,
    );
    expect(screen.getByText('—')).toBeTruthy();
    expect(screen.queryByText(/Out of 100 francs/)).toBeNull();
  });

  it.each([
    ['XOF', 'fr', 'Sur 100 francs prévus, 81 ont été exécutés.'],
    ['XAF', 'fr', 'Sur 100 francs prévus, 81 ont été exécutés.'],
    ['USD', 'fr', 'Sur 100 USD prévus, 81 ont été exécutés.'],
    ['EUR', 'en', 'Out of 100 EUR planned, 81 were executed.'],
  ] as const)('names %s in the sentence (%s)', (currency, lang, sentence) => {
    render(
      <LanguageProvider initial={lang}>
        <TotalsPanel
          direction="revenue"
          totals={totals}
          ratePercent={80.6}
          budget={{ ...budget, currency }}
        />
      </LanguageProvider>,
    );
    expect(screen.getByText(sentence)).toBeTruthy();
  });

  it('says there are no execution figures rather than 0 % when the side has none', () => {
    render(
      <LanguageProvider initial="fr">
        <TotalsPanel
          direction="revenue"
          totals={{ ...totals, executed: null }}
          ratePercent={0}
          budget={budget}
        />
      </LanguageProvider>,
    );
    expect(screen.getAllByText('—')).toHaveLength(2);
    expect(screen.queryByText(/0\s?%/)).toBeNull();
    expect(screen.getByText(/Pas de données d’exécution/)).toBeTruthy();
    expect(screen.queryByText(/Sur 100/)).toBeNull();
  });
});
