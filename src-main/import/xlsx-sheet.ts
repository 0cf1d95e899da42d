import * as XLSX from 'xlsx';
import type { GridCell, MergedRange } from '../../src-shared/grid';
import { toGridCell, type RawCell } from './xlsx-cell';
import { unescapeXml as unescapeScanXml } from './xlsx-formula-scan';
import { shiftFormula } from './xlsx-formula-shift';
import { readStringItem } from './xlsx-shared-strings';
import { unsupported, type Unsupported } from './xlsx-unsupported';
import type { XlsxStyles } from './xlsx-styles';
import {
  hasUnusualTagSpacing,
  needsUnescape,
  parseTag,
  parseXmlBool,
  unescapeXml,
  utf8FromBinary,
} from './xlsx-xml';
import { plainIndex, plainNumber } from './xlsx-plain-values';
import { readSheetFrame } from './xlsx-sheet-frame';

/** One worksheet read from its XML, in the shapes read-workbook.ts converts. */
export interface XlsxSheet {
  /** Cells by 0-based row and column, holes where SheetJS has none. */
  data: (GridCell | null | undefined)[][];
  /** Formula cells without a saved value, A1 address → formula, as xlsx-formula-scan.ts finds. */
  withoutValue: Map<string, string>;
  merges: MergedRange[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface SheetContext {
  strings: (string | undefined)[];
  styles: XlsxStyles;
  date1904: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const EQUALS = 61;

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Space inside a tag as SheetJS splits one: a tab is not, so a tag holding one is left to it. */
function isTagSpace(code: number | undefined): boolean {
  return code === 32 || code === 10 || code === 13;
}

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

const ROW_OPEN = bytesOf('<row');
const ROW_CLOSE = bytesOf('</row>');
const CELL_CLOSE = bytesOf('</c>');
const V_OPEN = bytesOf('<v>');
const V_CLOSE = bytesOf('</v>');
const V_SPACED = bytesOf('<v ');
const F_CLOSE = bytesOf('</f>');
const IS_OPEN = bytesOf('<is>');
const IS_CLOSE = bytesOf('</is>');
const GT_BYTES = bytesOf('>');
const APOS_BYTES = bytesOf("'");
const R_EQUALS = bytesOf('r=');
const NAMES = {
  hidden: bytesOf('hidden'),
  ht: bytesOf('ht'),
  outlineLevel: bytesOf('outlineLevel'),
  spans: bytesOf('spans'),
  dyDescent: bytesOf('x14ac:dyDescent'),
  customHeight: bytesOf('customHeight'),
  customFormat: bytesOf('customFormat'),
  inlineStr: bytesOf('inlineStr'),
  str: bytesOf('str'),
  shared: bytesOf('shared'),
};
// Row attributes SheetJS reads; any other spelling of them (case, prefix) is left to SheetJS.
const ROW_KEYS = new Set(['r', 'hidden', 'ht', 'outlinelevel']);
const CELL_IGNORED = new Set(['cm', 'vm', 'ph', 'xml:space']);
const FORMULA_KEYS = new Set([
  't',
  'si',
  'ref',
  'ca',
  'aca',
  'bx',
  'dt2D',
  'dt2d',
  'dtr',
  'del1',
  'del2',
  'r1',
  'r2',
]);
const CANONICAL_INDEX = /^(0|[1-9]\d*)$/;
// What SheetJS would find inside an inline string as it cuts the sheet on raw text.
const INLINE_FOREIGN =
  /<\/?(?:\w+:)?(?:c[\s/>]|row\b|col\b|sheetData\b|mergeCell\b|hyperlink\b|v\b|f\b)/;

const STUB: RawCell = { t: 'z' };
interface SharedFormula {
  formula: string;
  address: string;
}

/** A pass over the `<sheetData>` bytes that builds the cells as SheetJS would, or stops. */
class SheetDataScanner {
  pos: number;
  data: (GridCell | null | undefined)[][] = [];
  withoutValue = new Map<string, string>();
  rowMarks = new Map<number, boolean>();
  private readonly shared = new Map<number, SharedFormula>();
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  constructor(
    private readonly xml: Buffer,
    start: number,
    private readonly end: number,
    private readonly context: SheetContext,
  ) {
    this.pos = start;
  }

  private at(bytes: Uint8Array, pos = this.pos): boolean {
    const xml = this.xml;
    if (pos + bytes.length > this.end) return false;
    for (let i = 0; i < bytes.length; i++) if (xml[pos + i] !== bytes[i]) return false;
    return true;
  }

  /** Where `bytes` next starts at or after `from`, before `limit`; -1 when nowhere. */
  private find(bytes: Uint8Array, from: number, limit = this.end): number {
    const xml = this.xml;
    const first = bytes[0];
    const last = limit - bytes.length;
    for (let i = from; i <= last; i++) {
      if (xml[i] === first && this.at(bytes, i)) return i;
    }
    return -1;
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.xml[this.pos])) this.pos++;
  }

  private skipTagSpace(): void {
    while (this.pos < this.end && isTagSpace(this.xml[this.pos])) this.pos++;
  }

  /**
   * Where the text from `from` ends at `close`: -1 when it does not, -2 when other markup comes
   * first. SheetJS cuts rows, cells and the sheet data on raw text, so markup inside a value
   * (even a stray `</sheetData>`) would be read there otherwise.
   */
  private findClose(close: Uint8Array, from: number): number {
    const at = this.xml.indexOf(LT, from);
    if (at < 0 || at + close.length > this.end) return -1;
    return this.at(close, at) ? at : -2;
  }

  private nameIs(bytes: Uint8Array): boolean {
    if (this.nameEnd - this.nameStart !== bytes.length) return false;
    return this.at(bytes, this.nameStart);
  }

  private nameText(): string {
    return this.xml.toString('latin1', this.nameStart, this.nameEnd);
  }

  private valueText(): string {
    return this.xml.toString('latin1', this.valueStart, this.valueEnd);
  }

  /**
   * The next attribute of the tag being read: 1 when one was read, 2 at `>`, 3 at `/>`, 0 when
   * the tag is written in a way SheetJS might read otherwise (no quotes, `>` inside a value, a
   * tab, spaces around `=`).
   */
  private nextAttribute(): number {
    const xml = this.xml;
    this.skipTagSpace();
    const code = xml[this.pos];
    if (code === GT) {
      this.pos++;
      return 2;
    }
    if (code === SLASH && xml[this.pos + 1] === GT) {
      this.pos += 2;
      return 3;
    }
    this.nameStart = this.pos;
    while (this.pos < this.end && xml[this.pos] !== EQUALS && !isSpace(xml[this.pos])) {
      if (xml[this.pos] === GT || xml[this.pos] === LT) return 0;
      this.pos++;
    }
    this.nameEnd = this.pos;
    if (this.nameEnd === this.nameStart || xml[this.pos] !== EQUALS) return 0;
    if (xml[this.pos + 1] !== QUOTE) return 0;
    this.valueStart = this.pos + 2;
    const close = xml.indexOf(QUOTE, this.valueStart);
    if (close < 0 || close >= this.end) return 0;
    for (let i = this.valueStart; i < close; i++) if (xml[i] === GT || xml[i] === LT) return 0;
    this.valueEnd = close;
    this.pos = close + 1;
    const next = xml[this.pos];
    return isTagSpace(next) || next === GT || next === SLASH ? 1 : 0;
  }

  /** Digits of the current value; -1 when it is not a plain decimal of at most 9 digits. */
  private valueDigits(): number {
    const length = this.valueEnd - this.valueStart;
    if (length === 0 || length > 9) return -1;
    let n = 0;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const digit = this.xml[i]! - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n;
  }

  run(): string | null {
    let rowNumber = 0;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return null;
      const after = this.xml[this.pos + 4];
      if (!this.at(ROW_OPEN) || !(isTagSpace(after) || after === GT || after === SLASH)) {
        return 'an element other than <row> in sheetData';
      }
      this.pos += ROW_OPEN.length;
      const row = this.readRowTag();
      if (typeof row === 'string') return row;
      if (row.r === null && row.selfClosing) return 'an empty row without its number';
      rowNumber = row.r ?? rowNumber + 1;
      if (row.rewrites) this.rowMarks.set(rowNumber - 1, row.hidden);
      if (row.selfClosing) continue;
      const failed = this.readCells(rowNumber);
      if (failed) return failed;
    }
  }

