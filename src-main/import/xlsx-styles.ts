import * as XLSX from 'xlsx';
import { unsupported, type Unsupported } from './xlsx-unsupported';
import {
  TAG,
  hasUnusualTagSpacing,
  matchElement,
  parseTag,
  unescapeXml,
  utf8FromBinary,
} from './xlsx-xml';

/** Number formats by id and, for each cell style (`s`), its format id. */
export interface XlsxStyles {
  formats: Map<number, string>;
  /** Null when the file has no cellXfs: SheetJS then formats every cell as General. */
  styleFormatIds: (number | undefined)[] | null;
}

// SheetJS starts each read from its built-in table, which its reads then extend: keep only the
// ids that table starts with.
const BUILT_IN_IDS = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map(
  [...BUILT_IN_IDS, 37, 38, 39, 40, 45, 46, 47, 48, 49, 56].map((id) => [
    id,
    String((XLSX.SSF.get_table() as Record<number, string>)[id]),
  ]),
);

// SheetJS rewrites this one format that Google Sheets writes invalid.
const REPAIRED_FORMATS: Record<string, string> = { 'd.m': 'd\\.m' };

// Ids above this one are renumbered by SheetJS; the fast reader does not follow it there.
const MAX_FORMAT_ID = 0x188;

const DIGITS = /^\d+$/;

function stripPrefix(root: string): string {
  return root.replace(/<(\/?)\w+:/, '<$1');
}

function readNumberFormats(xml: string, formats: Map<number, string>): Unsupported | null {
  const element = matchElement(xml, 'numFmts');
  if (!element) return null;
  for (const tag of element[0].match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    if (stripPrefix(root) !== '<numFmt') continue;
    const code = attributes.get('formatCode');
    const id = attributes.get('numFmtId') ?? '';
    if (code === undefined || !DIGITS.test(id)) return unsupported('a number format is incomplete');
    const formatId = parseInt(id, 10);
    if (formatId > MAX_FORMAT_ID) return unsupported(`number format id ${formatId} is too high`);
    const format = unescapeXml(utf8FromBinary(code));
    if (formatId > 0) formats.set(formatId, REPAIRED_FORMATS[format] ?? format);
  }
  return null;
}

function readCellFormatIds(xml: string): (number | undefined)[] | null | Unsupported {
  const element = matchElement(xml, 'cellXfs');
  if (!element) return null;
  const ids: (number | undefined)[] = [];
  for (const tag of element[0].match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    const name = stripPrefix(root);
    if (name !== '<xf' && name !== '<xf/>' && name !== '<xf>') continue;
    const id = attributes.get('numFmtId');
    if (id === undefined) {
      ids.push(undefined);
      continue;
    }
    if (!DIGITS.test(id)) return unsupported('a cell style has an unusual number format id');
    const formatId = parseInt(id, 10);
    if (formatId > MAX_FORMAT_ID)
      return unsupported(`cell style format id ${formatId} is too high`);
    ids.push(formatId);
  }
  return ids;
}

/** The number formats of styles.xml (absent: none), on top of SheetJS's built-in table. */
export function readStyles(bytes: Buffer | null): XlsxStyles | Unsupported {
  const formats = new Map(BUILT_IN_FORMATS);
  if (!bytes) return { formats, styleFormatIds: null };
  const xml = bytes.toString('latin1');
  if (xml.includes('<!--') || xml.slice(0, 1024).includes('<!DOCTYPE')) {
    return unsupported('the styles hold comments or a DTD');
  }
  if (hasUnusualTagSpacing(xml)) return unsupported('the styles have a tag written unusually');

  const failed = readNumberFormats(xml, formats);
  if (failed) return failed;
  const styleFormatIds = readCellFormatIds(xml);
  if (styleFormatIds && 'unsupported' in styleFormatIds) return styleFormatIds;
  return { formats, styleFormatIds };
}
