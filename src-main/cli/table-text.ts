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

const RATE_FORMATS = {
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/**
 * A rate as the reports print it (src-main/report/format.ts), always with one decimal and a
 * no-break space before the sign in French: "76,0 %", "76.0%"; a dash when undefined.
 */
export function formatRate(percent: number | null, lang: 'fr' | 'en'): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  return `${RATE_FORMATS[lang].format(percent)}${lang === 'fr' ? '\u00a0%' : '%'}`;
}
