import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { renderLinesArrow } from '../src-main/report/arrow-export';
import { columnHeader } from '../src-main/report/column-headers';
import { revealInvisible } from '../src-main/report/safe-text';
import { allViews } from '../src-main/report/table-views';
import { renderWorkbook } from '../src-main/report/xlsx-export';
import { HOSTILE_BIDI, HOSTILE_FORMULA, HOSTILE_MARKUP, smallReportInput } from './report-fixture';

const input = smallReportInput('fr');

describe('the XLSX export', () => {
  const bytes = renderWorkbook(input);
  const book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });

  it('has one sheet per view, named in the report’s language', () => {
    expect(book.SheetNames).toEqual(['Synthèse', 'Lignes', 'Alertes', 'Provenance']);
  });

  it('reads back value by value: numbers as numbers, headers in French, text revealed', () => {
    allViews(input).forEach((view, i) => {
      const sheet = book.Sheets[book.SheetNames[i]!]!;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
        header: 1,
        defval: null,
        raw: true,
      });
      expect(rows[0]).toEqual(view.columns.map((c) => columnHeader(c.key, 'fr')));
      const expected = view.rows.map((r) =>
        r.map((v) => (typeof v === 'string' ? revealInvisible(v) : v)),
      );
      expect(rows.slice(1)).toEqual(expected);
    });
  });

  it('writes amounts as typed numbers with a thousands format and never as formulas', () => {
    const sheet = book.Sheets['Lignes']!;
    const cells = Object.entries(sheet).filter(([ref]) => !ref.startsWith('!'));
    const negative = cells.map(([, c]) => c as XLSX.CellObject).find((c) => c.v === -1500)!;
    expect(negative.t).toBe('n');
    expect(negative.z).toBe('#,##0');
    for (const [, cell] of cells) expect((cell as XLSX.CellObject).f).toBeUndefined();
    const labels = cells.map(([, c]) => (c as XLSX.CellObject).v);
    expect(labels).toContain(HOSTILE_FORMULA);
    expect(labels).not.toContain(`'${HOSTILE_FORMULA}`);
    expect(labels).toContain(HOSTILE_MARKUP);
    expect(labels).not.toContain(HOSTILE_BIDI);
  });

  it('marks formula-looking text with the quotePrefix style instead of a visible apostrophe', () => {
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const part = (end: string) => {
      const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith(end))]!;
      return Buffer.from(entry.content as Uint8Array).toString('utf8');
    };
    // Cells point into cellXfs by position; the other <xf> lists do not count.
    const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(part('xl/styles.xml'))![1]!;
    const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    const quoted = xfs.findIndex((xf) => xf.includes('quotePrefix="1"'));
    expect(quoted).toBeGreaterThan(0);
    const lines = book.Sheets['Lignes']!;
    const refOf = (text: string) =>
      Object.keys(lines).find((ref) => (lines[ref] as XLSX.CellObject).v === text)!;
    const sheet = part('xl/worksheets/sheet2.xml');
    for (const text of [HOSTILE_FORMULA, '-15 % de remise sur l’éclairage public']) {
      expect(sheet).toMatch(new RegExp(`<c r="${refOf(text)}"[^>]* s="${quoted}"`));
    }
    // A plain label and a negative number keep the ordinary styles.
    expect(sheet).not.toMatch(
      new RegExp(`<c r="${refOf('Patentes et licences')}"[^>]* s="${quoted}"`),
    );
    const negative = Object.keys(lines).find((ref) => (lines[ref] as XLSX.CellObject).v === -1500)!;
    expect(sheet).not.toMatch(new RegExp(`<c r="${negative}"[^>]* s="${quoted}"`));
  });

  it('writes its headers in English when the report is in English', () => {
    const english = XLSX.read(renderWorkbook(smallReportInput('en')), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(english.Sheets['Lines']!, { header: 1 });
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Code', 'Label', 'Original budget', 'Revised budget', 'Actual']),
    );
  });

  it('freezes the header row and sizes the columns to their content', () => {
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const index = zip.FullPaths.findIndex((p: string) => p.endsWith('xl/worksheets/sheet2.xml'));
    const entry = zip.FileIndex[index]!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    expect(xml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    const widths = book.Sheets['Lignes']!['!cols']!.map((c) => c.wch ?? c.width ?? 0);
    expect(Math.max(...widths)).toBeGreaterThan(30);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(4);
  });
});

describe('the Arrow export', () => {
  const table = tableFromIPC(renderLinesArrow(input));

  it('reads back every line and amount value by value, amounts exact in minor units', () => {
    expect(table.numRows).toBe(input.lines.length);
    input.lines.forEach((line, i) => {
      const row = table.get(i)!.toJSON();
      expect(row.line_id).toBe(line.id);
      expect(row.sheet).toBe(line.sheet);
      expect(row.row).toBe(line.row);
      expect(row.code).toBe(line.code);
      expect(row.label).toBe(line.label);
      expect(row.direction).toBe(line.direction);
      for (const phase of ['original', 'revised', 'ordered', 'assessed'] as const) {
        const value = line.amounts[phase];
        expect(row[`${phase}_minor`]).toBe(value === undefined ? null : BigInt(value));
        expect(row[`${phase}_cell`]).toBe(line.cells[phase] ?? null);
      }
    });
  });

  it('keeps the currency and the source file’s hash in its metadata', () => {
    const meta = table.schema.metadata;
    expect(meta.get('currency')).toBe('GNF');
    expect(meta.get('currency_exponent')).toBe('0');
    expect(meta.get('source_sha256')).toBe(input.budget.sourceSha256);
  });
});
