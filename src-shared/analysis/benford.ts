/** Conformity of a set of leading digits to Benford's law, as Nigrini grades it. */
export type BenfordVerdict = 'close' | 'acceptable' | 'marginal' | 'nonconforming';

export interface BenfordResult {
  /** Amounts tested (positive and at least the minimum). */
  sampleSize: number;
  /** Mean absolute deviation between observed and expected proportions. */
  mad: number;
  verdict: BenfordVerdict;
  /** Observed counts by digit (index 0 is digit 1, or 10 for the first two digits). */
  counts: number[];
}

/** The expected proportion of leading digit(s) d: log10(1 + 1/d). */
export function benfordExpected(d: number): number {
  return Math.log10(1 + 1 / d);
}

/** Leading digit of a positive number, or its first two digits when `two` (for ≥ 10). */
export function leadingDigits(value: number, two: boolean): number {
  let v = Math.abs(value);
  const floor = two ? 10 : 1;
  while (v >= floor * 10) v = Math.floor(v / 10);
  return Math.floor(v);
}

/** Nigrini's verdict for a MAD against [close, acceptable, marginal] limits (inclusive). */
export function benfordVerdict(
  mad: number,
  limits: readonly [number, number, number],
): BenfordVerdict {
  if (mad <= limits[0]) return 'close';
  if (mad <= limits[1]) return 'acceptable';
  if (mad <= limits[2]) return 'marginal';
  return 'nonconforming';
}

/**
 * MAD and verdict of observed digit counts: `counts[k]` is the number of amounts whose leading
 * digit(s) are `first + k` (first 1 for the first-digit test, 10 for the first-two test).
 */
export function benfordFromCounts(
  counts: number[],
  first: 1 | 10,
  limits: readonly [number, number, number],
): BenfordResult {
  const sampleSize = counts.reduce((sum, count) => sum + count, 0);
  let deviation = 0;
  counts.forEach((count, k) => {
    const observed = sampleSize === 0 ? 0 : count / sampleSize;
    deviation += Math.abs(observed - benfordExpected(first + k));
  });
  const mad = deviation / counts.length;
  return { sampleSize, mad, verdict: benfordVerdict(mad, limits), counts };
}

/** Counts the leading digit(s) of the amounts at least `minimum`, then grades them. */
export function benfordTest(
  amounts: ArrayLike<number>,
  minimum: number,
  two: boolean,
  limits: readonly [number, number, number],
): BenfordResult {
  const first = two ? 10 : 1;
  const counts = new Array<number>(two ? 90 : 9).fill(0);
  for (let i = 0; i < amounts.length; i++) {
    const value = amounts[i] as number;
    if (!(value >= minimum) || value < first) continue;
    const index = leadingDigits(value, two) - first;
    counts[index] = (counts[index] as number) + 1;
  }
  return benfordFromCounts(counts, first, limits);
}
