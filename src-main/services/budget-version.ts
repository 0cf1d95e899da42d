import type { Grid } from '../../src-shared/grid';
import {
  EXECUTION_PHASES,
  type BudgetVersion,
  type ImportPreview,
  type Phase,
} from '../../src-shared/model';

/** How a budget's version was decided, for the log and the user. */
export interface VersionDecision {
  version: BudgetVersion;
  because: 'option' | 'title' | 'phases';
}

// Rows above the header hold the document's title; a header cell "Budget primitif" names the
// original forecast column of a compte administratif, so the header itself is never read.
const TITLE_ROWS_WITHOUT_HEADER = 10;

const TITLE_WORDS: [RegExp, BudgetVersion][] = [
  [/\bCOMPTE ADMINISTRATIF\b/, 'compte-administratif'],
  [
    /\bBUDGET (ADDITIONNEL|SUPPLEMENTAIRE|RECTIFICATIF|REVISE|MODIFICATIF)\b|\bDECISION MODIFICATIVE\b|\b(REVISED|SUPPLEMENTARY) BUDGET\b/,
    'revised',
  ],
  [/\bBUDGET PRIMITIF\b/, 'primitif'],
];

const normalise = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ');

/** The text of the rows above each used sheet's header (the first rows when none was found). */
function titleText(grid: Grid, preview: ImportPreview): string {
  const texts: string[] = [];
  for (const sheet of preview.sheets.filter((s) => s.used)) {
    const rows = grid.sheets.find((g) => g.name === sheet.name)?.rows ?? [];
    const firstHeader = sheet.headerRows.length > 0 ? Math.min(...sheet.headerRows) - 1 : null;
    const end = firstHeader ?? Math.min(rows.length, TITLE_ROWS_WITHOUT_HEADER);
    for (const row of rows.slice(0, end)) {
      for (const cell of row) if (cell?.type === 'string') texts.push(String(cell.value));
    }
  }
  return normalise(texts.join(' '));
}

/**
 * Which version a file is: the one the user gave; else what its title says (a compte
 * administratif, a revised budget, a budget primitif); else its columns: execution figures make
 * a compte administratif, changes or two forecasts a revised budget, one forecast a primitif.
 */
export function decideVersion(
  grid: Grid,
  preview: ImportPreview,
  given?: BudgetVersion,
): VersionDecision {
  if (given) return { version: given, because: 'option' };
  const title = titleText(grid, preview);
  const named = TITLE_WORDS.find(([words]) => words.test(title));
  if (named) return { version: named[1], because: 'title' };

  const phases = new Set<Phase>();
  let twoForecasts = false;
  for (const row of preview.rows) {
    for (const a of row.amounts) phases.add(a.phase);
    twoForecasts ||= forecastCells(row.amounts).size > 1;
  }
  const executed = EXECUTION_PHASES.some((p) => phases.has(p));
  if (executed) return { version: 'compte-administratif', because: 'phases' };
  const revised = phases.has('change') || twoForecasts;
  return { version: revised ? 'revised' : 'primitif', because: 'phases' };
}

// A single forecast column is given to both original and revised, from one cell: that is the
// voted budget, whatever its header calls it. Two cells mean the forecast was revised.
function forecastCells(amounts: ImportPreview['rows'][number]['amounts']): Set<string> {
  return new Set(
    amounts.filter((a) => a.phase === 'original' || a.phase === 'revised').map((a) => a.cell),
  );
}
