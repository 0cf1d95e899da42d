import { describe, expect, it } from 'vitest';
import { stageFallbackNotes } from './stage-notes';

const name = (phase: string) =>
  ({ assessed: 'émis', collected: 'recouvré', ordered: 'mandaté', paid: 'payé' })[phase] ?? phase;

describe('stageFallbackNotes', () => {
  it('says nothing when every line is read at the chosen stage', () => {
    const stages = {
      revenue: { chosen: 'assessed' as const, linesByPhase: { assessed: 12 }, linesWithoutExecution: 0 }, // prettier-ignore
      expenditure: { chosen: 'ordered' as const, linesByPhase: {}, linesWithoutExecution: 2 },
    };
    expect(stageFallbackNotes(stages, 'fr', name)).toEqual([]);
  });

  it('names each side, stage and count, with real plurals, in French and English', () => {
    const stages = {
      revenue: { chosen: 'assessed' as const, linesByPhase: { assessed: 3, collected: 1 }, linesWithoutExecution: 0 }, // prettier-ignore
      expenditure: { chosen: 'ordered' as const, linesByPhase: { ordered: 5, paid: 2 }, linesWithoutExecution: 0 }, // prettier-ignore
    };
    expect(stageFallbackNotes(stages, 'fr', name)).toEqual([
      '1 ligne de recettes sans montant « émis » est comptée à son montant « recouvré ».',
      '2 lignes de dépenses sans montant « mandaté » sont comptées à leur montant « payé ».',
    ]);
    expect(stageFallbackNotes(stages, 'en', name)).toEqual([
      '1 revenue line with no “émis” amount is counted at its “recouvré” amount.',
      '2 expenditure lines with no “mandaté” amount are counted at their “payé” amount.',
    ]);
  });
});
