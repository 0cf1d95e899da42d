import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Flag } from '../../../src-shared/model';
import { LanguageProvider } from '../shell/language';
import { FlagsList } from './FlagsView';

const flag = (over: Partial<Flag>): Flag => ({
  rule: 'over-execution',
  severity: 'warning',
  lineId: 1,
  code: '622',
  label: 'Carburant',
  sheet: 'DEPENSES',
  row: 18,
  cells: ['F18', 'D18'],
  message: 'Mandaté au-delà des crédits.',
  values: {},
  review: null,
  ...over,
});

afterEach(cleanup);

describe('FlagsList', () => {
  it('shows each severity as a word beside its icon, worst first', () => {
    render(
      <LanguageProvider initial="fr">
        <FlagsList
          flags={[flag({ severity: 'info', id: 1 }), flag({ severity: 'error', id: 2 })]}
        />
      </LanguageProvider>,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Erreur')).toBeTruthy();
    expect(within(rows[1]!).getByText('Information')).toBeTruthy();
    expect(rows[0]!.querySelector('svg')).not.toBeNull();
  });

  it('names the rule in the chosen language and gives the sheet and row', () => {
    render(
      <LanguageProvider initial="en">
        <FlagsList flags={[flag({})]} />
      </LanguageProvider>,
    );
    expect(screen.getByText('Spending above the revised forecast')).toBeTruthy();
    expect(screen.getByText('Sheet DEPENSES, row 18')).toBeTruthy();
  });

  it('spells out a direction override in a label instead of obeying it', () => {
    render(
      <LanguageProvider initial="fr">
        <FlagsList flags={[flag({ label: '\u202Etnemyap <b>x</b>' })]} />
      </LanguageProvider>,
    );
    expect(screen.getByText('⟨U+202E⟩tnemyap <b>x</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
  });

  it('says so when there is no flag', () => {
    render(
      <LanguageProvider initial="fr">
        <FlagsList flags={[]} />
      </LanguageProvider>,
    );
    expect(screen.getByText('Aucune alerte.')).toBeTruthy();
  });
});
