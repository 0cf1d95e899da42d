/** A figure measured several times: the median and the spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spreadOf(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

function number(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** "1234 ms (1100–1400, 3 runs)"; seconds past ten thousand milliseconds. */
export function formatMs(spread: Spread | null): string {
  if (!spread) return 'n/a';
  const seconds = spread.median >= 10_000;
  const f = (ms: number) => (seconds ? number(ms / 1000) : number(ms));
  const unit = seconds ? 's' : 'ms';
  if (spread.runs === 1) return `${f(spread.median)} ${unit} (1 run)`;
  return `${f(spread.median)} ${unit} (${f(spread.min)}–${f(spread.max)})`;
}

export function formatRatio(spread: Spread | null): string {
  if (!spread) return 'n/a';
  if (spread.runs === 1) return `${spread.median.toFixed(2)}×`;
  return `${spread.median.toFixed(2)}× (${spread.min.toFixed(2)}–${spread.max.toFixed(2)})`;
}

export function formatMb(spread: Spread | null): string {
  if (!spread) return 'n/a';
  return `${Math.round(spread.median)} MB`;
}
