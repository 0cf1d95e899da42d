import { describe, expect, it } from 'vitest';
import { findHeader, isRepeatedHeader } from './find-header';
import { sheetOf } from './grid-from-arrays';
import { matchHeader } from './vocabulary';
import { normaliseHeader } from './normalise-header';
import { readTitleFacts } from './title-facts';

describe('matchHeader', () => {
  it.each([
    [['PREVISIONS DEFINITIVES (1)'], 'revised'],
    [['Prévisions', 'Initiales'], 'planned'],
    [['Prévisions', 'Définitives'], 'revised'],
    [['Prévisions', 'BP'], 'planned'],
    [['Prévisions', 'BS'], 'revised'],
    [['Prévisions', 'Total'], 'revised'],
    [['BUDGET PRIMITIF'], 'planned'],
    [['MODIFICATIONS +/-'], 'change'],
    [['OR ADMIS (2)'], 'assessed'],
    [['RECOUVREMENT'], 'collected'],
    [['MANDAT ADMIS'], 'ordered'],
    [['ENGAGEMENT'], 'committed'],
    [['PAIEMENT'], 'paid'],
    [['RESTE A RECOUVRER'], 'remaining'],
    [["TAUX D'EXECUTION (2)/(1)"], 'rate'],
    [['Réalisations'], 'executed'],
    [['N° compte'], 'code'],
    [['Nature des dépenses'], 'label'],
    [['INTITULES'], 'label'],
    [['Label'], 'label'],
    [['Liquidated'], 'liquidated'],
    [['Budget Estimates (Kshs. Million)', 'Rec'], 'planned'],
    [['Expenditure (Kshs. Million)', 'Total'], 'executed'],
    [['% of Local Revenue Against Annual Local Revenue Target'], 'rate'],
    [['Annual local revenue target FY 2016/17 (Kshs.)'], 'planned'],
    [['Approved Budget'], 'planned'],
    [['Adjusted'], 'revised'],
    [['Actual'], 'executed'],
  ])('reads %j as %s', (parts, field) => {
    expect(matchHeader(parts)?.field).toBe(field);
  });

  it('knows no Portuguese or Czech words', () => {
    expect(matchHeader(['Arrec. Total'])).toBeNull();
    expect(matchHeader(['Schválený rozpočet'])).toBeNull();
  });

  it('normalises case, accents, punctuation and bracketed units', () => {
    expect(normaliseHeader("Taux d'Exécution (en %)")).toBe('taux d execution');
    expect(normaliseHeader('PRÉVISIONS  DÉFINITIVES [GNF]')).toBe('previsions definitives');
  });
});

describe('findHeader', () => {
  it('joins a merged group over its sub-headers and skips a legend row', () => {
    const sheet = sheetOf(
      'S',
      [
        ['Compte rendu 2019', null, null, null, null],
        [null, null, null, null, null],
        ['Code', 'Libellé', 'Prévisions', null, null, 'Réalisations'],
        [null, null, 'BP', 'BS', 'Total', null],
        ['A', 'B', 'C', 'D', 'E=C+D', 'F'],
        ['70', 'Impôts', 10, 2, 12, 11],
      ],
      {
        merges: [
          { startRow: 2, startCol: 2, endRow: 2, endCol: 4 },
          { startRow: 2, startCol: 0, endRow: 3, endCol: 0 },
          { startRow: 2, startCol: 1, endRow: 3, endCol: 1 },
          { startRow: 2, startCol: 5, endRow: 3, endCol: 5 },
        ],
      },
    );
    const header = findHeader(sheet);
    expect(header?.rows).toEqual([2, 3, 4]);
    expect(header?.legendRows).toEqual([4]);
    expect(header?.firstDataRow).toBe(5);
    expect(header?.columns.map((c) => c.name)).toEqual([
      'Code',
      'Libellé',
      'Prévisions / BP',
      'Prévisions / BS',
      'Prévisions / Total',
      'Réalisations',
    ]);
  });

  it('leaves a banner merged across the table out of the header', () => {
    const sheet = sheetOf(
      'RECETTE',
      [
        ['RECETTES DE FONCTIONNEMENT', null, null, null],
        ['COMPTE', 'INTITULES', 'BUDGET PRIMITIF', 'OR ADMIS'],
        ['70', 'Impôts', 5, 4],
      ],
      { merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 3 }] },
    );
    expect(findHeader(sheet)?.rows).toEqual([1]);
  });

  it('recognises a header repeated on a later page', () => {
    const rows = [
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
      ['60', 'Personnel', 5, 4],
      ['Code', 'Libellé', 'Prévu', 'Réalisé'],
    ];
    const sheet = sheetOf('S', rows);
    const header = findHeader(sheet)!;
    expect(isRepeatedHeader(sheet, 2, header)).toBe(true);
    expect(isRepeatedHeader(sheet, 1, header)).toBe(false);
  });

  it('finds no header in a sheet of prose', () => {
    expect(findHeader(sheetOf('S', [['Le Maire'], ['Signature']]))).toBeNull();
  });
});

describe('readTitleFacts', () => {
  it.each([
    [
      ['COLLECTIVITE : Commune Test (COM-TEST) - ANNÉE 2024'],
      'Commune Test (COM-TEST)',
      2024,
      null,
    ],
    [
      ['Commune urbaine de Kaloum', 'Exercice 2019', 'Montants en milliers'],
      'Commune urbaine de Kaloum',
      2019,
      1000,
    ],
    [['COMPTE ADMINISTRATIF 2024', 'Page 1 of 2'], null, 2024, null],
    [['Budget Estimates (Kshs. Million)'], null, null, 1e6],
  ])('reads %j', (texts, entity, year, unit) => {
    const facts = readTitleFacts(texts);
    expect(facts.entity?.name ?? null).toBe(entity);
    expect(facts.year?.value ?? null).toBe(year);
    expect(facts.unit?.multiplier ?? null).toBe(unit);
  });
});