  private readRowTag() {
    let r: number | null = null;
    let hidden = false;
    let rewrites = false;
    let seen = 0; // r, hidden, ht and outlineLevel as bits: SheetJS reads a repeated one two ways
    for (;;) {
      const kind = this.nextAttribute();
      if (kind === 0) return 'a row tag written unusually';
      if (kind !== 1) return { r, hidden, rewrites, selfClosing: kind === 3 };
      let bit = 0;
      if (this.nameEnd - this.nameStart === 1 && this.xml[this.nameStart] === 114) {
        bit = 1;
        r = this.valueDigits();
        if (r < 1) return 'a row number that is not a plain positive number';
      } else if (this.nameIs(NAMES.hidden)) {
        bit = 2;
        hidden = parseXmlBool(this.valueText());
        rewrites ||= hidden;
      } else if (this.nameIs(NAMES.ht)) {
        bit = 4;
        rewrites ||= this.valueEnd > this.valueStart;
      } else if (this.nameIs(NAMES.outlineLevel)) {
        bit = 8;
        rewrites = true;
      } else if (
        !this.nameIs(NAMES.spans) &&
        !this.nameIs(NAMES.dyDescent) &&
        !this.nameIs(NAMES.customHeight) &&
        !this.nameIs(NAMES.customFormat)
      ) {
        const keys = [...parseTag(`<row ${this.nameText()}="x"`).attributes.keys()];
        if (keys.some((key) => ROW_KEYS.has(key))) return 'a row attribute spelled unusually';
      }
      if (seen & bit) return 'a row attribute given twice';
      seen |= bit;
    }
  }

