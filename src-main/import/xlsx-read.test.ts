import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { linesPerSheet, SHEETS } from '../../bench/generate-budget';
import { writeXlsx } from '../../bench/write-xlsx';
import { makeSample } from '../../samples/make-sample';
import { editZip, unzip, writeZip } from '../../tests/fixtures/hostile/build-files';
import { communeWorkbook } from '../../tests/import-store-fixture';
import { hasPublicSamples, noteIfAbsent, PUBLIC_SAMPLES } from '../../tests/public-samples';
import { smallReportInput } from '../../tests/report-fixture';
import { fromRoot } from '../paths';
import { renderWorkbook } from '../report/xlsx-export';
import { resolveLimits, type ReadLimits } from './limits';
import { readGrid, readXlsxFast } from './read-grid';
import { sniffFormat } from './sniff';
import { groupThousands } from './xlsx-cell';

noteIfAbsent('xlsx-read.test.ts');

/** Both readers on the same bytes: SheetJS through readGrid, and the fast reader alone. */
function bothReads(bytes: Uint8Array, fileName = 'book.xlsx', limits: Partial<ReadLimits> = {}) {
  const sniffed = sniffFormat(bytes, fileName, 20_000);
  const format = sniffed.ok && sniffed.format === 'xlsm' ? 'xlsm' : 'xlsx';
  return {
    sheetjs: readGrid(bytes, fileName, { xlsxReader: 'sheetjs', limits }),
    fast: readXlsxFast(bytes, fileName, format, resolveLimits(limits)),
  };
}

/** The fast reader read the file itself, and gave exactly SheetJS's Grid (or refusal). */
function expectSameRead(bytes: Uint8Array, fileName?: string, limits?: Partial<ReadLimits>) {
  const { sheetjs, fast } = bothReads(bytes, fileName, limits);
  expect(fast).not.toHaveProperty('unsupported');
  expect(fast).toStrictEqual(sheetjs);
  return sheetjs;
}

/** The fast reader left the file to SheetJS, for the reason given. */
function expectLeftToSheetJs(bytes: Uint8Array, reason: RegExp) {
  const { fast } = bothReads(bytes);
  expect(fast).toHaveProperty('unsupported');
  expect((fast as { unsupported: string }).unsupported).toMatch(reason);
}

