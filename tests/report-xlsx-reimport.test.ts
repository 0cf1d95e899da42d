import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readGrid } from '../src-main/import/read-grid';
import { revealInvisible } from '../src-main/report/safe-text';
import { renderWorkbook } from '../src-main/report/xlsx-export';
import { interpretGrid } from '../src-shared/import/interpret-grid';
import type { ImportPreview } from '../src-shared/model';
import { smallReportInput } from './report-fixture';

const input = smallReportInput('fr');
const bytes = renderWorkbook(input);

function reimport(): ImportPreview {
  const read = readGrid(bytes, 'export.xlsx');
  if (!read.ok) throw new Error(read.issue.message);
  const file = {
    name: 'export.xlsx',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
  };
  return interpretGrid(read.grid, file, {});
}

/** code → direction, section, label and amounts by phase, for comparing budgets. */
function byCode(rows: { code: string | null; direction: string | null; section: string | null; label: string | null; amounts: Record<string, number> }[]) {
  return new Map(rows.map((r) => [r.code, { direction: r.direction, section: r.section, label: r.label, amounts: r.amounts }]));
} // prettier-ignore

function totals(rows: { direction: string | null; amounts: Record<string, number> }[]) {
  const sums: Record<string, number> = {};
  for (const r of rows) {
    for (const [phase, v] of Object.entries(r.amounts)) {
      const key = `${r.direction}/${phase}`;
      sums[key] = (sums[key] ?? 0) + v;
    }
  }
  return sums;
}

describe('importing our own XLSX export', () => {
  const preview = reimport();
  const imported = preview.rows
    .filter((r) => r.kind === 'line')
    .map((r) => ({
      ...r,
      amounts: Object.fromEntries(r.amounts.map((a) => [a.phase, a.valueMinor])),
    }));
  // The export reveals invisible characters on purpose: the label comes back revealed.
  const exported = input.lines
    .filter((l) => l.kind === 'line')
    .map((l) => ({ ...l, label: l.label === null ? null : revealInvisible(l.label) }))
    .map((l) => ({ ...l, amounts: l.amounts as Record<string, number> }));

  it('reads the lines sheet and leaves the summary out so that nothing counts twice', () => {
    const lines = preview.sheets.find((s) => s.name === 'Lignes')!;
    expect(lines.used).toBe(true);
    expect(preview.sheets.find((s) => s.name === 'Synthèse')!.used).toBe(false);
    const mapped = Object.fromEntries(lines.columns.map((c) => [c.header, c.phase ?? c.field]));
    expect(mapped).toMatchObject({
      Code: 'code',
      Libellé: 'label',
      'Prévisions initiales': 'original',
      'Prévisions définitives': 'revised',
      Mandaté: 'ordered',
      'Titres émis': 'assessed',
      Réalisations: 'executed',
    });
  });

  it('gives back the same lines: codes, labels, sides, sections and amounts by phase', () => {
    expect(imported.filter((r) => r.sheet === 'Lignes')).toHaveLength(exported.length);
    expect(byCode(imported)).toEqual(byCode(exported));
  });

  it('gives back the same totals by side and phase, the -1 500 correction included', () => {
    expect(totals(imported)).toEqual(totals(exported));
    expect(imported.find((r) => r.code === '6130')?.amounts.ordered).toBe(-1500);
  });

  it('keeps a formula-looking label as text, never as a formula', () => {
    const label = imported.find((r) => r.code === '6110')?.label;
    expect(label).toBe('=HYPERLINK("http://example.invalid","x")');
  });
});
