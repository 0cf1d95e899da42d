import * as XLSX from 'xlsx';

export type FixtureLine = [code: string, label: string, planned: number, executed?: number];

export interface FixtureOptions {
  title: string;
  lines: FixtureLine[];
  /** 0-based indexes into `lines` whose rows the sheet hides. */
  hidden?: number[];
  /** Leave the execution column out (a budget voted, not yet executed). */
  forecastOnly?: boolean;
}

/** The first row of the lines: two title rows, a blank, the header. */
export const FIRST_LINE_ROW = 5;

/**
 * A small commune workbook: entity and title rows above a one-row French header, one line per
 * entry (class 6 codes expenditure, class 7 revenue). The bytes differ whenever a figure does.
 */
export function communeWorkbook(options: FixtureOptions): Uint8Array {
  const header = options.forecastOnly
    ? ['Code', 'Libellé', 'Prévisions']
    : ['Code', 'Libellé', 'Prévisions', 'Réalisations'];
  const body = options.lines.map(([code, label, planned, executed]) =>
    options.forecastOnly ? [code, label, planned] : [code, label, planned, executed ?? 0],
  );
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Commune de Testville'],
    [options.title],
    [],
    header,
    ...body,
  ]);
  sheet['!rows'] = [];
  for (const i of options.hidden ?? []) sheet['!rows'][FIRST_LINE_ROW - 1 + i] = { hidden: true };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'BUDGET');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
