import { describe, expect, it } from 'vitest';
import { findHeader } from './find-header';
import { sheetOf, type CellLiteral } from './grid-from-arrays';
import { mapColumns, sectionOfHeader } from './map-columns';

function plan(rows: CellLiteral[][], merges: { startRow: number; startCol: number; endRow: number; endCol: number }[] = []) {
  const sheet = sheetOf('S', rows, { merges });
  return mapColumns(sheet, findHeader(sheet)!);
} // prettier-ignore

describe('mapColumns', () => {
  it.each([
    ['Prévisions', 'original'],
    ['Prévisions définitives', 'revised'],
    ['Mandats émis', 'ordered'],
    ['Titres émis', 'assessed'],
    ['Recouvrements', 'collected'],
    ['Réalisations', 'executed'],
    ['Engagements', 'committed'],
  ])('maps the header “%s” to %s', (header, phase) => {
    const p = plan([
      ['Code', 'Libellé', header],
      ['601', 'A', 1],
    ]);
    expect(p.amounts.map((a) => a.phase)).toContain(phase);
  });

  it('keeps BUDGET ADDITIONNEL and MODIFICATIONS +/- both as change beside the final forecast', () => {
    const p = plan([
      ['COMPTE', 'INTITULES', 'BUDGET PRIMITIF', 'BUDGET ADDITIONNEL', 'MODIFICATIONS +/-', 'PREVISIONS DEFINITIVES'],
      ['70', 'Impôts', 10, 2, -1, 11],
    ]); // prettier-ignore
    expect(p.amounts.map((a) => [a.col, a.phase])).toEqual([
      [2, 'original'],
      [3, 'change'],
      [4, 'change'],
      [5, 'revised'],
    ]);
  });

  it('splits Rec | Dev under a group into sections and keeps the Total to check', () => {
    const p = plan(
      [
        ['County', 'Budget Estimates', null, null, 'Expenditure', null, null],
        [null, 'Rec', 'Dev', 'Total', 'Rec', 'Dev', 'Total'],
        ['Baringo', 1, 2, 3, 1, 1, 2],
      ],
      [
        { startRow: 0, startCol: 1, endRow: 0, endCol: 3 },
        { startRow: 0, startCol: 4, endRow: 0, endCol: 6 },
      ],
    );
    const executed = p.amounts.filter((a) => a.phase === 'executed');
    expect(executed.map((a) => [a.col, a.section])).toEqual([
      [4, 'operating'],
      [5, 'investment'],
    ]);
    expect(p.sectionTotals.map((t) => [t.col, t.phase])).toEqual([
      [3, 'original'],
      [6, 'executed'],
    ]);
  });

  it('takes a field named by a template away from the column the vocabulary guessed', () => {
    const sheet = sheetOf('S', [
      ['Code', 'Prévu', 'Schválený rozpočet'],
      ['601', 1, 2],
    ]);
    const p = mapColumns(sheet, findHeader(sheet)!, {
      template: { planned: 'Schválený rozpočet' },
    });
    expect(p.amounts.find((a) => a.phase === 'original')?.col).toBe(2);
  });

  it('says in French why each column holds its field', () => {
    const sheet = sheetOf('S', [
      ['Code', 'Libellé', 'Prévu', 'Réalisations'],
      ['601', 'Fournitures', 1, 2],
    ]);
    const p = mapColumns(sheet, findHeader(sheet)!, {
      template: { label: 'Libellé' },
      user: { executed: 'D' },
    });
    expect(p.columns.map((c) => c.because)).toEqual([
      "mots de l'en-tête : “code”",
      'modèle enregistré',
      "mots de l'en-tête : “prevu”",
      "choix de l'utilisateur",
    ]);
  });
});

describe('sectionOfHeader', () => {
  it.each([
    ['Rec', 'operating'],
    ['Recurrent', 'operating'],
    ['Fonctionnement', 'operating'],
    ['Dev', 'investment'],
    ['Development', 'investment'],
    ['Total', null],
  ])('reads the sub-header “%s” as %s', (part, section) => {
    expect(sectionOfHeader(part)).toBe(section);
  });
});
