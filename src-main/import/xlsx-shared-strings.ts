import { unsupported, type Unsupported } from './xlsx-unsupported';
import { TAG, needsUnescape, unescapeXml, utf8FromBinary } from './xlsx-xml';

const PLAIN_OPEN = Buffer.from('<t>');
const EMPTY_T = Buffer.from('<t/>');
const PRESERVE_OPEN = Buffer.from('<t xml:space="preserve">');
const T_CLOSE = Buffer.from('</t>');
const RICH_RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PREFIXED_START = /^<\w+:/;
const PHONETIC_OPEN = /<(?:\w+:)?rPh\b[^<>]*>/g;
const PHONETIC_CLOSE = /<\/(?:\w+:)?rPh>/g;

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function startsWith(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function decodeText(bytes: Buffer, start: number, end: number): string {
  const text = bytes.toString('utf8', start, end);
  return needsUnescape(text) ? unescapeXml(text, true) : text;
}

/** Phonetic runs (furigana) are not part of the text; an unclosed one defeats SheetJS. */
function removePhonetic(text: string): string | null {
  const parts: string[] = [];
  let kept = 0;
  PHONETIC_OPEN.lastIndex = 0;
  let open: RegExpExecArray | null;
  while ((open = PHONETIC_OPEN.exec(text))) {
    parts.push(text.slice(kept, open.index));
    PHONETIC_CLOSE.lastIndex = PHONETIC_OPEN.lastIndex;
    if (!PHONETIC_CLOSE.exec(text)) return null;
    kept = PHONETIC_CLOSE.lastIndex;
    PHONETIC_OPEN.lastIndex = kept;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/**
 * One string item (`<si>` or `<is>` content, without the wrapper): plain `<t>` text, or the
 * runs of rich text joined. Undefined when it holds neither, as SheetJS leaves it.
 */
export function readStringItem(
  bytes: Buffer,
  start: number,
  end: number,
  isTrimmed: boolean,
): string | undefined | Unsupported {
  let from = start;
  let to = end;
  while (from < to && isSpace(bytes[from])) from++;
  while (to > from && isSpace(bytes[to - 1])) to--;
  // SheetJS trims a shared string before reading it, an inline one not.
  if (from === to) return isTrimmed || start === end ? '' : undefined;

  if (bytes[from] === 60 && bytes[from + 1] === 116) {
    if (startsWith(bytes, from, EMPTY_T) && to - from === EMPTY_T.length) return '';
    const open = startsWith(bytes, from, PLAIN_OPEN)
      ? PLAIN_OPEN.length
      : startsWith(bytes, from, PRESERVE_OPEN)
        ? PRESERVE_OPEN.length
        : -1;
    if (open < 0) return unsupported('a string item opens its text in an unusual way');
    const close = bytes.indexOf(T_CLOSE, from + open);
    if (close < 0 || close > to) return unsupported('a string item has no closing </t>');
    return decodeText(bytes, from + open, close);
  }

  const binary = bytes.toString('latin1', from, to);
  if (PREFIXED_START.test(binary)) return unsupported('a string item uses a namespace prefix');
  if (!RICH_RUN.test(binary)) return undefined;
  const withoutPhonetic = removePhonetic(binary);
  if (withoutPhonetic === null) return unsupported('a phonetic run is not closed');
  const joined = (withoutPhonetic.match(RUN_TEXT) ?? []).join('').replace(TAG, '');
  return unescapeXml(utf8FromBinary(joined), true);
}

const SST_OPEN = /<(?:\w+:)?sst\b[^<>]*>/;
const SI_OPEN = Buffer.from('<si>');
const SI_CLOSE = Buffer.from('</si>');

/**
 * The shared-string table, one entry per `<si>`, in one pass over the bytes. SheetJS splits the
 * table on `</si>`, so the text after the last one is an entry too; it is kept for the indexes.
 */
export function readSharedStrings(bytes: Buffer): (string | undefined)[] | Unsupported {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096));
  const open = SST_OPEN.exec(head);
  if (!open) return unsupported('the shared strings have no <sst> element');
  if (!open[0].startsWith('<sst')) return unsupported('the shared strings use a namespace prefix');
  const contentStart = open.index + open[0].length;
  const contentEnd = bytes.lastIndexOf('</sst>');
  if (contentEnd < contentStart) return unsupported('the shared strings are not closed');
  if (bytes.indexOf('sstItem') >= 0 || bytes.indexOf(':si>') >= 0) {
    return unsupported('the shared strings use unusual item elements');
  }

  const strings: (string | undefined)[] = [];
  let at = contentStart;
  for (;;) {
    const close = bytes.indexOf(SI_CLOSE, at);
    const end = close < 0 || close > contentEnd ? contentEnd : close;
    let from = at;
    while (from < end && isSpace(bytes[from])) from++;
    if (close < 0 || close > contentEnd) {
      if (from !== end) return unsupported('text follows the last shared string');
      strings.push('');
      return strings;
    }
    if (!startsWith(bytes, from, SI_OPEN)) return unsupported('a shared string is not an <si>');
    const innerStart = from + SI_OPEN.length;
    const again = bytes.indexOf(SI_OPEN, innerStart);
    if (again >= 0 && again < end) return unsupported('a shared string holds another <si>');
    const item = readStringItem(bytes, innerStart, end, true);
    if (typeof item === 'object') return item;
    strings.push(item);
    at = end + SI_CLOSE.length;
  }
}
