/**
 * Writes samples/commune-fictive-2019-compte-administratif.xlsx from samples/sample-data.ts.
 * Run with `npx tsx samples/make-sample.ts`. Totals and rates are computed here from the lines,
 * so the file's stated TOTAL rows equal the sums, except the one subtotal planted wrong.
 */
import { writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fromRoot } from '../src-main/paths';
import { type Figure, type SampleChapter, type SampleLine, type SampleSheet } from './sample-data';
import { revenue } from './sample-revenue';
import { expenditure } from './sample-expenditure';

export const SAMPLE_FILE = 'commune-fictive-2019-compte-administratif.xlsx';
const COMMUNE = 'Commune de Ndébaya (fictive)';

type Cell = string | number | null;

interface Built {
  rows: Cell[][];
  merges: XLSX.Range[];
  amountRows: number[];
  sectionTotals: number[][];
  grandTotal: number[];
  /** Each line with its 1-based row, for the anomaly check. */
  placed: { row: number; line: SampleLine }[];
}

function figureValue(figure: Figure): number {
  if (figure === null || figure === '-') return 0;
  if (typeof figure === 'number') return figure;
  return Number(figure.replace(/[\s\u00a0\u202f]/g, ''));
}

function addInto(sums: number[], figures: readonly Figure[]): void {
  figures.forEach((f, i) => (sums[i] = (sums[i] ?? 0) + figureValue(f)));
}

function rate(sheet: SampleSheet, values: readonly Figure[]): number | null {
  const revised = figureValue(values[sheet.revisedColumn] ?? null);
  if (revised === 0) return null;
  return figureValue(values[sheet.executedColumn] ?? null) / revised;
}

function chapterLines(chapter: SampleChapter): SampleLine[] {
  return chapter.items.flatMap((item) => ('lines' in item ? item.lines : [item]));
}

function buildSheet(sheet: SampleSheet): Built {
  const width = 2 + sheet.forecastHeaders.length + sheet.executionHeaders.length + 1;
  const last = width - 1;
  const side = sheet.name === 'RECETTES' ? 'recettes' : 'dépenses';
  const rows: Cell[][] = [
    ['RÉPUBLIQUE DE GUINÉE'],
    [COMMUNE],
    ['COMPTE ADMINISTRATIF — Exercice 2019'],
    ['DONNÉES FICTIVES — exemple de démonstration'],
    [`Budget principal, ${side} — montants en francs guinéens (GNF)`],
    [],
  ];
  const merges: XLSX.Range[] = rows
    .slice(0, 5)
    .map((_, r) => ({ s: { r, c: 0 }, e: { r, c: last } }));

  const fc = sheet.forecastHeaders.length;
  const ec = sheet.executionHeaders.length;
  const top: Cell[] = ['Code', 'Libellé', 'PRÉVISIONS', ...Array<Cell>(fc - 1).fill(null)];
  top.push('RÉALISATIONS', ...Array<Cell>(ec - 1).fill(null), "Taux d'exécution");
  rows.push(top, [null, null, ...sheet.forecastHeaders, ...sheet.executionHeaders, null]);
  const h = 6;
  merges.push(
    { s: { r: h, c: 0 }, e: { r: h + 1, c: 0 } },
    { s: { r: h, c: 1 }, e: { r: h + 1, c: 1 } },
    { s: { r: h, c: 2 }, e: { r: h, c: 1 + fc } },
    { s: { r: h, c: 2 + fc }, e: { r: h, c: 1 + fc + ec } },
    { s: { r: h, c: last }, e: { r: h + 1, c: last } },
  );

  const built: Built = {
    rows,
    merges,
    amountRows: [],
    sectionTotals: [],
    grandTotal: [],
    placed: [],
  };
  const amountRow = (code: string | null, label: string, values: Figure[]) => {
    built.amountRows.push(rows.length);
    rows.push([code, label, ...values, rate(sheet, values)]);
  };
  for (const section of sheet.sections) {
    merges.push({ s: { r: rows.length, c: 0 }, e: { r: rows.length, c: last } });
    rows.push([section.banner]);
    const sectionSums: number[] = [];
    for (const chapter of section.chapters) {
      rows.push([chapter.code, chapter.label]);
      for (const item of chapter.items) {
        if ('lines' in item) rows.push([item.code, item.label]);
        for (const l of 'lines' in item ? item.lines : [item]) {
          built.placed.push({ row: rows.length + 1, line: l });
          amountRow(l.code, l.label, l.figures);
        }
      }
      const sums: number[] = [];
      chapterLines(chapter).forEach((l) => addInto(sums, l.figures));
      addInto(sectionSums, sums);
      const stated = [...sums];
      const wrong = chapter.statedSubtotalOverride;
      if (wrong) stated[wrong.column] = wrong.valueMinor;
      amountRow(null, `Sous-total chapitre ${chapter.code}`, stated);
    }
    amountRow(null, section.totalLabel, sectionSums);
    built.sectionTotals.push(sectionSums);
    addInto(built.grandTotal, sectionSums);
  }
  amountRow(null, sheet.grandTotalLabel, built.grandTotal);
  rows.push([], ['Document fictif produit pour la démonstration de Budget Clair.']);
  return built;
}

