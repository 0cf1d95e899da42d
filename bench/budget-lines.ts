import type { BudgetInfo, BudgetLine, Phase } from '../src-shared/model';
import { HEADER_ROW, linesPerSheet, SHEETS, sheetRows, type Cell } from './generate-budget';

/**
 * The generated budget as the store gives it to the analysis, built in memory: a million
 * lines would take minutes to import first, and the analysis is what is timed here.
 */

const PHASES: Record<string, Phase[]> = {
  RECETTES: ['original', 'revised', 'assessed', 'collected'],
  DEPENSES: ['original', 'revised', 'committed', 'ordered', 'paid'],
};

function amountOf(value: Cell): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[\d\s]+$/.test(value)) return Number(value.replace(/\s/g, ''));
  return null;
}

export function budgetInfo(lineCount: number): BudgetInfo {
  return {
    id: 1,
    entity: 'Commune de Banc-d’Essai (fictive)',
    fiscalYear: 2023,
    currency: 'GNF',
    currencyExponent: 0,
    version: 'compte-administratif',
    executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    sourceFile: `budget-${lineCount}.xlsx`,
    sourceSha256: '0'.repeat(64),
    importedAt: '2024-01-01T00:00:00.000Z',
    lineCount,
    population: null,
  };
}

/** Headings, lines, subtotals and totals of both sheets, in sheet order. */
export function budgetLines(lineCount: number): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const counts = linesPerSheet(lineCount);
  SHEETS.forEach((spec, s) => {
    const phases = PHASES[spec.name]!;
    let section: BudgetLine['section'] = null;
    let chapter: string | null = null;
    let r = 0;
    for (const row of sheetRows(spec, counts[s]!, 1000 + s)) {
      r++;
      if (r <= HEADER_ROW + 2 || row.cells.length === 0) continue;
      const [code, label] = row.cells as [string | null, string | null];
      if (row.cells.length === 1) {
        section = section === null ? 'operating' : 'investment';
        continue;
      }
      const isHeading = row.rateColumn === null;
      if (isHeading) chapter = code;
      const kind = isHeading ? 'heading' : code ? 'line' : /^Sous-total/.test(label ?? '') ? 'subtotal' : 'total'; // prettier-ignore
      const line: BudgetLine = {
        id: lines.length + 1,
        sheet: spec.name,
        row: r,
        kind,
        code,
        label,
        direction: spec.name === 'RECETTES' ? 'revenue' : 'expenditure',
        section: kind === 'total' && /GÉNÉRAL/.test(label ?? '') ? null : section,
        chapter,
        parentCode: kind === 'line' ? chapter : null,
        level: kind === 'line' ? 1 : 0,
        hidden: false,
        amounts: {},
        cells: {},
        statedRatePercent: null,
      };
      phases.forEach((phase, i) => {
        const value = amountOf(row.cells[2 + i] ?? null);
        if (value === null) return;
        line.amounts[phase] = value;
        line.cells[phase] = `${String.fromCharCode(67 + i)}${r}`;
      });
      const rate = row.rateColumn === null ? null : row.cells[row.rateColumn];
      line.statedRatePercent = typeof rate === 'number' ? rate * 100 : null;
      lines.push(line);
    }
  });
  return lines;
}