function writeBook(build: (workbook: XLSX.WorkBook) => void): Uint8Array {
  const workbook = XLSX.utils.book_new();
  build(workbook);
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEETML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface HandSheet {
  name: string;
  data: string;
  before?: string;
  after?: string;
  state?: string;
}

/** An xlsx written by hand, for what SheetJS's writer never writes (rich text, no `r`, …). */
function handBook(sheets: HandSheet[], strings?: string[], styles?: string, date1904 = false) {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEETML}.worksheet+xml"/>`,
    )
    .join('');
  const stringsType = strings
    ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${SHEETML}.sharedStrings+xml"/>`
    : '';
  const stylesType = styles
    ? `<Override PartName="/xl/styles.xml" ContentType="${SHEETML}.styles+xml"/>`
    : '';
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const entries = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${SHEETML}.sheet.main+xml"/>${overrides}${stringsType}${stylesType}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${
        strings
          ? `<Relationship Id="rS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
          : ''
      }${styles ? `<Relationship Id="rT" Type="${REL_NS}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${s.before ?? ''}<sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    })),
  ];
  if (strings) {
    entries.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${strings.length}">${strings.join('')}</sst>`,
    });
  }
  if (styles) entries.push({ name: 'xl/styles.xml', data: styles });
  return writeZip(entries);
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const workDir = mkdtempSync(join(tmpdir(), 'xlsx-read-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function benchFile(lines: number): Uint8Array {
  const file = join(workDir, `budget-${lines}.xlsx`);
  const counts = linesPerSheet(lines);
  writeXlsx(
    file,
    SHEETS.map((spec, i) => ({ spec, lineCount: counts[i]!, seed: 1000 + i })),
  );
  return new Uint8Array(readFileSync(file));
}

describe('the fast xlsx reader gives the Grid SheetJS gives', () => {
  const publicFiles = hasPublicSamples
    ? readdirSync(PUBLIC_SAMPLES).filter((name) => /\.xls[xm]$/.test(name))
    : [];

  it.runIf(hasPublicSamples).each(publicFiles)('reads the public sample %s the same', (name) => {
    expectSameRead(new Uint8Array(readFileSync(join(PUBLIC_SAMPLES, name))), name);
  });

  it.each(readdirSync(fromRoot('samples')).filter((name) => /\.xls[xm]$/.test(name)))(
    'reads the bundled sample %s the same',
    (name) => {
      expectSameRead(new Uint8Array(readFileSync(fromRoot('samples', name))), name);
    },
  );

  it('reads the sample as make-sample builds it the same', () => {
    expectSameRead(new Uint8Array(makeSample().bytes));
  });

  it('reads a bench budget of 2 000 lines the same, merges and banners included', () => {
    const grid = expectSameRead(benchFile(2_000));
    expect(grid.ok && grid.grid.sheets[0]!.merges.length).toBeGreaterThan(0);
  });

  it('reads a commune fixture with hidden rows the same', () => {
    const bytes = communeWorkbook({
      title: 'Compte administratif 2024',
      lines: [
        ['6011', 'Achats', 1200.5, 1100.25],
        ['6061', 'Fournitures', 300, 0],
        ['7011', 'Ventes', 5000, 5100.75],
      ],
      hidden: [1],
    });
    const grid = expectSameRead(bytes);
    expect(grid.ok && grid.grid.sheets[0]!.hiddenRows.length).toBe(1);
  });

  it('reads the report workbook the exporter writes the same', () => {
    expectSameRead(new Uint8Array(renderWorkbook(smallReportInput())));
  });

  it.each([
    ['too-many-rows', { maxRows: 50 }],
    ['too-many-columns', { maxColumns: 3 }],
    ['too-many-cells', { maxCells: 500 }],
    ['cell-too-long', { maxCellChars: 5 }],
    ['too-many-sheets', { maxSheets: 1 }],
  ] as const)('refuses a budget past a limit with the same %s issue', (code, limits) => {
    const result = expectSameRead(benchFile(200), 'budget.xlsx', limits);
    expect(!result.ok && result.issue.code).toBe(code);
  });
});

describe('the fast xlsx reader on small workbooks', () => {
  it('reads numbers, formats, dates, booleans and errors the same', () => {
    const bytes = writeBook((wb) => {
      const sheet = XLSX.utils.aoa_to_sheet([
        ['Texte', 12.5, -3, 0.1 + 0.2, 1e21, true, false],
        [41933, 1234.567, 0.256, 44197.75, '00123', '', 'fin'],
      ]);
      sheet.A2!.z = 'dd/mm/yyyy';
      sheet.B2!.z = '#,##0.00';
      sheet.C2!.z = '0.0%';
      sheet.D2!.z = 'yyyy-mm-dd hh:mm';
      sheet.H1 = { t: 'e', v: 0x07, f: 'A1/0' };
      sheet.H2 = { t: 'e', v: 0x2a };
      sheet.I1 = { t: 'n', v: 3, f: 'B1*2' };
      sheet['!ref'] = 'A1:I2';
      XLSX.utils.book_append_sheet(wb, sheet, 'Valeurs');
    });
    expectSameRead(bytes);
  });

  it('reads hidden rows, hidden columns, hidden sheets and merges the same', () => {
    const bytes = writeBook((wb) => {
      const sheet = XLSX.utils.aoa_to_sheet([
        ['Titre', null, null],
        ['a', 1, 2],
        ['b', 3, 4],
      ]);
      sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
      sheet['!rows'] = [undefined as never, { hidden: true }];
      sheet['!cols'] = [{}, { hidden: true }];
      XLSX.utils.book_append_sheet(wb, sheet, 'Visible');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Cachée');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['y']]), 'Très cachée');
      wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
    });
    const grid = expectSameRead(bytes);
    expect(grid.ok && grid.grid.sheets.map((s) => s.hidden)).toEqual([false, true, true]);
  });

  it('reads rich text, phonetic runs, xml:space and escapes in shared strings the same', () => {
    const strings = [
      '<si><t>Simple</t></si>',
      '<si><r><rPr><b/></rPr><t>Gras</t></r><r><t xml:space="preserve"> et fin</t></r></si>',
      '<si><t xml:space="preserve">  espaces  </t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>',
      '<si><t>A&amp;B &lt;C&gt; &quot;q&quot; &#233;t&#xE9; _x0041_ _x000D_</t></si>',
      '<si><t>ligne\r\nsuivante</t></si>',
      '<si><t/></si>',
      '<si><t>&#x1F600; &AMP; &#abc;</t></si>',
    ];
    const data = strings
      .map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`)
      .join('');
    expectSameRead(handBook([{ name: 'S', data }], strings));
  });

  it('reads inline strings, formula strings and a date-typed style the same', () => {
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Inline</t></is></c><c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c>' +
      '<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab &amp;amp; é</v></c><c r="D1" s="2"><v>45000</v></c><c r="E1" s="1"><v>-1234.5</v></c>' +
      '<c r="F1" s="3"><v>0.125</v></c><c r="G1" s="4"><v>7</v></c><c r="H1" t="b"><v>1</v></c><c r="I1" t="e"><v>#N/A</v></c></row>';
    expectSameRead(handBook([{ name: 'S', data }], undefined, STYLES));
    expectSameRead(handBook([{ name: 'S', data }], undefined, STYLES, true));
  });

  it('reads shared formulas, shifted for every cell of their range, the same', () => {
    const data =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2+$A$1+SUM(A$1:A1)</f><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>7</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"></f><v>11</v></c></row>' +
      '<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f t="shared" si="0"/></c><c r="C4"><f>_xlfn.CONCAT(A4,"x")</f></c></row>';
    const grid = expectSameRead(handBook([{ name: 'S', data }]));
    expect(grid.ok && grid.grid.sheets[0]!.rows[2]![1]!.formula).toBe('A3*2+$A$1+SUM(A$1:A3)');
  });

  it('reads cells and rows without an r attribute, following on, the same', () => {
    const data =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
      '<row hidden="1"><c><v>2</v></c></row><row r="5"><c><v>3</v></c></row><row><c s="0"><v>4</v></c></row>';
    const grid = expectSameRead(handBook([{ name: 'S', data }]));
    expect(grid.ok && grid.grid.sheets[0]!.rows.length).toBe(6);
  });

  it('reads columns hidden by ranges, hyperlinks and merges after the data the same', () => {
    const sheet = {
      name: 'S',
      before:
        '<cols><col min="1" max="1" width="9"/><col min="2" max="4" hidden="1"/><col min="3" max="3" hidden="0"/></cols>',
      data: '<row r="1" spans="1:2" ht="20" customHeight="1"><c r="A1"><v>1</v></c></row><row r="3" hidden="true"/>',
      after:
        '<mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells><hyperlinks><hyperlink ref="F2" location="S!A1"/></hyperlinks>',
    };
    const grid = expectSameRead(handBook([sheet]));
    expect(grid.ok && grid.grid.sheets[0]!.hiddenCols).toEqual([1, 3]);
  });

  it('reads a sheet named __proto__ and formulas without a value the same', () => {
    const data =
      '<row r="1"><c r="A1"><f>B1+1</f></c><c r="B1" t="n"><f>C1</f></c><c r="C1"><f>1/0</f><v></v></c></row>';
    const grid = expectSameRead(
      handBook([
        { name: '__proto__', data },
        { name: 'Autre', data },
      ]),
    );
    expect(grid.ok && grid.grid.notes.map((n) => n.code)).toEqual([
      'formula-without-value',
      'formula-without-value',
    ]);
  });

  it('keeps the macros note of an xlsm', () => {
    const book = handBook([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const bytes = editZip(
      book,
      (name, text) =>
        name === '[Content_Types].xml'
          ? text
              .replace(
                `${SHEETML}.sheet.main+xml`,
                'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
              )
              .replace(
                '</Types>',
                '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
              )
          : undefined,
      [{ name: 'xl/vbaProject.bin', data: new Uint8Array(64) }],
    );
    const grid = expectSameRead(bytes, 'book.xlsm');
    expect(grid.ok && grid.grid.notes[0]?.code).toBe('macros-ignored');
  });
});

describe('the short path for whole amounts', () => {
  const samples = [0, 7, -7, 999, 1000, -1000, 123456, -1234567, 2 ** 31, -(2 ** 31) - 1];
  for (let digits = 1; digits <= 16; digits++) samples.push(Math.floor(10 ** digits / 3) * -1);

  it.each(samples)('writes %d as SSF writes it with #,##0', (value) => {
    expect(groupThousands(value)).toBe(XLSX.SSF.format('#,##0', value));
  });
});

describe('the fast xlsx reader on hostile files', () => {
  const plain = () => handBook([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);

  it('leaves a sheet whose XML is cut short to SheetJS', () => {
    const bytes = editZip(plain(), (name, text) =>
      name.endsWith('sheet1.xml') ? text.slice(0, text.indexOf('</c>')) : undefined,
    );
    expectLeftToSheetJs(bytes, /sheet data|not closed|sheetData/);
  });

  it('leaves a file whose sheet part is missing to SheetJS, which notes the sheet', () => {
    const bytes = writeZip(unzip(plain()).filter((entry) => !entry.name.endsWith('sheet1.xml')));
    expectLeftToSheetJs(bytes, /missing/);
    const sheetjs = readGrid(bytes, 'book.xlsx', { xlsxReader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grid.notes[0]?.code).toBe('sheet-unreadable');
  });

  it('reads a cell with a huge attribute value the same', () => {
    const huge = 'x'.repeat(2_000_000);
    const data = `<row r="1"><c r="A1" ph="${huge}"><v>1</v></c></row>`;
    expectSameRead(handBook([{ name: 'S', data }]));
  });

  it('leaves a cell with an unknown huge attribute to SheetJS', () => {
    const data = `<row r="1"><c r="A1" foo="${'y'.repeat(100_000)}"><v>1</v></c></row>`;
    expectLeftToSheetJs(handBook([{ name: 'S', data }]), /attribute foo/);
  });

  it('reads entity tricks in values and formulas the same', () => {
    const data =
      '<row r="1"><c r="A1" t="str"><v>&amp;#65; &#x263A; &#0;</v></c><c r="B1" t="e"><v>#DIV&#47;0!</v></c>' +
      '<c r="C1"><f>"&lt;"&amp;"&#x1F600;"</f><v>1</v></c><c r="D1"><v>1&#46;5</v></c></row>';
    expectSameRead(handBook([{ name: 'S', data }]));
  });

  it('leaves CDATA and comments in a sheet to SheetJS', () => {
    const withComment = handBook([
      { name: 'S', data: '<!-- <row r="9"> --><row r="1"><c r="A1"><v>1</v></c></row>' },
    ]);
    expectLeftToSheetJs(withComment, /element other than/);
    const withCdata = handBook([
      { name: 'S', before: '<sheetPr><![CDATA[x]]></sheetPr>', data: '' },
    ]);
    expectLeftToSheetJs(withCdata, /CDATA/);
  });

  it('leaves a sheet with comments to SheetJS, which gives each its cell', () => {
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rC" Type="${REL_NS}/comments" Target="../comments1.xml"/></Relationships>`;
    const bytes = editZip(plain(), () => undefined, [
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels },
    ]);
    expectLeftToSheetJs(bytes, /comments/);
  });

  it('leaves a shared-string index past the table to SheetJS', () => {
    const data = '<row r="1"><c r="A1" t="s"><v>7</v></c></row>';
    expectLeftToSheetJs(handBook([{ name: 'S', data }], ['<si><t>a</t></si>']), /past the table/);
  });

  it('leaves array formulas and namespace prefixes to SheetJS', () => {
    const array = '<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2</f><v>1</v></c></row>';
    expectLeftToSheetJs(handBook([{ name: 'S', data: array }]), /formula type array/);
    const prefixed = '<row r="1"><x:c r="A1"><x:v>1</x:v></x:c></row>';
    expectLeftToSheetJs(handBook([{ name: 'S', data: prefixed }]), /other than <c>/);
  });
});

