/**
 * Synthetic executed budgets in the French layout of a compte administratif: title rows, a
 * two-row merged header (PRÉVISIONS / RÉALISATIONS over their stages), section banners,
 * chapter headings, detail lines, chapter subtotals, section totals and a grand total. Every
 * figure is invented and reproducible from the line count alone.
 */

export type Cell = string | number | null;

/** One sheet row: its cells, and which of them are percentages (for the number format). */
export interface SheetRow {
  cells: Cell[];
  rateColumn: number | null;
}

export interface SheetSpec {
  name: 'RECETTES' | 'DEPENSES';
  forecastHeaders: string[];
  executionHeaders: string[];
  /** Index into the amounts of the stage that counts as executed. */
  executedIndex: number;
  sections: { banner: string; total: string; codePrefix: string }[];
  grandTotal: string;
}

export const SHEETS: readonly SheetSpec[] = [
  {
    name: 'RECETTES',
    forecastHeaders: ['Initiales', 'Définitives'],
    executionHeaders: ['Émis', 'Recouvré'],
    executedIndex: 2,
    sections: [
      { banner: 'RECETTES DE FONCTIONNEMENT', total: 'TOTAL RECETTES DE FONCTIONNEMENT', codePrefix: '7' },
      { banner: "RECETTES D'INVESTISSEMENT", total: "TOTAL RECETTES D'INVESTISSEMENT", codePrefix: '1' },
    ],
    grandTotal: 'TOTAL GÉNÉRAL DES RECETTES',
  },
  {
    name: 'DEPENSES',
    forecastHeaders: ['Initiales', 'Définitives'],
    executionHeaders: ['Engagé', 'Mandaté', 'Payé'],
    executedIndex: 3,
    sections: [
      { banner: 'DÉPENSES DE FONCTIONNEMENT', total: 'TOTAL DÉPENSES DE FONCTIONNEMENT', codePrefix: '6' },
      { banner: "DÉPENSES D'INVESTISSEMENT", total: "TOTAL DÉPENSES D'INVESTISSEMENT", codePrefix: '2' },
    ],
    grandTotal: 'TOTAL GÉNÉRAL DES DÉPENSES',
  },
]; // prettier-ignore

// 50 lines a chapter keeps a million-line CSV (with headings and subtotals) under 1 048 576 rows.
export const LINES_PER_CHAPTER = 50;
/** Rows 0–4 are titles, 5 is blank, 6–7 the header. */
export const HEADER_ROW = 6;
const ENTITY = 'Commune de Banc-d’Essai (fictive)';
const WORDS = [
  'Produits',
  'Fournitures',
  'Entretien',
  'Services',
  'Travaux',
  'Études',
  'Locations',
];
const PLACES = ['du marché', 'des écoles', 'de la voirie', 'du centre de santé', 'de la mairie'];

export function sheetWidth(spec: SheetSpec): number {
  return 2 + spec.forecastHeaders.length + spec.executionHeaders.length + 1;
}

/** A small deterministic generator (mulberry32), so every run times the same file. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Amounts as a French spreadsheet shows them, with a space between thousands: "1 234 567". */
export function frenchAmount(value: number, space = ' '): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, space);
}

/** Planned, revised, then each execution stage, in GNF (no minor unit). */
export function lineFigures(random: () => number, stages: number): number[] {
  const planned = Math.round((1e6 + random() * 5e8) / 1000) * 1000;
  const revised = Math.round((planned * (0.9 + random() * 0.3)) / 1000) * 1000;
  const roll = random();
  // A few planted anomalies: over-execution and lines never executed.
  const share = roll < 0.002 ? 1.3 : roll < 0.004 ? 0 : 0.6 + random() * 0.4;
  const figures = [planned, revised];
  let stage = Math.round(revised * share);
  for (let s = 0; s < stages; s++) {
    figures.push(stage);
    stage = Math.round(stage * (0.85 + random() * 0.15));
  }
  return figures;
}

/** How many detail lines each sheet gets: revenue half, expenditure the rest. */
export function linesPerSheet(lineCount: number): number[] {
  const revenue = Math.floor(lineCount / 2);
  return [revenue, lineCount - revenue];
}

function rate(figures: number[], spec: SheetSpec): number | null {
  const revised = figures[1] ?? 0;
  return revised === 0 ? null : (figures[spec.executedIndex] ?? 0) / revised;
}

