import { describe, expect, it } from 'vitest';
import { cellOf, gridOf, sheetOf } from './grid-from-arrays';
import { interpretGrid } from './interpret-grid';
import { matchesGrid, parseMapArgument, parseMappingTemplate } from './mapping';

const FILE = { name: 'budget.xlsx', sha256: 'x', sizeBytes: 1 };

function preview(
  rows: Parameters<typeof sheetOf>[1],
  extra: Parameters<typeof sheetOf>[2] = {},
  options = {},
) {
  return interpretGrid(gridOf([sheetOf('DEPENSES', rows, extra)]), FILE, {
    currency: 'GNF',
    ...options,
  });
}

describe('interpretGrid', () => {
  it('reads "Prévisions" merged over BP | BS | Total and keeps the total as revised', () => {
    const p = preview(
      [
        ['Code', 'Libellé', 'Prévisions', null, null, 'Mandaté'],
        [null, null, 'BP', 'BS', 'Total', null],
        ['6011', 'Salaires', 100, 20, 120, 110],
      ],
      { merges: [{ startRow: 0, startCol: 2, endRow: 0, endCol: 4 }] },
    );
    const phases = p.rows[0]!.amounts.map((a) => [a.phase, a.valueMinor, a.cell]);
    expect(phases).toEqual([
      ['original', 100, 'C3'],
      ['change', 20, 'D3'],
      ['revised', 120, 'E3'],
      ['ordered', 110, 'F3'],
    ]);
  });

  it('takes direction and section from the rows own columns over the account class', () => {
    const p = interpretGrid(
      gridOf([
        sheetOf('Lignes', [
          ['Code', 'Libellé', 'Sens', 'Section', 'Prévu', 'Réalisé'],
          ['1021', 'Achat de terrain', 'Dépenses', 'Investissement', 100, 90],
          ['6011', 'Salaires', 'Dépenses', 'Fonctionnement', 100, 90],
          ['7011', 'Impôt foncier', 'Recettes', 'Fonctionnement', 100, 90],
        ]),
      ]),
      FILE,
      { currency: 'GNF' },
    );
    expect(p.rows.map((r) => [r.code, r.direction, r.section])).toEqual([
      ['1021', 'expenditure', 'investment'],
      ['6011', 'expenditure', 'operating'],
      ['7011', 'revenue', 'operating'],
    ]);
  });

  it('computes =B1/A1-style formulas without a saved value, and reports those it cannot', () => {
    const p = preview([
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
      ['6011', 'Salaires', 100, '=C2*2'],
      ['6012', 'Primes', 0, '=D2/C3'],
    ]);
    expect(p.rows[0]!.amounts.find((a) => a.phase === 'executed')?.valueMinor).toBe(200);
    expect(p.rows[1]!.amounts.find((a) => a.phase === 'executed')).toBeUndefined();
    expect(p.issues.find((i) => i.row === 3)?.message).toMatch(/formule =D2\/C3/);
  });

  it('refuses a date, a text and an error value in an amount column, but reads 22523', () => {
    const date = {
      type: 'date' as const,
      value: 41933,
      text: '21/10/2014',
      format: 'dd/mm/yyyy',
      formula: null,
      formulaWithoutValue: false,
    };
    const p = preview([
      ['Code', 'Libellé', 'Réalisations'],
      ['601', 'A', cellOf(date)],
      ['602', 'B', 'withdrawn'],
      ['603', 'C', '#DIV/0!'],
      ['604', 'D', 22523],
    ]);
    expect(p.issues.filter((i) => i.code === 'not-an-amount').map((i) => i.row)).toEqual([2, 3, 4]);
    expect(p.rows.find((r) => r.code === '604')?.amounts[0]?.valueMinor).toBe(22523);
    expect(p.issues[0]?.message).toMatch(/^Ligne 2, colonne Réalisations/);
  });

  it('keeps a first data row with an empty cell under one header as a line with missing figure', () => {
    const p = preview([
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
      ['6011', 'Salaires', null, 50],
    ]);
    expect(p.rows[0]).toMatchObject({
      kind: 'line',
      amounts: [{ phase: 'executed', valueMinor: 50 }],
    });
  });

  it('keeps a line whose every amount is unreadable, with its reason and an issue per cell', () => {
    const p = preview([
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
      ['601', 'Achats', 1000, 800],
      ['611', 'Salaires', 'n/a', 'retiré'],
    ]);
    expect(p.rows[1]).toMatchObject({ code: '611', kind: 'unclassified', amounts: [] });
    expect(p.rows[1]?.reason).toContain('aucun montant lisible');
    expect(p.sheets[0]?.rowCounts.unclassified).toBe(1);
    const cells = p.issues.filter((i) => i.row === 3).map((i) => [i.code, i.column]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['amount-not-available', 'C'],
        ['not-an-amount', 'D'],
      ]),
    );
  });

  it('leaves "N/A" in a forecast column missing, not 0', () => {
    const p = preview([
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
      ['612', 'Primes', 'N/A', 300],
    ]);
    expect(p.rows[0]).toMatchObject({
      kind: 'line',
      amounts: [{ phase: 'executed', valueMinor: 300 }],
    });
  });

  it('marks hidden rows, classifies totals and reconciles them', () => {
    const p = preview(
      [
        ['Code', 'Libellé', 'Prévu', 'Réalisé'],
        ['60', 'Personnel', 30, 25],
        ['601', 'Salaires', 10, 10],
        ['602', 'Primes', 20, 15],
        [null, 'TOTAL GÉNÉRAL', 30, 26],
      ],
      { hiddenRows: [3] },
    );
    expect(p.rows.map((r) => r.kind)).toEqual(['subtotal', 'line', 'line', 'total']);
    expect(p.rows[2]!.hidden).toBe(true);
    expect(p.issues.some((i) => i.code === 'hidden-row' && i.row === 4)).toBe(true);
    const executed = p.reconciliations
      .filter((r) => r.phase === 'executed')
      .map((r) => [r.row, r.differenceMinor]);
    expect(executed).toEqual([
      [2, 0],
      [5, 1],
    ]);
    const grand = p.reconciliations.find((r) => r.row === 5 && r.phase === 'executed');
    expect(grand?.hiddenMinor).toBe(15);
    expect(p.issues.some((i) => i.code === 'hidden-in-total' && i.row === 5)).toBe(true);
  });

  it('returns a template that reads the same table again', () => {
    const grid = gridOf([
      sheetOf('S', [
        ['Kód', 'Název', 'Schválený rozpočet'],
        ['6011', 'Mzdy', '1 000,50'],
      ]),
    ]);
    const template = parseMappingTemplate({
      version: 1,
      signature: ['kod', 'schvaleny rozpocet'],
      all: {
        headerRows: [1],
        fields: { code: 'A', label: 'Název', planned: 'Schválený rozpočet' },
      },
    });
    if (!template.ok) throw new Error(template.reason);
    expect(matchesGrid(template.template, grid)).toBe(true);
    const p = interpretGrid(grid, FILE, { currency: 'CZK', mapping: template.template });
    expect(p.rows[0]?.amounts[0]).toMatchObject({ phase: 'original', valueMinor: 100050 });
    const again = interpretGrid(grid, FILE, { currency: 'CZK', mapping: p.mapping });
    expect(again.rows).toEqual(p.rows);
  });

  it('parses --map text into fields and names unknown ones', () => {
    expect(parseMapArgument('planned=Budget 2019,executed=F,code=B+C+D')).toEqual({
      fields: { planned: 'Budget 2019', executed: 'F', code: ['B', 'C', 'D'] },
      errors: [],
    });
    expect(parseMapArgument('amount=F').errors).toHaveLength(1);
  });

  it('reads a rate column of 300 000 lines without running out of stack', () => {
    const lines = 300_000;
    const rows: Parameters<typeof sheetOf>[1] = [['Code', 'Libellé', 'Prévu', 'Réalisé', 'Taux']];
    for (let i = 0; i < lines; i++) rows.push([String(600_000 + i), 'Fournitures', 100, 95, 0.95]);
    const p = preview(rows);
    expect(p.rows).toHaveLength(lines);
    expect(p.rows[lines - 1]!.statedRatePercent).toBe(95);
  });
});
