import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './formulas';
import { gridOf, sheetOf } from './grid-from-arrays';

const sheet = sheetOf('RECETTE', [
  [10, 4, '=B1/A1', '=SUM(A1:B1)', '=IF(A1=0,0,B1/A1)', '=C1*100'],
  [0, 5, '=B2/A2', '=IF(A2=0,0,B2/A2)', '=E2', '=F2'],
  [5000000, 200000, -50000, '=A3+B3+C3', '=D3-A3', '=SUM(A3:C3)-D3'],
  ['texte', null, '=A4+1', '=B4+1', '=MAX(A1:B1)', '=RECETTE!A1*2'],
  ['=F5', '=A5', null, null, null, '=B5'],
]);
const grid = gridOf([sheet]);

describe('evaluateFormula', () => {
  it.each([
    ['B1/A1', 0.4],
    ['SUM(A1:B1)', 14],
    ['IF(A1=0,0,B1/A1)', 0.4],
    ['C1*100', 40],
    ['IF(A2=0,0,B2/A2)', 0],
    ['A3+B3+C3', 5150000],
    ['D3-A3', 150000],
    ['SUM(A3:C3)-D3', 0],
    ['B4+1', 1],
    ['RECETTE!A1*2', 20],
    ['(A1+B1)*2-3', 25],
    ['=A1;B1', null],
  ])('computes %s', (formula, expected) => {
    const result = evaluateFormula(grid, sheet, formula);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['B2/A2', /division by zero/],
    ['A4+1', /text/],
    ['MAX(A1:B1)', /MAX/],
    ['A5', /circular/],
    ['Autre!A1', /sheet/],
  ])('reports %s instead of a figure', (formula, reason) => {
    const result = evaluateFormula(grid, sheet, formula);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
