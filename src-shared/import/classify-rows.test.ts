import { describe, expect, it } from 'vitest';
import { accountClassOf, classifyRows, hierarchyKey, type RawRow } from './classify-rows';

function raw(code: string | null, label: string | null, values: RawRow['values'] = {}): RawRow {
  const texts = [code, label].filter((t): t is string => !!t);
  const filled = texts.length + Object.keys(values).length;
  return { row: 0, code, codeLevel: null, label, texts, filled, values, isRepeatedHeader: false, hidden: false }; // prettier-ignore
}

const CONTEXT = { direction: null, section: null, forced: null };

function kinds(rows: RawRow[]): string[] {
  return classifyRows(
    rows.map((r, i) => ({ ...r, row: i })),
    CONTEXT,
  ).map((c) => c.kind);
}

describe('classifyRows', () => {
  it.each([
    ['RECETTES DE FONCTIONNEMENT', 'banner'],
    ['DÉPENSES D’INVESTISSEMENT', 'banner'],
    ['Le Maire, signature', 'note'],
    ['Chapitre sans figures', 'heading'],
  ])('classifies the text row “%s” as %s', (label, kind) => {
    expect(kinds([raw(null, label)])).toEqual([kind]);
  });

  it.each([
    ['Total chapitre 70', 'subtotal'],
    ['Sous-total', 'subtotal'],
    ['TOTAL GÉNÉRAL', 'total'],
    ['Total', 'total'],
    ['Celkem za 0000', 'subtotal'],
    ['CELKEM', 'total'],
  ])('classifies a row labelled “%s” with figures as %s', (label, kind) => {
    expect(
      kinds([raw('701', 'Impôts', { original: 5 }), raw(null, label, { original: 5 })]),
    ).toEqual(['line', kind]);
  });

  it.each([
    ['TOTAL RECETTES D’INVESTISSEMENT', 'investment'],
    ['TOTAL GÉNÉRAL DES RECETTES', null],
    ['Total', 'investment'],
  ])('gives the total “%s” after an investment banner the section %s', (label, section) => {
    const rows = [raw(null, 'RECETTES D’INVESTISSEMENT'), raw('131', 'FNDL', { original: 5 }), raw(null, label, { original: 5 })]; // prettier-ignore
    const classes = classifyRows(
      rows.map((r, i) => ({ ...r, row: i })),
      CONTEXT,
    );
    expect(classes[2]?.section).toBe(section);
  });

  it('takes a coded row whose code prefixes the figures below as a subtotal, not a line', () => {
    const rows = [raw('70', 'Impôts', { original: 30 }), raw('701', 'A', { original: 10 }), raw('702', 'B', { original: 20 })]; // prettier-ignore
    expect(kinds(rows)).toEqual(['subtotal', 'line', 'line']);
  });

  it('takes a coded row without figures above coded rows as a heading', () => {
    expect(kinds([raw('70', 'Impôts'), raw('701', 'A', { original: 10 })])).toEqual([
      'heading',
      'line',
    ]);
  });

  it.each([
    [{ original: 30 }, 'total'],
    [{ original: 31 }, 'unclassified'],
  ])('takes an unlabelled row %j after lines of 10 and 20 as %s', (values, kind) => {
    const rows = [raw('601', 'A', { original: 10 }), raw('602', 'B', { original: 20 }), raw(null, null, values), raw('603', 'C', { original: 1 })]; // prettier-ignore
    expect(kinds(rows)[2]).toBe(kind);
  });

  it('takes the last unlabelled row with figures as the grand total even when it differs', () => {
    const rows = [raw('601', 'A', { original: 10 }), raw(null, null, { original: 11 })];
    expect(kinds(rows)).toEqual(['line', 'total']);
  });

  it('does not let a repeated code end the rows it heads', () => {
    const rows = [raw('9510.00', 'Deduções', { original: -5 }), raw('9510.00', 'Deduções', { original: -5 }), raw('9510.00 110.000', 'Deduções', { original: -5 })]; // prettier-ignore
    expect(kinds(rows)).toEqual(['subtotal', 'subtotal', 'line']);
  });
});

describe('hierarchyKey', () => {
  it.each([
    ['1000.00.0.0.00.00', '1'],
    ['1100.00.0.0.00.00', '11'],
    ['1112.50.0.0.00.00', '111250'],
    ['1112.50.0.1.00.00', '11125001'],
    ['7080', '7080'],
  ])('keys %s as %s', (code, key) => {
    expect(hierarchyKey(code)).toBe(key);
  });

  it('keeps siblings such as 1712.50 and 1712.51 apart', () => {
    expect(hierarchyKey('1712.51.0.0.00.00').startsWith(hierarchyKey('1712.50.0.0.00.00'))).toBe(
      false,
    );
  });
});

describe('accountClassOf', () => {
  it.each([
    ['6011', 'expenditure', 'operating'],
    ['7080', 'revenue', 'operating'],
    ['1611', 'revenue', 'investment'],
    ['2313', 'expenditure', 'investment'],
    ['1112.50', null, null],
    ['4111', null, null],
  ])('reads account %s as %s %s', (code, direction, section) => {
    expect(accountClassOf(code)).toEqual({ direction, section });
  });

  it('leaves the classes aside when the template says the codes follow another nomenclature', () => {
    const [row] = classifyRows([raw('6011', 'Mzdy', { original: 1 })], { ...CONTEXT, accountClasses: false }); // prettier-ignore
    expect([row!.direction, row!.section]).toEqual([null, null]);
  });
});
