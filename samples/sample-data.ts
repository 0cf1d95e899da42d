/**
 * The figures of the bundled sample: a compte administratif 2019 of a fictitious Guinean
 * commune, in GNF. Every figure is invented. `null` is an empty cell, `'-'` a dash the
 * treasurer typed for zero; a string of digits is an amount the file holds as text.
 */
export type Figure = number | string | null;

/** A budget line: code, label, then the amounts in the sheet's column order. */
export interface SampleLine {
  code: string;
  label: string;
  figures: Figure[];
}

/** An article heading (no amounts) over its paragraphs. */
export interface SampleHeading {
  code: string;
  label: string;
  lines: SampleLine[];
}

export interface SampleChapter {
  code: string;
  label: string;
  items: (SampleLine | SampleHeading)[];
  /** Planted error: column index (into figures) and the amount the subtotal row states. */
  statedSubtotalOverride?: { column: number; valueMinor: number };
}

export interface SampleSection {
  banner: string;
  totalLabel: string;
  chapters: SampleChapter[];
}

export interface SampleSheet {
  name: 'RECETTES' | 'DEPENSES';
  /** Sub-headers under PRÉVISIONS and RÉALISATIONS. */
  forecastHeaders: string[];
  executionHeaders: string[];
  /** Index into figures of the amount the execution rate is computed from. */
  executedColumn: number;
  /** Index into figures of the revised forecast. */
  revisedColumn: number;
  grandTotalLabel: string;
  sections: SampleSection[];
}

export const line = (code: string, label: string, ...figures: Figure[]): SampleLine => ({
  code,
  label,
  figures,
});

/** The no-break space French spreadsheets put between thousands. */
export const NBSP = '\u00a0';
