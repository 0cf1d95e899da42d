import type { BudgetLine } from '../../model';
import { benfordTest } from '../benford';
import {
  budgetFlag,
  countOf,
  lineFlag,
  lineName,
  percent,
  qualifiedCell,
  say,
  type Rule,
  type RuleContext,
} from './context';

/** Median of a list, sorted in place (a typed array sorts numerically and fast). */
export function median(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2
    ? (values[mid] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/**
 * Our floor under the MAD, in rate points: when most peers executed at exactly the same rate
 * (MAD 0), a line a few points off is not an outlier; it must stand at least 3.5 × 2 / 0.6745,
 * about 10 points, from the median.
 */
const MIN_MAD_POINTS = 2;

/**
 * A line whose execution rate is far from its peers': robust z = 0.6745 (rate − median) / MAD
 * (Iglewicz and Hoaglin) within its chapter, or its section when the chapter has too few lines.
 * Lines with nothing executed are peers but are left to the zero-execution rule.
 */
export const outlierRate: Rule = {
  id: 'outlier-rate',
  severity: 'info',
  title: { fr: 'Taux d’exécution atypique', en: 'Execution rate far from its peers' },
  run(ctx, emit) {
    // Sections in the order first met, each with its chapters in the order first met.
    const sections: PeerSection[] = [];
    const sectionOf: (PeerSection | undefined)[] = [];
    const rates = new Float64Array(ctx.lines.length).fill(NaN);
    let chapterMembers: number[] = [];
    let lastSection = -1;
    let lastChapter = -1;
    for (let i = 0; i < ctx.lines.length; i++) {
      const forecast = ctx.forecast[i] as number;
      const executed = ctx.executed[i] as number;
      if (!(forecast > 0) || Number.isNaN(executed)) continue;
      rates[i] = (executed / forecast) * 100;
      const key = (ctx.direction[i] as number) * 3 + (ctx.section[i] as number);
      const chapter = ctx.chapter[i] as number;
      let section = sectionOf[key];
      if (!section) {
        section = { members: [], chapters: new Map() };
        sectionOf[key] = section;
        sections.push(section);
      }
      section.members.push(i);
      // Lines come chapter by chapter: the chapter's list is looked up only at a change.
      if (key !== lastSection || chapter !== lastChapter) {
        chapterMembers = listOf(section.chapters, chapter);
        lastSection = key;
        lastChapter = chapter;
      }
      chapterMembers.push(i);
    }
    const min = ctx.settings.outlierMinGroupSize;
    const scratch = new Scratch();
    for (const section of sections) {
      for (const members of section.chapters.values()) {
        const byChapter = members.length >= min;
        const group = byChapter ? members : section.members;
        if (group.length < min) continue;
        // The section's median and MAD are computed once, however many small chapters use them.
        const stats = byChapter
          ? spread(group, rates, scratch)
          : (section.stats ??= spread(group, rates, scratch));
        const { center, mad } = stats;
        for (const i of members) {
          const rate = rates[i] as number;
          const z = (0.6745 * (rate - center)) / mad;
          if (rate === 0 || Math.abs(z) <= ctx.settings.outlierRobustZ) continue;
          const scope = byChapter ? 'chapter' : 'section';
          const outlier = { rate, center, mad, z, peers: group.length, scope } as const;
          emit(outlierFlag(ctx, ctx.lines[i] as BudgetLine, i, outlier));
        }
      }
    }
  },
};

interface Spread {
  center: number;
  mad: number;
}

/**
 * One buffer for the values of every group of a run, grown to the largest group met: most
 * groups are chapters of a few dozen lines, and a buffer per group (or one per line) would be
 * garbage.
 */
class Scratch {
  private buffer = new Float64Array(64);

  of(length: number): Float64Array {
    if (this.buffer.length < length) this.buffer = new Float64Array(length);
    return this.buffer.subarray(0, length);
  }
}

/** Median and MAD (floored at MIN_MAD_POINTS) of the rates of a group, sorted in `scratch`. */
function spread(group: number[], rates: Float64Array, scratch: Scratch): Spread {
  const values = scratch.of(group.length);
  for (let k = 0; k < group.length; k++) values[k] = rates[group[k] as number] as number;
  const center = median(values);
  for (let k = 0; k < values.length; k++) values[k] = Math.abs((values[k] as number) - center);
  const mad = Math.max(median(values), MIN_MAD_POINTS);
  return { center, mad };
}

/** The lines with a rate of one direction and section, by chapter number (ctx.chapter). */
interface PeerSection {
  members: number[];
  chapters: Map<number, number[]>;
  stats?: Spread;
}

function listOf(map: Map<number, number[]>, key: number): number[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

interface Outlier {
  rate: number;
  center: number;
  mad: number;
  z: number;
  peers: number;
  scope: 'chapter' | 'section';
}

function outlierFlag(ctx: RuleContext, line: BudgetLine, i: number, o: Outlier) {
  const peers =
    o.scope === 'chapter'
      ? say(ctx, 'du chapitre', 'in its chapter')
      : say(ctx, 'de la section', 'in its section');
  const message =
    ctx.lang === 'fr'
      ? `${lineName(ctx, line)} : taux d'exécution ${percent(ctx, o.rate)}, loin de la médiane ${percent(ctx, o.center)} des ${o.peers} lignes ${peers} (z robuste ${o.z.toFixed(1)}, seuil ${ctx.settings.outlierRobustZ}).`
      : `${lineName(ctx, line)}: execution rate ${percent(ctx, o.rate)}, far from the median ${percent(ctx, o.center)} of the ${o.peers} lines ${peers} (robust z ${o.z.toFixed(1)}, threshold ${ctx.settings.outlierRobustZ}).`;
  const phase = ctx.executedPhase[i] ?? null;
  const values = {
    ratePercent: o.rate,
    medianPercent: o.center,
    madPoints: o.mad,
    robustZ: o.z,
    peerCount: o.peers,
    scope: o.scope,
    executedPhase: phase,
  };
  return lineFlag(ctx, outlierRate, line, [phase, ctx.settings.basis], message, values);
}

/** Per sheet, the share of executed figures that are round (whole millions by default). */
export const roundAmounts: Rule = {
  id: 'round-amounts',
  severity: 'info',
  title: { fr: 'Montants ronds', en: 'Round amounts' },
  run(ctx, emit) {
    const unit = ctx.settings.roundUnitMajor * ctx.minorPerMajor;
    const bySheet = new Map<string, { sample: number; round: number[] }>();
    ctx.executed.forEach((value, i) => {
      if (!(value >= unit)) return;
      const sheet = (ctx.lines[i] as BudgetLine).sheet;
      let entry = bySheet.get(sheet);
      if (!entry) bySheet.set(sheet, (entry = { sample: 0, round: [] }));
      entry.sample += 1;
      if (value % unit === 0) entry.round.push(i);
    });
    for (const [sheet, { sample, round }] of bySheet) {
      const share = (round.length / sample) * 100;
      if (sample < ctx.settings.roundMinSample || share <= ctx.settings.roundShareMaxPercent)
        continue;
      const cells = round.map((i) =>
        qualifiedCell(ctx.lines[i] as BudgetLine, ctx.executedPhase[i] ?? null),
      );
      const message =
        ctx.lang === 'fr'
          ? `Feuille ${sheet} : ${countOf('fr', round.length, 'montant exécuté', 'montants exécutés')} sur ${sample} ${round.length > 1 ? 'sont' : 'est'} des multiples ronds de ${ctx.settings.roundUnitMajor.toLocaleString('fr-FR')} (${percent(ctx, share)}, seuil ${percent(ctx, ctx.settings.roundShareMaxPercent)}) ; des estimations plutôt que des comptes ?`
          : `Sheet ${sheet}: ${round.length} of ${sample} executed amounts ${round.length === 1 ? 'is' : 'are'} round multiples of ${ctx.settings.roundUnitMajor.toLocaleString('en-GB')} (${percent(ctx, share)}, threshold ${percent(ctx, ctx.settings.roundShareMaxPercent)}); estimates rather than accounts?`;
      const values = {
        roundCount: round.length,
        sampleSize: sample,
        sharePercent: share,
        unitMajor: ctx.settings.roundUnitMajor,
      };
      emit(
        budgetFlag(
          ctx,
          this,
          sheet,
          cells.filter((c): c is string => c !== null),
          message,
          values,
        ),
      );
    }
  },
};

function benfordRule(id: string, two: boolean, title: Rule['title']): Rule {
  return {
    id,
    severity: 'warning',
    title,
    run(ctx, emit) {
      const limits = two ? ctx.settings.benfordFirstTwoMad : ctx.settings.benfordFirstDigitMad;
      const minimum = ctx.settings.benfordMinAmountMajor * ctx.minorPerMajor;
      const result = benfordTest(ctx.executed, minimum, two, limits);
      const test = two
        ? say(ctx, 'deux premiers chiffres', 'first two digits')
        : say(ctx, 'premier chiffre', 'first digit');
      const values = {
        sampleSize: result.sampleSize,
        mad: result.mad,
        verdict: result.verdict,
        minSample: ctx.settings.benfordMinSample,
      };
      if (result.sampleSize < ctx.settings.benfordMinSample) {
        const message =
          ctx.lang === 'fr'
            ? `Test de Benford (${test}) : ${countOf('fr', result.sampleSize, 'montant', 'montants')}, moins de ${ctx.settings.benfordMinSample} ; l'échantillon est trop petit pour conclure, aucun constat.`
            : `Benford test (${test}): ${countOf('en', result.sampleSize, 'amount', 'amounts')}, fewer than ${ctx.settings.benfordMinSample}; the sample is too small to conclude, no finding.`;
        emit(
          budgetFlag(
            ctx,
            this,
            null,
            [],
            message,
            { ...values, verdict: 'sample-too-small' },
            'info',
          ),
        );
        return;
      }
      if (result.verdict === 'close' || result.verdict === 'acceptable') return;
      const verdict =
        result.verdict === 'marginal'
          ? say(ctx, 'conformité marginale', 'marginal conformity')
          : say(ctx, 'non conforme', 'nonconforming');
      const message =
        ctx.lang === 'fr'
          ? `Test de Benford (${test}) sur ${result.sampleSize} montants exécutés : écart absolu moyen ${result.mad.toFixed(5)}, ${verdict} (limites de Nigrini ${limits.join(' / ')}). À examiner, ce n'est pas une preuve.`
          : `Benford test (${test}) on ${result.sampleSize} executed amounts: mean absolute deviation ${result.mad.toFixed(5)}, ${verdict} (Nigrini's limits ${limits.join(' / ')}). Worth a look, not a proof.`;
      emit(
        budgetFlag(
          ctx,
          this,
          null,
          [],
          message,
          values,
          result.verdict === 'marginal' ? 'info' : 'warning',
        ),
      );
    },
  };
}

export const benfordFirstDigit = benfordRule('benford-first-digit', false, {
  fr: 'Loi de Benford, premier chiffre',
  en: 'Benford, first digit',
});
export const benfordFirstTwoDigits = benfordRule('benford-first-two-digits', true, {
  fr: 'Loi de Benford, deux premiers chiffres',
  en: 'Benford, first two digits',
});
