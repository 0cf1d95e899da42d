import type { Phase } from '../../model';
import { statedGroups, type StatedGroup } from '../hierarchy';
import { foldLabel } from '../figures';
import {
  countOf,
  lineFlag,
  money,
  nameOf,
  say,
  stageWord,
  type Rule,
  type RuleContext,
} from './context';

/**
 * A stated subtotal or total that is not the sum of its lines. Each line may carry one minor
 * unit of rounding (the setting), so a difference within lines × tolerance is no mismatch; a
 * row with no lines to check against (a recapitulation of other sheets) is not judged.
 */
export const subtotalMismatch: Rule = {
  id: 'subtotal-mismatch',
  severity: 'error',
  title: {
    fr: 'Sous-total différent de la somme des lignes',
    en: 'Subtotal that is not the sum of its lines',
  },
  run(ctx, emit) {
    for (const group of statedGroups(ctx.rows)) {
      if (group.lineCount === 0) continue;
      const tolerance = ctx.settings.subtotalToleranceMinorPerLine * group.lineCount;
      for (const phase in group.row.amounts) {
        const computed = group.sums[phase as Phase];
        if (computed === undefined) continue;
        const stated = group.row.amounts[phase as Phase] as number;
        if (Math.abs(stated - computed) <= tolerance) continue;
        emit(mismatch(ctx, group, phase as Phase, stated, computed, tolerance));
      }
    }
  },
};

function mismatch(
  ctx: RuleContext,
  group: StatedGroup,
  phase: Phase,
  stated: number,
  computed: number,
  tolerance: number,
) {
  const row = group.row;
  const name = nameOf(row.code, row.label);
  const word =
    row.kind === 'total' ? say(ctx, 'Total', 'Total') : say(ctx, 'Sous-total', 'Subtotal');
  // "Sous-total chapitre 61" already says what it is: the kind word is not repeated.
  const kind = foldLabel(row.label).startsWith(foldLabel(word)) ? '' : `${word} `;
  const lines = say(
    ctx,
    countOf('fr', group.lineCount, 'ligne', 'lignes'),
    countOf('en', group.lineCount, 'line', 'lines'),
  );
  const message =
    ctx.lang === 'fr'
      ? `${kind}${name} (${row.sheet}, rang ${row.row}) : ${money(ctx, stated)} ${stageWord(ctx, phase)} indiqués, la somme de ${group.lineCount === 1 ? 'sa seule ligne' : `ses ${lines}`} donne ${money(ctx, computed)} (écart ${money(ctx, stated - computed)}).`
      : `${kind}${name} (${row.sheet}, row ${row.row}): ${money(ctx, stated)} ${stageWord(ctx, phase)} stated, ${group.lineCount === 1 ? 'its only line adds' : `its ${lines} add`} up to ${money(ctx, computed)} (difference ${money(ctx, stated - computed)}).`;
  const values = {
    phase,
    statedMinor: stated,
    computedMinor: computed,
    differenceMinor: stated - computed,
    lineCount: group.lineCount,
    toleranceMinor: tolerance,
    scope: group.scope,
  };
  return lineFlag(ctx, subtotalMismatch, row, [phase], message, values);
}
