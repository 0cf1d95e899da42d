import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';
import { renderLinesCsv } from '../src-main/report/csv-export';
import { renderReportHtml } from '../src-main/report/report-html';
import type { ReportInput } from '../src-main/report/report-input';
import { renderWorkbook } from '../src-main/report/xlsx-export';
import { visibleText } from '../src-renderer/src/format';
import { smallReportInput } from './report-fixture';

// Spreadsheet text is shown and written everywhere; each output must keep it inert and make
// hidden characters visible, while a negative amount stays a number people can add up.
const FORMULA = '=HYPERLINK("http://example.invalid","x")';
const MARKUP = '<img src=x onerror=alert(1)>';
const BIDI = 'Droits \u202Eetnev\u202C de place';
const ZERO_WIDTH = 'Patentes\u200Bet licences';
const LABELS = [FORMULA, MARKUP, BIDI, ZERO_WIDTH];

function hostileInput(): ReportInput {
  const input = smallReportInput('fr');
  const details = input.lines.filter((l) => l.kind === 'line');
  const lines = input.lines.map((l) => {
    const at = details.indexOf(l);
    if (at < 0 || at >= LABELS.length) return l;
    const amounts = at === 0 ? { ...l.amounts, original: -1500 } : l.amounts;
    return { ...l, label: LABELS[at]!, amounts };
  });
  return { ...input, lines };
}

const input = hostileInput();

describe('hostile labels in every output', () => {
  it('are escaped and revealed in the HTML report, which carries its own CSP', () => {
    const html = renderReportHtml(input);
    expect(html).not.toContain(MARKUP);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/[\u202E\u200B]/);
    expect(html).toContain('⟨U+202E⟩');
    expect(html).toContain('⟨U+200B⟩');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'none'|default-src 'none'/);
  }); // prettier-ignore

  it('are neutralised in the CSV, where -1500 stays a plain number', () => {
    const csv = renderLinesCsv(input, 'safe');
    const fields = csv.split(/\r\n/).flatMap((row) => row.split(','));
    expect(fields.some((f) => /^"?[=+@]/.test(f))).toBe(false);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid""`);
    expect(csv).not.toMatch(/[\u202E\u200B]/);
    expect(csv).toContain('⟨U+202E⟩');
    expect(fields).toContain('-1500');
    expect(fields).not.toContain("'-1500");
  });

  it('are text cells in the XLSX, never formulas, where -1500 stays a number cell', () => {
    const workbook = XLSX.read(renderWorkbook(input), { type: 'buffer', dense: true });
    const cells = workbook.SheetNames.flatMap((name) => {
      const rows = (workbook.Sheets[name]!['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
      return rows.flatMap((row) => (row ?? []).filter((c): c is XLSX.CellObject => !!c));
    });
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const texts = cells.filter((c) => c.t === 's').map((c) => String(c.v));
    // A shared-string cell is never evaluated; a leading apostrophe or quotePrefix keeps it so
    // when someone edits it.
    expect(texts.some((t) => t === FORMULA || t === `'${FORMULA}`)).toBe(true);
    expect(texts).toContain(MARKUP);
    expect(texts.some((t) => /[\u202E\u200B]/.test(t))).toBe(false);
    expect(texts.some((t) => t.includes('⟨U+202E⟩'))).toBe(true);
    expect(cells.some((c) => c.t === 'n' && c.v === -1500)).toBe(true);
  });

  it('are spelled out by the renderer’s visibleText', () => {
    expect(visibleText(BIDI)).toBe('Droits ⟨U+202E⟩etnev⟨U+202C⟩ de place');
    expect(visibleText(ZERO_WIDTH)).toBe('Patentes⟨U+200B⟩et licences');
    expect(visibleText(MARKUP)).toBe(MARKUP);
  });

  it('reach the renderer only as React text: no raw HTML anywhere in its sources', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = walk(fromRoot('src-renderer', 'src')).filter((path) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(path, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