describe('the fast xlsx reader on files SheetJS reads by its own quirks', () => {
  const row = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row>';
  const utf16 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');
  const rels = (type: string, quote = '"') =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id=${quote}rC${quote} Type=${quote}${REL_NS}/${type}${quote} Target=${quote}../comments1.xml${quote}/></Relationships>`;
  const withPart = (bytes: Uint8Array, name: string, data: string | Uint8Array) =>
    writeZip([...unzip(bytes).filter((entry) => entry.name !== name), { name, data }]);
  const sheet = (data: string, before?: string, after?: string) =>
    handBook([{ name: 'S', data, before, after }], undefined, STYLES);

  it.each([
    [
      'columns after the sheet data',
      sheet(row, undefined, '<cols><col min="2" max="2" hidden="1"/></cols>'),
      /other side of the sheet data/,
    ],
    [
      'merges before the sheet data',
      sheet(row, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'),
      /other side of the sheet data/,
    ],
    [
      'a link before the sheet data',
      sheet(row, '<hyperlinks><hyperlink ref="C3" location="S!A1"/></hyperlinks>'),
      /other side of the sheet data/,
    ],
    ['a style index with a leading zero', sheet(row.replace('s="1"', 's="01"')), /style index/],
    [
      'styles in UTF-16',
      withPart(sheet(row), 'xl/styles.xml', utf16(STYLES)),
      /xl\/styles.xml is not in UTF-8/,
    ],
    [
      'styles declared in another encoding',
      withPart(sheet(row), 'xl/styles.xml', STYLES.replace('UTF-8', 'windows-1252')),
      /not in UTF-8/,
    ],
    [
      'comments related in single quotes',
      withPart(sheet(row), 'xl/worksheets/_rels/sheet1.xml.rels', rels('comments', "'")),
      /comments or notes/,
    ],
    [
      'comments whose relations are named in another case',
      withPart(sheet(row), 'xl/worksheets/_rels/Sheet1.xml.rels', rels('comments')),
      /named in another case/,
    ],
    [
      'comments related in UTF-16',
      withPart(sheet(row), 'xl/worksheets/_rels/sheet1.xml.rels', utf16(rels('comments'))),
      /_rels\/sheet1.xml.rels is not in UTF-8/,
    ],
    [
      'a formula tag with spaces around =',
      sheet(
        '<row r="1"><c r="A1"><f t = "shared" ref="A1:A2" si="0">B1</f><v>0</v></c></row>' +
          '<row r="2"><c r="A2"><f t="shared" si="0"/><v>0</v></c></row>',
      ),
      /formula tag written unusually/,
    ],
    ['a cell tag with spaces around =', sheet(row.replace('r="A1"', 'r = "A1"')), /cell tag/],
    [
      'a style with spaces around =',
      withPart(
        sheet(row),
        'xl/styles.xml',
        STYLES.replace('<xf numFmtId="164"', '<xf numFmtId ="164"'),
      ),
      /styles have a tag written unusually/,
    ],
    ['a row tag with a tab', sheet(row.replace('<row r="1"', '<row\tr="1"')), /other than <row>/],
    ['a cell tag with a tab', sheet(row.replace('r="A1"', 'r="A1"\ts="1"')), /cell tag/],
    ['a cell address given twice', sheet(row.replace('r="A1"', 'r="A1" r="C1"')), /twice/],
    ['a row number given twice', sheet(row.replace('r="1"', 'r="1" r="2"')), /twice/],
    [
      'a raw </sheetData> inside a value',
      sheet('<row r="1"><c r="A1" t="str"><v>a</sheetData>b</v></c></row>'),
      /markup inside a value/,
    ],
    [
      'a raw </sheetData> inside an inline string',
      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a</sheetData>b</t></is></c></row>'),
      /inline string holding sheet markup/,
    ],
  ])('leaves %s to SheetJS, which then reads the file', (_, bytes, reason) => {
    expectLeftToSheetJs(bytes, reason);
    expect(readGrid(bytes, 'book.xlsx')).toStrictEqual(
      readGrid(bytes, 'book.xlsx', { xlsxReader: 'sheetjs' }),
    );
  });

  it('reads the same the plain workbook those cases start from', () => {
    expectSameRead(
      sheet(
        row,
        '<cols><col min="2" max="2" hidden="1"/></cols>',
        '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
      ),
    );
  });

  it('formats a cell whose style index has a leading zero as General in SheetJS', () => {
    const result = readGrid(sheet(row.replace('s="1"', 's="01"')), 'book.xlsx');
    expect(result.ok && result.grid.sheets[0]!.rows[0]![1]!.format).toBe('General');
  });

  it('reads an xlsx holding META-INF/manifest.xml, which SheetJS takes for an ODS and refuses', () => {
    const bytes = editZip(sheet(row), () => undefined, [
      {
        name: 'META-INF/manifest.xml',
        data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
      },
    ]);
    const { sheetjs, fast } = bothReads(bytes);
    expect(!sheetjs.ok && sheetjs.issue.code).toBe('workbook-unreadable');
    expect(fast).not.toHaveProperty('unsupported');
    // The same Grid both readers give for the workbook without the manifest.
    expect(fast).toStrictEqual(expectSameRead(sheet(row)));
    expect(readGrid(bytes, 'book.xlsx')).toStrictEqual(fast);
  });
});
