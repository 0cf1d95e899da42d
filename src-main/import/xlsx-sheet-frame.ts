import type { MergedRange } from '../../src-shared/grid';
import { unsupported, type Unsupported } from './xlsx-unsupported';
import { hasUnusualTagSpacing, parseTag, parseXmlBool, utf8FromBinary } from './xlsx-xml';

/** What surrounds a worksheet's cells: where they lie, and what SheetJS reads around them. */
export interface SheetFrame {
  dataStart: number;
  dataEnd: number;
  merges: MergedRange[];
  hiddenCols: number[];
  /** Cells that hyperlinks cover: SheetJS adds an empty placeholder where there is no cell. */
  linkedRanges: MergedRange[];
}

const COL = /<(?:\w+:)?col\b[^<>]*[/]?>/g;
const MERGE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;
const HYPERLINK = /<(?:\w+:)?hyperlink [^<>]*>/gm;
const MAX_COLUMNS = 16_384;
const MAX_LINKED_CELLS = 1_000_000;

/** A range as SheetJS decodes one leniently: letters then digits, twice, stopping at anything. */
export function decodeRangeLeniently(range: string): MergedRange {
  let i = 0;
  const part = (letters: boolean) => {
    let n = 0;
    for (; i < range.length; i++) {
      const code = range.charCodeAt(i) - (letters ? 64 : 48);
      if (letters ? code < 1 || code > 26 : code < 0 || code > 9) break;
      n = (letters ? 26 : 10) * n + code;
    }
    return n - 1;
  };
  const startCol = part(true);
  const startRow = part(false);
  if (i === range.length || range.charCodeAt(i) !== 58) {
    return { startRow, startCol, endRow: startRow, endCol: startCol };
  }
  i++;
  const endCol = part(true);
  const endRow = part(false);
  return { startRow, startCol, endRow, endCol };
}

function hasMatch(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

function readHiddenCols(head: string): number[] | Unsupported {
  const hidden = new Map<number, boolean>();
  for (const tag of head.match(COL) ?? []) {
    const { attributes } = parseTag(tag);
    const min = parseInt(attributes.get('min') ?? '', 10) - 1;
    const max = parseInt(attributes.get('max') ?? '', 10) - 1;
    if (max >= MAX_COLUMNS) return unsupported('a column range past the last column');
    const isHidden = parseXmlBool(attributes.get('hidden'));
    for (let c = min; c <= max; c++) hidden.set(c, isHidden);
  }
  return [...hidden]
    .filter(([c, isHidden]) => isHidden && c >= 0)
    .map(([c]) => c)
    .sort((a, b) => a - b);
}

function readLinkedRanges(tail: string): MergedRange[] | Unsupported {
  const ranges: MergedRange[] = [];
  for (const tag of tail.match(HYPERLINK) ?? []) {
    const ref = parseTag(utf8FromBinary(tag)).attributes.get('ref');
    // SheetJS stops at the first hyperlink without a range.
    if (!ref) break;
    const range = decodeRangeLeniently(ref);
    const cells = (range.endRow - range.startRow + 1) * (range.endCol - range.startCol + 1);
    if (range.startRow < 0 || range.startCol < 0 || cells > MAX_LINKED_CELLS) {
      return unsupported('a hyperlink over an unusual range');
    }
    ranges.push(range);
  }
  return ranges;
}

/**
 * Finds `<sheetData>` and reads what lies before it (columns) and after it (merges, links),
 * which are small; the cells themselves are left to the scanner.
 */
export function readSheetFrame(xml: Buffer): SheetFrame | Unsupported {
  const open = xml.indexOf('<sheetData');
  if (open < 0) return unsupported('the sheet has no <sheetData>');
  const openEnd = xml.indexOf('>', open);
  const after = xml[open + 10];
  if (openEnd < 0 || (after !== 62 && after !== 32 && after !== 47)) {
    return unsupported('the sheet data opens unusually');
  }
  // An empty <sheetData/> has no closing tag for SheetJS to find: it then reads the columns,
  // merges and links from the whole part.
  const isEmpty = xml[openEnd - 1] === 47;
  const close = isEmpty ? openEnd + 1 : xml.lastIndexOf('</sheetData>');
  if (close < openEnd) return unsupported('the sheet data is not closed');
  if (isEmpty && xml.indexOf('</sheetData>') >= 0)
    return unsupported('the sheet data is not closed');

  const whole = isEmpty ? xml.toString('latin1') : null;
  const head = whole ?? xml.toString('latin1', 0, open);
  if (!/<worksheet[\s>]/.test(head) || head.includes(':worksheet')) {
    return unsupported('the part is not a plain worksheet');
  }
  if (head.includes('<!--') || head.includes('<![CDATA[') || head.includes('<!DOCTYPE')) {
    return unsupported('the sheet holds comments, CDATA or a DTD');
  }
  const tail = whole ?? xml.toString('latin1', close + '</sheetData>'.length);
  if (tail.includes('<!--') || tail.includes('<![CDATA[')) {
    return unsupported('the sheet holds comments or CDATA');
  }

  // SheetJS means to read the columns before the data and the merges and links after it, but
  // reads all three from the whole part: one on the other side is left to it.
  if (!whole && (hasMatch(COL, tail) || hasMatch(MERGE, head) || hasMatch(HYPERLINK, head))) {
    return unsupported('columns, merges or links on the other side of the sheet data');
  }
  if (hasUnusualTagSpacing(head) || (!whole && hasUnusualTagSpacing(tail))) {
    return unsupported('a tag around the sheet data written unusually');
  }

  const hiddenCols = readHiddenCols(head);
  if ('unsupported' in hiddenCols) return hiddenCols;
  const linkedRanges = readLinkedRanges(tail);
  if ('unsupported' in linkedRanges) return linkedRanges;
  const merges = (tail.match(MERGE) ?? []).map((tag) =>
    decodeRangeLeniently(tag.slice(tag.indexOf('=') + 2)),
  );
  const dataStart = isEmpty ? close : openEnd + 1;
  return { dataStart, dataEnd: close, merges, hiddenCols, linkedRanges };
}