  private readCells(rowNumber: number): string | null {
    let col = -1;
    for (;;) {
      this.skipSpace();
      if (this.at(ROW_CLOSE)) {
        this.pos += ROW_CLOSE.length;
        return null;
      }
      const next = this.xml[this.pos + 2];
      if (this.xml[this.pos] !== LT || this.xml[this.pos + 1] !== 99) {
        return 'an element other than <c> in a row';
      }
      if (next !== 32 && next !== GT && next !== SLASH) return 'an element other than <c> in a row';
      const cellStart = this.pos;
      this.pos += 2;
      const failed = this.readCell(rowNumber, col, cellStart);
      if (typeof failed === 'string') return failed;
      col = failed;
    }
  }

  /** Reads one `<c>`; returns its column (SheetJS counts on from it) or why it stops. */
  private readCell(rowNumber: number, previousCol: number, cellStart: number): number | string {
    const xml = this.xml;
    let hasAddress = false;
    let row = rowNumber - 1;
    let col = previousCol + 1;
    let type = 0; // 0 none, 1 n, 2 s, 3 str, 4 inlineStr, 5 b, 6 e
    let style = -1;
    let seen = 0; // r, s and t as bits: SheetJS reads a repeated one in two ways
    let selfClosing: boolean;
    for (;;) {
      const kind = this.nextAttribute();
      if (kind === 0) return 'a cell tag written unusually';
      if (kind !== 1) {
        selfClosing = kind === 3;
        break;
      }
      const length = this.nameEnd - this.nameStart;
      const first = xml[this.nameStart];
      if (length === 1 && (first === 114 || first === 115 || first === 116)) {
        const bit = 1 << (first - 114);
        if (seen & bit) return 'a cell attribute given twice';
        seen |= bit;
      }
      if (length === 1 && first === 114) {
        const parsed = this.readAddress();
        if (!parsed) return 'a cell address that is not plain A1';
        [row, col] = parsed;
        hasAddress = true;
      } else if (length === 1 && first === 115) {
        style = this.valueDigits();
        // SheetJS looks the style up by its text: "01" finds no style, where 1 would.
        if (style < 0 || (xml[this.valueStart] === 48 && this.valueEnd - this.valueStart > 1)) {
          return 'a cell style index that is not a plain number';
        }
      } else if (length === 1 && first === 116) {
        type = this.cellType();
        if (type < 0) return `cell type "${this.valueText()}"`;
      } else if (!CELL_IGNORED.has(this.nameText())) {
        return `cell attribute ${this.nameText()}`;
      }
    }

    let valueStart = -1;
    let valueEnd = -1;
    let formulaTag: Map<string, string> | null = null;
    let formulaStart = -1;
    let formulaEnd = -1;
    let inlineStart = -1;
    let inlineEnd = -1;
    if (!selfClosing) {
      for (;;) {
        this.skipSpace();
        if (this.at(CELL_CLOSE)) {
          this.pos += CELL_CLOSE.length;
          break;
        }
        if (this.at(V_OPEN) && valueStart < 0) {
          valueStart = this.pos + V_OPEN.length;
          valueEnd = this.findClose(V_CLOSE, valueStart);
          if (valueEnd === -2) return 'markup inside a value';
          if (valueEnd < 0) return 'a value without its </v>';
          this.pos = valueEnd + V_CLOSE.length;
        } else if (this.at(V_SPACED) && valueStart < 0) {
          // SheetJS writes `<v xml:space="preserve">`; the attributes say nothing it reads.
          const tagEnd = this.find(GT_BYTES, this.pos);
          if (tagEnd < 0 || xml[tagEnd - 1] === SLASH) return 'an empty value tag';
          valueStart = tagEnd + 1;
          valueEnd = this.findClose(V_CLOSE, valueStart);
          if (valueEnd === -2) return 'markup inside a value';
          if (valueEnd < 0) return 'a value without its </v>';
          this.pos = valueEnd + V_CLOSE.length;
        } else if (this.at(IS_OPEN) && inlineStart < 0) {
          inlineStart = this.pos + IS_OPEN.length;
          inlineEnd = this.find(IS_CLOSE, inlineStart);
          if (inlineEnd < 0 || inlineEnd > this.end) return 'an inline string without its </is>';
          if (INLINE_FOREIGN.test(xml.toString('latin1', inlineStart, inlineEnd))) {
            return 'an inline string holding sheet markup';
          }
          this.pos = inlineEnd + IS_CLOSE.length;
        } else if (xml[this.pos] === LT && xml[this.pos + 1] === 102 && formulaTag === null) {
          const tagEnd = this.find(GT_BYTES, this.pos);
          if (tagEnd < 0 || tagEnd > this.end) return 'a formula tag without its end';
          const tagText = xml.toString('latin1', this.pos, tagEnd + 1);
          // SheetJS tests `t="shared"` as exact text, and splits a tag only on space, CR and LF.
          if (hasUnusualTagSpacing(tagText)) return 'a formula tag written unusually';
          const tag = parseTag(tagText);
          if (tag.root !== '<f' && tag.root !== '<f>' && tag.root !== '<f/>') {
            return 'an element other than <v>, <f> or <is> in a cell';
          }
          formulaTag = tag.attributes;
          if (this.find(APOS_BYTES, this.pos, tagEnd) >= 0) {
            return 'a formula tag with single quotes';
          }
          for (const key of formulaTag.keys()) {
            if (!FORMULA_KEYS.has(key)) return `formula attribute ${key}`;
          }
          if (xml[tagEnd - 1] === SLASH) {
            this.pos = tagEnd + 1;
          } else {
            formulaStart = tagEnd + 1;
            formulaEnd = this.findClose(F_CLOSE, formulaStart);
            if (formulaEnd === -2) return 'markup inside a formula';
            if (formulaEnd < 0) return 'a formula without its </f>';
            this.pos = formulaEnd + F_CLOSE.length;
          }
        } else {
          return 'an element other than <v>, <f> or <is> in a cell';
        }
      }
    }
    if (!hasAddress) {
      if (formulaTag) return 'a formula cell without its address';
      if (this.find(R_EQUALS, cellStart, this.pos) >= 0) {
        return 'a cell without its address that mentions one';
      }
    }

    // A plain A1 address reads back as it was written: it is spelled only for formulas.
    const address = formulaTag ? XLSX.utils.encode_cell({ r: row, c: col }) : '';
    const formula = this.readFormula(formulaTag, formulaStart, formulaEnd, address);
    if (formula !== null && typeof formula === 'object') return formula.unsupported;
    if (formulaTag && valueStart < 0 && inlineStart < 0) {
      const text = formulaStart < 0 ? '' : xml.toString('utf8', formulaStart, formulaEnd);
      this.withoutValue.set(address, unescapeScanXml(text));
    }

    const raw = this.rawCell(type, valueStart, valueEnd, inlineStart, inlineEnd);
    if ('unsupported' in raw) return raw.unsupported;
    const formatId = this.formatIdOf(style);
    const format = this.context.styles.formats.get(formatId);
    if (format === undefined) return `number format id ${formatId} is not defined`;
    const cell = toGridCell(raw, formatId, format, formula, this.context.date1904);
    let cells = this.data[row];
    if (!cells) this.data[row] = cells = [];
    cells[col] = cell;
    return col;
  }

