import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Flag, ReviewStatus } from '../../../src-shared/model';
import { LanguageProvider } from '../shell/language';
import { FlagsPanel, type ReviewFn } from './FlagsView';

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

/** A review that answers as the services do: the flag with its review attached. */
const reviews: { id?: number; status: ReviewStatus; note: string; reviewer: string }[] = [];
const review: ReviewFn = (f, status, note, reviewer) => {
  reviews.push({ id: f.id, status, note, reviewer });
  return Promise.resolve({ ...f, review: { status, note, reviewer, at: '2026-01-01T00:00:00Z' } });
};

const panel = (flags: Flag[], lang: 'fr' | 'en' = 'fr') =>
  render(
    <LanguageProvider initial={lang}>
      <FlagsPanel flags={flags} onReview={review} />
    </LanguageProvider>,
  );

afterEach(() => {
  cleanup();
  reviews.length = 0;
  window.localStorage.clear();
});

describe('FlagsPanel', () => {
  it('groups by severity, worst first, each with its word and icon', () => {
    panel([flag({ severity: 'info', id: 1 }), flag({ severity: 'error', id: 2 })]);
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings[0]?.textContent).toContain('Erreur');
    expect(headings[1]?.textContent).toContain('Information');
    expect(headings[0]?.querySelector('svg')).not.toBeNull();
  });

  it('names the rule in the chosen language and gives the sheet, row and cells', () => {
    panel([flag({ id: 1 })], 'en');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
      'Spending above the revised forecast',
    );
    expect(screen.getByText(/Sheet DEPENSES, row 18 · F18, D18/)).toBeTruthy();
  });

  it('spells out a direction override in a label instead of obeying it', () => {
    panel([flag({ id: 1, label: '\u202Etnemyap <b>x</b>' })]);
    expect(screen.getByText('⟨U+202E⟩tnemyap <b>x</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
  });

  it('asks for the reviewer name before a key sets a status', async () => {
    panel([flag({ id: 7 })]);
    await act(async () => {
      fireEvent.keyDown(screen.getByText('Carburant'), { key: 'c' });
    });
    expect(reviews).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/nom de relecteur/);
  });

  it('moves with j and sets the status with e, showing the review at once', async () => {
    panel([flag({ id: 1, severity: 'error' }), flag({ id: 2, code: '611', label: 'Loyers' })]);
    fireEvent.change(screen.getByLabelText('Votre nom (relecteur)'), { target: { value: 'Awa' } });
    const groups = document.querySelector('.flag-groups') as HTMLElement;
    act(() => {
      fireEvent.keyDown(groups, { key: 'j' });
    });
    await act(async () => {
      fireEvent.keyDown(groups, { key: 'e' });
    });
    expect(reviews).toEqual([{ id: 2, status: 'explained', note: '', reviewer: 'Awa' }]);
    expect(screen.getByText('Expliquée')).toBeTruthy();
  });

  it('says so when there is no flag', () => {
    panel([]);
    expect(screen.getByText('Aucune alerte.')).toBeTruthy();
  });
});
