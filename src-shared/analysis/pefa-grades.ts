/** PEFA 2016 scores of one dimension. */
export type Grade = 'A' | 'B' | 'C' | 'D';

/** Percentages are compared with this slack, so that 38 000 / 40 000 is exactly 95 %. */
const EPSILON = 1e-9;

const inBand = (value: number, [low, high]: readonly [number, number]) =>
  value >= low - EPSILON && value <= high + EPSILON;

/** Bands of an outturn ratio, in percent, for A, B and C; anything else is D. */
export type RatioBands = readonly [
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
];

/** PI-1: 95–105, 90–110, 85–115 %. */
export const PI1_BANDS: RatioBands = [
  [95, 105],
  [90, 110],
  [85, 115],
];
/** PI-3.1: 97–106, 94–112, 92–116 % (not symmetric: under-collection weighs more). */
export const PI31_BANDS: RatioBands = [
  [97, 106],
  [94, 112],
  [92, 116],
];
/** PI-2.1, 2.2 and 3.2: variance under 5, 10, 15 %. */
export const VARIANCE_LIMITS = [5, 10, 15] as const;

const GRADES: Grade[] = ['A', 'B', 'C'];

/** "In at least two of the three years": the count a grade needs. */
const YEARS_NEEDED = 2;

/**
 * Grade of outturn ratios over three years: the best band that holds at least two of them.
 * Null with fewer than three ratios, where PEFA gives figures and no grade.
 */
export function gradeRatios(ratiosPercent: (number | null)[], bands: RatioBands): Grade | null {
  if (ratiosPercent.length < 3 || ratiosPercent.some((r) => r === null)) return null;
  for (let k = 0; k < bands.length; k++) {
    const hits = ratiosPercent.filter((r) => inBand(r as number, bands[k] as [number, number]));
    if (hits.length >= YEARS_NEEDED) return GRADES[k] as Grade;
  }
  return 'D';
}

/** Grade of composition variances over three years: strictly under the limit in two of them. */
export function gradeVariances(variancesPercent: (number | null)[]): Grade | null {
  if (variancesPercent.length < 3 || variancesPercent.some((v) => v === null)) return null;
  for (let k = 0; k < VARIANCE_LIMITS.length; k++) {
    const limit = VARIANCE_LIMITS[k] as number;
    const hits = variancesPercent.filter((v) => (v as number) < limit - EPSILON);
    if (hits.length >= YEARS_NEEDED) return GRADES[k] as Grade;
  }
  return 'D';
}

/**
 * PI-2.3 from the three-year average share of spending charged to contingency: A under 3 % (or
 * no contingency vote), B from 3 to 6 % inclusive, C over 6 and under 10 %, else D.
 */
export function gradeContingency(
  averagePercent: number | null,
  hasContingency: boolean,
): Grade | null {
  if (!hasContingency) return 'A';
  if (averagePercent === null) return null;
  if (averagePercent < 3 - EPSILON) return 'A';
  if (averagePercent <= 6 + EPSILON) return 'B';
  if (averagePercent < 10 - EPSILON) return 'C';
  return 'D';
}

const RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };

/** M1 (weakest link): the lowest grade, with "+" when another dimension scores higher. */
export function combineM1(grades: (Grade | null)[]): string | null {
  if (grades.length === 0 || grades.some((g) => g === null)) return null;
  const all = grades as Grade[];
  const weakest = all.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  const plus = weakest !== 'A' && all.some((g) => RANK[g] < RANK[weakest]);
  return plus ? `${weakest}+` : weakest;
}

const M2_TWO: Record<string, string> = {
  AA: 'A',
  AB: 'B+',
  AC: 'B',
  AD: 'C+',
  BB: 'B',
  BC: 'C+',
  BD: 'C',
  CC: 'C',
  CD: 'D+',
  DD: 'D',
};

/** M2 (averaging) for two dimensions, by PEFA's conversion table. */
export function combineM2(first: Grade | null, second: Grade | null): string | null {
  if (first === null || second === null) return null;
  const [a, b] = RANK[first] <= RANK[second] ? [first, second] : [second, first];
  return M2_TWO[`${a}${b}`] ?? null;
}