  private readAddress(): [number, number] | null {
    const xml = this.xml;
    let i = this.valueStart;
    let col = 0;
    while (i < this.valueEnd && xml[i]! >= 65 && xml[i]! <= 90) col = col * 26 + xml[i++]! - 64;
    const letters = i - this.valueStart;
    if (letters === 0 || letters > 3) return null;
    let row = 0;
    const digitsStart = i;
    while (i < this.valueEnd && xml[i]! >= 48 && xml[i]! <= 57) row = row * 10 + xml[i++]! - 48;
    if (i !== this.valueEnd || i === digitsStart || i - digitsStart > 7 || row < 1) return null;
    if (xml[digitsStart] === 48) return null;
    return [row - 1, col - 1];
  }

  private cellType(): number {
    const length = this.valueEnd - this.valueStart;
    const first = this.xml[this.valueStart];
    if (length === 0) return 1;
    if (length === 1) {
      if (first === 110) return 1;
      if (first === 115) return 2;
      if (first === 98) return 5;
      if (first === 101) return 6;
      return -1;
    }
    if (this.valueIs(NAMES.str)) return 3;
    if (this.valueIs(NAMES.inlineStr)) return 4;
    return -1;
  }

  private valueIs(bytes: Uint8Array): boolean {
    return this.valueEnd - this.valueStart === bytes.length && this.at(bytes, this.valueStart);
  }

