import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../log';
import { renderLinesArrow } from './arrow-export';
import { renderCitizenHtml } from './citizen-html';
import { renderLinesCsv } from './csv-export';
import { FDP_CSV_NAME, renderFiscalDataPackage } from './fdp-export';
import { createFormatter } from './format';
import { fill, messagesFor } from './messages';
import { renderReportHtml } from './report-html';
import type { ReportInput } from './report-input';
import { writeReportPdf, type PdfOptions } from './report-pdf';
import { renderSlidesHtml } from './slides-html';
import { renderWorkbook } from './xlsx-export';

const log = createLogger('export');

export const EXPORT_FORMATS = [
  'pdf',
  'citizen',
  'slides',
  'html',
  'xlsx',
  'csv',
  'csv-raw',
  'fdp',
  'arrow',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The footer words of the printed report, in its language. */
export function pdfOptionsFor(input: ReportInput): PdfOptions {
  const m = messagesFor(input.lang);
  const fmt = createFormatter(m, input.budget.currency, input.budget.currencyExponent);
  return {
    footerText: fill(m.footer, {
      entity: input.budget.entity,
      year: input.budget.fiscalYear ?? m.unknownYear,
      date: fmt.date(input.generatedAt),
    }),
    pageWord: m.page,
    ofWord: m.of,
  };
}

/**
 * Writes one export of a budget. `outPath` is a file, except for `fdp`, where it is a folder
 * that receives datapackage.json and its CSV. `citizen` is the one- or two-page citizen budget,
 * `slides` the town-meeting deck, one 1920×1080 page a slide. `csv` is safe to open in a spreadsheet;
 * `csv-raw` keeps every text as stored, for programs.
 */
export async function exportBudget(
  format: ExportFormat,
  input: ReportInput,
  outPath: string,
): Promise<void> {
  const started = Date.now();
  switch (format) {
    case 'pdf':
      await writeReportPdf(renderReportHtml(input), outPath, pdfOptionsFor(input));
      break;
    case 'citizen':
      await writeReportPdf(renderCitizenHtml(input), outPath, pdfOptionsFor(input));
      break;
    case 'slides':
      await writeReportPdf(renderSlidesHtml(input), outPath, { layout: 'slide' });
      break;
    case 'html':
      await writeFile(outPath, renderReportHtml(input), 'utf8');
      break;
    case 'xlsx':
      await writeFile(outPath, renderWorkbook(input));
      break;
    case 'csv':
      await writeFile(outPath, renderLinesCsv(input, 'safe'), 'utf8');
      break;
    case 'csv-raw':
      await writeFile(outPath, renderLinesCsv(input, 'raw'), 'utf8');
      break;
    case 'fdp': {
      const { descriptor, csv } = renderFiscalDataPackage(input);
      await mkdir(outPath, { recursive: true });
      await writeFile(join(outPath, 'datapackage.json'), descriptor, 'utf8');
      await writeFile(join(outPath, FDP_CSV_NAME), csv, 'utf8');
      break;
    }
    case 'arrow':
      await writeFile(outPath, renderLinesArrow(input));
      break;
  }
  log.info(`exported ${input.lines.length} lines as ${format} in ${Date.now() - started} ms`);
}
