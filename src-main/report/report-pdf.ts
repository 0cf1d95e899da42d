import type { Browser } from 'playwright-core';
import { launchSystemChromium } from '../browser/system-chromium';
import { createLogger } from '../log';
import { escapeHtml } from './safe-text';

const log = createLogger('report-pdf');

export interface PdfOptions {
  /** Shown at the left of every page's footer (entity, year, date of the report). */
  footerText?: string;
  /** The words around the page numbers, "Page" and "sur" in French. */
  pageWord?: string;
  ofWord?: string;
  executablePath?: string;
  /**
   * `a4` (the default) prints pages with margins and the footer; `slide` prints 1920×1080 px
   * pages edge to edge with no footer, the slides carrying their own numbers.
   */
  layout?: 'a4' | 'slide';
}

function pageSetup(options: PdfOptions) {
  if (options.layout === 'slide') {
    return {
      width: '1920px',
      height: '1080px',
      displayHeaderFooter: false,
      margin: { top: '0', bottom: '0', left: '0', right: '0' },
    };
  }
  return {
    format: 'A4',
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: footerTemplate(options),
    margin: { top: '20mm', bottom: '18mm', left: '15mm', right: '15mm' },
  };
}

function footerTemplate({ footerText = '', pageWord = 'Page', ofWord = '/' }: PdfOptions) {
  // Chromium fills the spans with classes pageNumber and totalPages; the template has no access
  // to the page's fonts or styles, hence the inline style.
  return [
    '<div style="width:100%;font-size:8px;color:#56616b;padding:0 15mm;',
    'display:flex;justify-content:space-between;font-family:sans-serif;">',
    `<span>${escapeHtml(footerText)}</span>`,
    `<span>${escapeHtml(pageWord)} <span class="pageNumber"></span> ${escapeHtml(ofWord)} `,
    '<span class="totalPages"></span></span></div>',
  ].join('');
}

/**
 * Prints a report's HTML to a PDF (A4 with page numbers, or slides), in the system's Chromium. Every
 * request the page might make is refused, so that the PDF holds only what the HTML holds.
 */
export async function writeReportPdf(
  html: string,
  outPath: string,
  options: PdfOptions = {},
): Promise<void> {
  const started = Date.now();
  let browser: Browser | null = null;
  try {
    browser = await launchSystemChromium(options.executablePath);
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    let blocked = 0;
    await page.route('**', async (route) => {
      if (route.request().url().startsWith('data:')) return route.continue();
      blocked += 1;
      return route.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
    await page.pdf({
      path: outPath,
      printBackground: true,
      preferCSSPageSize: true,
      ...pageSetup(options),
    });
    if (blocked > 0) log.warn(`blocked ${blocked} requests while printing the report`);
    log.info(`printed the report to PDF in ${Date.now() - started} ms`);
  } finally {
    await browser?.close();
  }
}
