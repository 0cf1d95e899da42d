import type { Phase } from '../model';
import type { StageUse } from './summary-model';

/**
 * A sentence for each group of lines whose executed figure was read at another stage than the
 * chosen one, because the file gives them none at that stage (or one that could not be read).
 * Without it, a total said to be "executed = émis" that holds a recouvré figure reads as a
 * contradiction of the line annex and of the subtotal checks, which use the chosen stage only.
 */
export function stageFallbackNotes(
  stages: { revenue: StageUse; expenditure: StageUse },
  lang: 'fr' | 'en',
  phaseName: (phase: Phase) => string,
): string[] {
  const notes: string[] = [];
  for (const side of ['revenue', 'expenditure'] as const) {
    const { chosen, linesByPhase } = stages[side];
    for (const [phase, count] of Object.entries(linesByPhase) as [Phase, number][]) {
      if (phase === chosen || count === 0) continue;
      const wanted = phaseName(chosen);
      const read = phaseName(phase);
      if (lang === 'fr') {
        const what = side === 'revenue' ? 'recettes' : 'dépenses';
        notes.push(
          count === 1
            ? `1 ligne de ${what} sans montant « ${wanted} » est comptée à son montant « ${read} ».`
            : `${count} lignes de ${what} sans montant « ${wanted} » sont comptées à leur montant « ${read} ».`,
        );
      } else {
        notes.push(
          count === 1
            ? `1 ${side} line with no “${wanted}” amount is counted at its “${read}” amount.`
            : `${count} ${side} lines with no “${wanted}” amount are counted at their “${read}” amount.`,
        );
      }
    }
  }
  return notes;
}