  private formatIdOf(style: number): number {
    const ids = this.context.styles.styleFormatIds;
    if (!ids || style < 0) return 0;
    return ids[style] ?? 0;
  }

  /** The formula SheetJS gives the cell; a shared formula's master is remembered for the rest. */
  private readFormula(
    tag: Map<string, string> | null,
    start: number,
    end: number,
    address: string,
  ): string | null | Unsupported {
    if (!tag) return null;
    const kind = tag.get('t');
    if (kind !== undefined && kind !== 'shared' && kind !== 'normal') {
      return unsupported(`formula type ${kind}`);
    }
    const si = tag.get('si');
    if (si !== undefined && !CANONICAL_INDEX.test(si))
      return unsupported('a shared formula index that is not a plain number');
    const raw = start < 0 ? '' : this.xml.toString('latin1', start, end);
    if (raw === '') {
      if (si === undefined || (start >= 0 && kind !== 'shared')) return null;
      const master = this.shared.get(parseInt(si, 10));
      if (!master) return null;
      try {
        return shiftFormula(master.formula, master.address, address);
      } catch {
        return unsupported('a shared formula moves a reference out of the sheet');
      }
    }
    const text = utf8FromBinary(raw);
    const formula = (needsUnescape(text) ? unescapeXml(text, true) : text).replace(/_xlfn\./g, '');
    if (kind === 'shared' && si !== undefined) {
      const shared = (needsUnescape(text) ? unescapeXml(text) : text).replace(/_xlfn\./g, '');
      this.shared.set(parseInt(si, 10), { formula: shared, address });
    }
    return formula;
  }

