import { describe, expect, it } from 'vitest';
import { splitRecords } from './csv-records';
import { resolveLimits } from './limits';
import { readCsv, sniffDelimiter } from './read-csv';

const limits = resolveLimits();
const encode = (text: string) => new TextEncoder().encode(text);

function texts(text: string, delimiter?: string) {
  const result = readCsv(encode(text), 'budget.csv', { delimiter }, limits);
  if (!result.ok) throw new Error(result.issue.message);
  return result.grid.sheets[0]!.rows.map((row) => row.map((cell) => cell?.text));
}

describe('sniffDelimiter', () => {
  it.each([
    ['semicolons beside decimal commas', '05.10.2023;Shop;-12,50\n06.10.2023;Bus;-3,20\n', ';'],
    ['tabs between decimal commas', 'Code\tPrévu\tRéalisé\n70\t1,5\t2,25\n71\t3,75\t0,5\n', '\t'],
    ['commas in an English file', 'Fund,Amount\n100,"325,532.52"\n200,"1,234,567"\n', ','],
    ['pipes', 'a|b|c\n1|2|3\n', '|'],
    [
      'semicolons with commas inside labels',
      'Code;Label;Prév\n70;Taxes, droits;1\n71;Fees;2\n',
      ';',
    ],
    [
      'Brazilian thousands dots and decimal commas',
      'Código;Prev. Inicial\n1.1;334.327,57\n1.2;87.538.258,97\n',
      ';',
    ],
  ])('finds %s', (_, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});

describe('splitRecords', () => {
  it.each([
    [
      'LF line ends',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'bare CR line ends',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a quoted line break',
      '"Annual\nrevenue",b\n1,2\n',
      [
        ['Annual\nrevenue', 'b'],
        ['1', '2'],
      ],
    ],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['a quote inside an unquoted field', '5" pipe,x\n', [['5" pipe', 'x']]],
    ['text after a closing quote', '"abc"def,x\n', [['abcdef', 'x']]],
    ['empty fields kept', ',a,,\n', [['', 'a', '', '']]],
    ['a blank line inside', 'a\n\nb\n', [['a'], [''], ['b']]],
  ])('splits %s', (_, text, expected) => {
    const parsed = splitRecords(text, ',');
    expect(parsed.ok && parsed.records).toEqual(expected);
  });

  it('gives the line where a quote opens and never closes', () => {
    expect(splitRecords('a,b\n1,2\n3,"open\n4,5\n', ',')).toMatchObject({
      ok: false,
      unclosedQuoteLine: 3,
    });
  });

  it('counts lines inside quoted fields when numbering records', () => {
    const parsed = splitRecords('"x\ny",1\n2,3\n', ',');
    expect(parsed.ok && parsed.lines).toEqual([1, 3]);
  });
});

describe('readCsv', () => {
  it('keeps every field as raw text, a leading = included', () => {
    const result = readCsv(encode('Code;Montant\n70;=SUM(A1:A9)\n'), 'b.csv', {}, limits);
    expect(result.ok && result.grid.sheets[0]!.rows[1]).toEqual([
      {
        type: 'string',
        value: '70',
        text: '70',
        format: null,
        formula: null,
        formulaWithoutValue: false,
      },
      {
        type: 'string',
        value: '=SUM(A1:A9)',
        text: '=SUM(A1:A9)',
        format: null,
        formula: null,
        formulaWithoutValue: false,
      },
    ]);
  });

  it('keeps ragged rows as they are and drops empty trailing rows', () => {
    expect(texts('a,b,c\n1,2\n3,4,5,6\n,,\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['3', '4', '5', '6'],
    ]);
  });

  it('marks empty fields as empty cells', () => {
    const result = readCsv(encode('a,,c\n'), 'b.csv', {}, limits);
    expect(result.ok && result.grid.sheets[0]!.rows[0]![1]).toMatchObject({
      type: 'empty',
      value: null,
      text: '',
    });
  });

  it('refuses unbalanced quotes with the line and the file named', () => {
    const result = readCsv(encode('a,b\n1,"2\n3,4\n'), 'budget.csv', {}, limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({ code: 'unbalanced-quote', file: 'budget.csv', row: 2 });
    expect(result.issue.message).toMatch(/^La ligne 2 de « budget.csv » ouvre des guillemets/);
  });

  it('removes NUL bytes and says how many', () => {
    const result = readCsv(encode('a,b\u0000\n1\u0000,2\n'), 'b.csv', {}, limits);
    expect(result.ok && result.grid.sheets[0]!.rows.map((row) => row.map((c) => c?.text))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(result.ok && result.grid.notes).toContainEqual(
      expect.objectContaining({
        code: 'nul-removed',
        message: '2 caractères NUL ont été retirés du fichier.',
      }),
    );
  });

  it('refuses a cell longer than the limit, with its address', () => {
    const result = readCsv(encode(`a,b\n1,${'x'.repeat(40_000)}\n`), 'big.csv', {}, limits);
    expect(!result.ok && result.issue).toMatchObject({
      code: 'cell-too-long',
      row: 2,
      column: 'B',
    });
  });

  it('uses a forced delimiter and records the one used', () => {
    const result = readCsv(encode('a;b,c\n'), 'b.csv', { delimiter: ',' }, limits);
    expect(result.ok && [result.grid.delimiter, result.grid.sheets[0]!.rows[0]!.length]).toEqual([
      ',',
      2,
    ]);
  });

  it.each([
    ['Code;Prévu\n70;1\n', 'Les champs sont séparés par « ; ».'],
    ['Code\tPrévu\n70\t1\n', 'Les champs sont séparés par des tabulations.'],
  ])('says in French which delimiter it found (%#)', (text, message) => {
    const result = readCsv(encode(text), 'b.csv', {}, limits);
    expect(result.ok && result.grid.notes).toContainEqual(
      expect.objectContaining({ code: 'delimiter-found', message }),
    );
  });

  it('names the sheet after the file', () => {
    const result = readCsv(encode('a\n'), 'data/Budget 2024.csv', {}, limits);
    expect(result.ok && result.grid.sheets[0]!.name).toBe('Budget 2024');
  });
});