function toWorksheet(built: Built): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(built.rows);
  ws['!merges'] = built.merges;
  for (const r of built.amountRows) {
    const row = built.rows[r] ?? [];
    row.forEach((value, c) => {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell || typeof value !== 'number') return;
      cell.z = c === row.length - 1 ? '0.0%' : '#,##0';
    });
  }
  ws['!cols'] = [{ wch: 8 }, { wch: 48 }, ...Array(6).fill({ wch: 16 })];
  return ws;
}

function equilibre(rec: Built, dep: Built): XLSX.WorkSheet {
  const pick = (sums: number[] | undefined, col: number) => sums?.[col] ?? 0;
  const line = (label: string, r: number[] | undefined, d: number[] | undefined): Cell[] => [
    label,
    pick(r, 1),
    pick(r, 2),
    pick(d, 1),
    pick(d, 3),
    pick(r, 2) - pick(d, 3),
  ];
  const rows: Cell[][] = [
    [COMMUNE],
    ['ÉQUILIBRE DU COMPTE ADMINISTRATIF — Exercice 2019 (rappel des totaux)'],
    ['DONNÉES FICTIVES — exemple de démonstration'],
    [],
    [
      'Section',
      'Recettes définitives',
      'Recettes émises',
      'Dépenses définitives',
      'Dépenses mandatées',
      "Solde d'exécution",
    ],
    line('Fonctionnement', rec.sectionTotals[0], dep.sectionTotals[0]),
    line('Investissement', rec.sectionTotals[1], dep.sectionTotals[1]),
    line('Total', rec.grandTotal, dep.grandTotal),
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 18 }, ...Array(5).fill({ wch: 20 })];
  return ws;
}

/** Builds the workbook; also returns the placed lines so callers can check the plantings. */
export function makeSample(): { bytes: Buffer; recettes: Built; depenses: Built } {
  const recettes = buildSheet(revenue);
  const depenses = buildSheet(expenditure);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, toWorksheet(recettes), 'RECETTES');
  XLSX.utils.book_append_sheet(wb, toWorksheet(depenses), 'DEPENSES');
  XLSX.utils.book_append_sheet(wb, equilibre(recettes, depenses), 'EQUILIBRE');
  wb.Props = {
    Title: `${COMMUNE} — compte administratif 2019`,
    Subject: 'DONNÉES FICTIVES — exemple de démonstration',
    Author: 'Budget Clair',
    CreatedDate: new Date('2020-03-31T00:00:00Z'),
  };
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return { bytes, recettes, depenses };
}

function describe(sheet: SampleSheet, built: Built): string[] {
  const out: string[] = [];
  for (const { row, line } of built.placed) {
    const revised = figureValue(line.figures[sheet.revisedColumn] ?? null);
    const executed = figureValue(line.figures[sheet.executedColumn] ?? null);
    let kind: string | null = null;
    if (revised === 0 && executed > 0) kind = 'unbudgeted';
    else if (revised > 0 && executed === 0) kind = 'zero-execution';
    else if (executed > revised) kind = 'over-execution';
    else if (executed / revised < 0.5) kind = 'LOW (unplanned!)';
    else if (sheet.name === 'RECETTES' && executed / revised < 0.7) kind = 'SHORT (unplanned!)';
    if (kind) out.push(`${sheet.name} row ${row} ${line.code} ${kind} ${revised} ${executed}`);
  }
  out.push(`${sheet.name} grand total ${built.grandTotal.join(' | ')}`);
  return out;
}

if (process.argv[1]?.endsWith('make-sample.ts')) {
  const { bytes, recettes, depenses } = makeSample();
  writeFileSync(fromRoot('samples', SAMPLE_FILE), bytes);
  const report = [...describe(revenue, recettes), ...describe(expenditure, depenses)];
  process.stdout.write(`${report.join('\n')}\nwrote samples/${SAMPLE_FILE}\n`);
}
