/**
 * The small pieces of XML reading that the xlsx reader shares: entity decoding, attributes and
 * element matching. Each one decodes exactly as SheetJS does, quirks included, because the
 * reader must produce the same Grid as the SheetJS path it replaces.
 */

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE_ESCAPE = /_x([\da-fA-F]{4})_/gi;

function decodeEntities(text: string): string {
  const start = text.indexOf('<![CDATA[');
  if (start < 0) {
    return text
      .replace(
        ENTITY,
        (match, digits: string | undefined) =>
          ENTITIES[match] ||
          String.fromCharCode(parseInt(digits ?? '', match.includes('x') ? 16 : 10)) ||
          match,
      )
      .replace(CODE_ESCAPE, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
  }
  const end = text.indexOf(']]>');
  return (
    decodeEntities(text.slice(0, start)) +
    text.slice(start + 9, end) +
    decodeEntities(text.slice(end + 3))
  );
}

/**
 * XML entities and Excel's `_xHHHH_` escapes. A numeric entity goes through fromCharCode, so a
 * code above U+FFFF is cut to 16 bits, as SheetJS does. `isCellText` also turns CRLF into LF.
 */
export function unescapeXml(text: string, isCellText = false): string {
  const out = decodeEntities(text);
  return isCellText ? out.replace(/\r\n/g, '\n') : out;
}

/** Whether a text needs unescapeXml at all: the fast path skips it for plain text. */
export function needsUnescape(text: string): boolean {
  return text.includes('&') || text.includes('_') || text.includes('\r') || text.includes('<');
}

/** SheetJS reads parts as byte strings and decodes UTF-8 only in some places: this is that step. */
export function utf8FromBinary(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

export function parseXmlBool(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

const ATTRIBUTE = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;

/** Any tag, as SheetJS splits an XML part into tags. */
export const TAG =
  /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;

/**
 * A tag's attributes keyed the way SheetJS keys them: a prefix is dropped (`r:id` is `id`), a
 * name is cut at its first inner underscore, and each is also stored lower-cased. `root` is the
 * tag name with its `<`.
 */
export function parseTag(tag: string): { root: string; attributes: Map<string, string> } {
  const attributes = new Map<string, string>();
  let end = 0;
  for (; end < tag.length; end++) {
    const code = tag.charCodeAt(end);
    if (code === 32 || code === 10 || code === 13) break;
  }
  const root = tag.slice(0, end);
  if (end === tag.length) return { root, attributes };
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const pair = match[0].slice(1);
    let eq = pair.indexOf('=');
    if (eq < 0) eq = pair.length;
    let name = pair.slice(0, eq).trim();
    while (pair.charCodeAt(eq + 1) === 32) eq++;
    const quote = pair.charCodeAt(eq + 1);
    const quoted = quote === 34 || quote === 39 ? 1 : 0;
    const value = pair.slice(eq + 1 + quoted, pair.length - quoted);
    const colon = name.indexOf(':');
    let key: string;
    if (colon < 0) {
      if (name.indexOf('_') > 0) name = name.slice(0, name.indexOf('_'));
      key = name;
    } else {
      key = (colon === 5 && name.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + name.slice(colon + 1);
      if (attributes.has(key) && name.slice(colon - 3, colon) === 'ext') continue;
    }
    attributes.set(key, value);
    attributes.set(key.toLowerCase(), value);
  }
  return { root, attributes };
}

const ELEMENT_PATTERNS = new Map<string, [RegExp, RegExp]>();

/**
 * The first `<tag …>` and the first `</tag>` after it, any namespace prefix: the whole element
 * and its inner text. Null when either is missing. As SheetJS matches, not as XML nests.
 */
export function matchElement(text: string, tag: string): [string, string] | null {
  let patterns = ELEMENT_PATTERNS.get(tag);
  if (!patterns) {
    patterns = [
      new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, 'g'),
      new RegExp(`</(?:\\w+:)?${tag}>`, 'g'),
    ];
    ELEMENT_PATTERNS.set(tag, patterns);
  }
  const [open, close] = patterns;
  open.lastIndex = 0;
  const opened = open.exec(text);
  if (!opened) return null;
  close.lastIndex = open.lastIndex;
  const closed = close.exec(text);
  if (!closed) return null;
  return [text.slice(opened.index, close.lastIndex), text.slice(open.lastIndex, closed.index)];
}

/** Markup that SheetJS reads differently from XML: comments, CDATA sections, a DTD. */
export function hasTrickyMarkup(bytes: Uint8Array | string): boolean {
  const text =
    typeof bytes === 'string'
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    text.indexOf('<!--') >= 0 || text.indexOf('<![CDATA[') >= 0 || text.indexOf('<!DOCTYPE') >= 0
  );
}

const XML_DECLARATION_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/;

/**
 * Whether a part is UTF-8 as the fast reader reads it: SheetJS decodes a UTF-16 byte order mark
 * itself, and the fast reader reads bytes. A declared encoding other than UTF-8 is left to it too.
 */
export function isUtf8Part(bytes: Uint8Array): boolean {
  const first = bytes[0];
  if ((first === 0xff && bytes[1] === 0xfe) || (first === 0xfe && bytes[1] === 0xff)) return false;
  const start = first === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    'latin1',
    start,
    Math.min(bytes.length, start + 256),
  );
  const declared = XML_DECLARATION_ENCODING.exec(head);
  return !declared || declared[1]!.toLowerCase() === 'utf-8';
}

/**
 * Whether a tag in the text has a tab, or whitespace beside an `=`, outside its quoted values.
 * SheetJS splits a tag only on space, CR and LF, and tests some attributes as exact text
 * (`t="shared"`): such tags are left to it.
 */
export function hasUnusualTagSpacing(text: string): boolean {
  let isInTag = false;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (!isInTag) {
      if (code === 60) isInTag = true;
    } else if (code === 62) {
      isInTag = false;
    } else if (code === 34 || code === 39) {
      quote = code;
    } else if (code === 9) {
      return true;
    } else if (code === 61) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if (before === 32 || before === 10 || before === 13) return true;
      if (after === 32 || after === 10 || after === 13 || after === 9) return true;
    }
  }
  return false;
}
