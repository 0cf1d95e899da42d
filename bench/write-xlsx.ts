import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { HEADER_ROW, sheetMerges, sheetRows, type SheetSpec } from './generate-budget';

/**
 * A minimal xlsx writer for the bench's generated budgets. SheetJS's own writer holds the
 * whole workbook as cell objects, which a million-line file cannot afford; this one streams
 * rows into XML with a shared-string table, as Excel itself saves.
 */

export interface SheetJob {
  spec: SheetSpec;
  lineCount: number;
  seed: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function columnLetter(c: number): string {
  return String.fromCharCode(65 + c);
}

function rangeRef(m: { s: { r: number; c: number }; e: { r: number; c: number } }): string {
  return `${columnLetter(m.s.c)}${m.s.r + 1}:${columnLetter(m.e.c)}${m.e.r + 1}`;
}

function sheetXml(job: SheetJob, strings: Map<string, number>): Buffer {
  const chunks: Buffer[] = [];
  let part: string[] = [];
  const flush = () => {
    chunks.push(Buffer.from(part.join(''), 'utf8'));
    part = [];
  };
  part.push(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  part.push('<cols><col min="1" max="1" width="10"/><col min="2" max="2" width="48"/></cols>');
  part.push('<sheetData>');
  const banners: number[] = [];
  let r = 0;
  for (const row of sheetRows(job.spec, job.lineCount, job.seed)) {
    if (r > HEADER_ROW + 1 && row.cells.length === 1) banners.push(r);
    const cells: string[] = [];
    row.cells.forEach((value, c) => {
      if (value === null) return;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (typeof value === 'number') {
        const style = c === row.rateColumn ? 2 : 1;
        cells.push(`<c r="${ref}" s="${style}"><v>${value}</v></c>`);
        return;
      }
      let index = strings.get(value);
      if (index === undefined) {
        index = strings.size;
        strings.set(value, index);
      }
      cells.push(`<c r="${ref}" t="s"><v>${index}</v></c>`);
    });
    part.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    r++;
    if (part.length >= 20_000) flush();
  }
  part.push('</sheetData>');
  const merges = sheetMerges(job.spec, banners);
  part.push(`<mergeCells count="${merges.length}">`);
  for (const m of merges) part.push(`<mergeCell ref="${rangeRef(m)}"/>`);
  part.push('</mergeCells></worksheet>');
  flush();
  return Buffer.concat(chunks);
}

function sharedStringsXml(strings: Map<string, number>): Buffer {
  const parts = [`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const text of strings.keys()) parts.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
  parts.push('</sst>');
  return Buffer.from(parts.join(''), 'utf8');
} // prettier-ignore

// Style 1 is "#,##0" (built-in 3), style 2 a one-decimal percentage.
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function packageParts(jobs: SheetJob[]): [string, string][] {
  const sheetCt = jobs.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_CT}"/>`);
  const ct = `${XML_HEAD}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetCt.join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const rels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheets = jobs.map((j, i) => `<sheet name="${j.spec.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.join('')}</sheets></workbook>`;
  const sheetRels = jobs.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const n = jobs.length;
  const wbRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels.join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
  return [
    ['[Content_Types].xml', ct],
    ['_rels/.rels', rels],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', wbRels],
    ['xl/styles.xml', STYLES],
  ];
} // prettier-ignore

function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 26);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Writes the workbook; returns the inflated size of its sheet XML and shared strings. */
export function writeXlsx(path: string, jobs: SheetJob[]): { sheetXmlBytes: number } {
  const strings = new Map<string, number>();
  const sheets = jobs.map((job) => sheetXml(job, strings));
  const shared = sharedStringsXml(strings);
  const entries: [string, Buffer][] = packageParts(jobs).map(([n, t]) => [n, Buffer.from(t)]);
  sheets.forEach((xml, i) => entries.push([`xl/worksheets/sheet${i + 1}.xml`, xml]));
  entries.push(['xl/sharedStrings.xml', shared]);
  writeFileSync(path, zip(entries));
  return { sheetXmlBytes: sheets.reduce((sum, xml) => sum + xml.length, 0) + shared.length };
}