  private sharedString(index: number): RawCell | Unsupported {
    const strings = this.context.strings;
    if (index >= strings.length) return unsupported('a shared string index past the table');
    return { t: 's', v: strings[index] };
  }

  /** The cell's type and value as SheetJS settles them. */
  private rawCell(
    type: number,
    valueStart: number,
    valueEnd: number,
    inlineStart: number,
    inlineEnd: number,
  ): RawCell | Unsupported {
    const xml = this.xml;
    const hasValue = valueStart >= 0 && valueEnd > valueStart;
    if (hasValue && type <= 1) {
      const quick = plainNumber(xml, valueStart, valueEnd);
      if (quick !== null) return { t: 'n', v: quick };
    } else if (hasValue && type === 2) {
      const index = plainIndex(xml, valueStart, valueEnd);
      if (index >= 0) return this.sharedString(index);
    }
    const rawValue = hasValue ? xml.toString('latin1', valueStart, valueEnd) : undefined;
    const value =
      rawValue !== undefined && needsUnescape(rawValue) ? unescapeXml(rawValue) : rawValue;
    // PARSE_OPTIONS asks for cellStyles, which turns sheetStubs on: SheetJS keeps an empty cell
    // as a stub. A formula without a value gets 0 there, which SheetJS's own test (0 == "")
    // turns into a stub too.
    switch (type) {
      case 0:
      case 1:
        return value === undefined || value === '' ? STUB : { t: 'n', v: parseFloat(value) };
      case 2: {
        if (value === undefined) return STUB;
        if (!/^\d{1,9}$/.test(value))
          return unsupported('a shared string index that is not a plain number');
        return this.sharedString(parseInt(value, 10));
      }
      case 3:
        if (value === undefined) return { t: 's', v: '' };
        if (!needsUnescape(rawValue!))
          return { t: 's', v: xml.toString('utf8', valueStart, valueEnd) };
        return { t: 's', v: unescapeXml(utf8FromBinary(value), true) };
      case 4: {
        if (inlineStart < 0) return { t: 's', v: '' };
        const item = readStringItem(xml, inlineStart, inlineEnd, false);
        return typeof item === 'object' ? item : { t: 's', v: item };
      }
      case 5:
        return { t: 'b', v: parseXmlBool(value) };
      default:
        return { t: 'e', v: value };
    }
  }
}

/**
 * Reads one worksheet part in a single pass over its bytes: cells, hidden rows and columns,
 * merges, and the formula cells that have no saved value.
 */
export function readSheet(xml: Buffer, context: SheetContext): XlsxSheet | Unsupported {
  const frame = readSheetFrame(xml);
  if ('unsupported' in frame) return frame;
  const scanner = new SheetDataScanner(xml, frame.dataStart, frame.dataEnd, context);
  const failed = scanner.run();
  if (failed) return unsupported(failed);

  // SheetJS gives every linked cell a placeholder; it counts against the limits, as there.
  for (const range of frame.linkedRanges) {
    for (let r = range.startRow; r <= range.endRow; r++) {
      const cells = (scanner.data[r] ??= []);
      for (let c = range.startCol; c <= range.endCol; c++) cells[c] ??= null;
    }
  }
  const hiddenRows = [...scanner.rowMarks]
    .filter(([, hidden]) => hidden)
    .map(([index]) => index)
    .sort((a, b) => a - b);
  return {
    data: scanner.data,
    withoutValue: scanner.withoutValue,
    merges: frame.merges,
    hiddenRows,
    hiddenCols: frame.hiddenCols,
  };
}