function addInto(sums: number[], figures: number[]): void {
  figures.forEach((f, i) => (sums[i] = (sums[i] ?? 0) + f));
}

function* sheetTitles(spec: SheetSpec): Generator<SheetRow> {
  const side = spec.name === 'RECETTES' ? 'recettes' : 'dépenses';
  const titles = ['RÉPUBLIQUE DE GUINÉE', ENTITY, 'COMPTE ADMINISTRATIF — Exercice 2023'];
  titles.push('DONNÉES FICTIVES — banc d’essai', `Budget principal, ${side} — montants en GNF`);
  for (const title of titles) yield { cells: [title], rateColumn: null };
  yield { cells: [], rateColumn: null };
  const fc = spec.forecastHeaders.length;
  const ec = spec.executionHeaders.length;
  const top: Cell[] = ['Code', 'Libellé', 'PRÉVISIONS', ...Array<Cell>(fc - 1).fill(null)];
  top.push('RÉALISATIONS', ...Array<Cell>(ec - 1).fill(null), "Taux d'exécution");
  yield { cells: top, rateColumn: null };
  yield {
    cells: [null, null, ...spec.forecastHeaders, ...spec.executionHeaders, null],
    rateColumn: null,
  };
}

/**
 * The rows of one sheet, streamed. Every seventh line holds its executed amount as text
 * ("1 234 567", as pasted from a report), so the reader's text amounts are on the path too.
 */
export function* sheetRows(spec: SheetSpec, lineCount: number, seed: number): Generator<SheetRow> {
  const random = randomFrom(seed);
  const stages = spec.executionHeaders.length;
  const amountRow = (code: string | null, label: string, figures: Cell[], r: number | null) => ({
    cells: [code, label, ...figures, r],
    rateColumn: 2 + figures.length,
  });
  yield* sheetTitles(spec);
  const grand: number[] = [];
  const investmentFrom = Math.round(lineCount * 0.6);
  let placed = 0;
  for (const [s, section] of spec.sections.entries()) {
    const sectionEnd = s === spec.sections.length - 1 ? lineCount : investmentFrom;
    yield { cells: [section.banner], rateColumn: null };
    const sectionSums: number[] = [];
    for (let chapter = 1; placed < sectionEnd; chapter++) {
      const code = `${section.codePrefix}${String(chapter).padStart(5, '0')}`;
      yield { cells: [code, `${WORDS[chapter % WORDS.length]} ${PLACES[chapter % 5]}`], rateColumn: null };
      const sums: number[] = [];
      for (let j = 1; j <= LINES_PER_CHAPTER && placed < sectionEnd; j++, placed++) {
        const figures = lineFigures(random, stages);
        addInto(sums, figures);
        const shown: Cell[] = [...figures];
        if (placed % 7 === 3) shown[spec.executedIndex] = frenchAmount(figures[spec.executedIndex]!);
        const label = `${WORDS[j % WORDS.length]} ${PLACES[(chapter + j) % 5]} n° ${j}`;
        yield amountRow(`${code}${String(j).padStart(2, '0')}`, label, shown, rate(figures, spec));
      }
      addInto(sectionSums, sums);
      yield amountRow(null, `Sous-total chapitre ${code}`, sums, rate(sums, spec));
    }
    addInto(grand, sectionSums);
    yield amountRow(null, section.total, sectionSums, rate(sectionSums, spec));
  }
  yield amountRow(null, spec.grandTotal, grand, rate(grand, spec));
} // prettier-ignore

/** Merged ranges of a sheet: titles and banners across the table, the two-row header. */
export function sheetMerges(spec: SheetSpec, bannerRows: number[]) {
  const last = sheetWidth(spec) - 1;
  const fc = spec.forecastHeaders.length;
  const ec = spec.executionHeaders.length;
  const h = HEADER_ROW;
  const across = (r: number) => ({ s: { r, c: 0 }, e: { r, c: last } });
  return [
    ...[0, 1, 2, 3, 4].map(across),
    { s: { r: h, c: 0 }, e: { r: h + 1, c: 0 } },
    { s: { r: h, c: 1 }, e: { r: h + 1, c: 1 } },
    { s: { r: h, c: 2 }, e: { r: h, c: 1 + fc } },
    { s: { r: h, c: 2 + fc }, e: { r: h, c: 1 + fc + ec } },
    { s: { r: h, c: last }, e: { r: h + 1, c: last } },
    ...bannerRows.map(across),
  ];
}
