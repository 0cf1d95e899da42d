/** Plain-text tables for the terminal: columns padded to their widest cell. */
export type Align = 'left' | 'right';

export function formatTable(rows: string[][], align: Align[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          return align[i] === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Minor units to major units of the currency, as the JSON outputs give amounts. */
export function toMajor(minor: number | null, exponent: number): number | null {
  if (minor === null) return null;
  return exponent === 0 ? minor : minor / 10 ** exponent;
}
