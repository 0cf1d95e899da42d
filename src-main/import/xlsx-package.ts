import { unsupported, type Unsupported } from './xlsx-unsupported';
import { mapSheetParts } from './xlsx-formula-scan';
import {
  TAG,
  hasUnusualTagSpacing,
  parseTag,
  parseXmlBool,
  unescapeXml,
  utf8FromBinary,
} from './xlsx-xml';

/** The parts of an xlsx package the reader needs, by the names SheetJS would use. */
export interface XlsxPackage {
  sheets: { name: string; hidden: boolean; part: string }[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const SHEETML = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';
const WORKBOOK_TYPES = new Set([
  `${SHEETML}sheet.main+xml`,
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  `${SHEETML}template.main+xml`,
]);
const STRINGS_TYPE = `${SHEETML}sharedStrings+xml`;
const STYLES_TYPE = `${SHEETML}styles+xml`;
const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';
const METADATA_TYPE = `${SHEETML}sheetMetadata+xml`;
// A part SheetJS reads with no safety net; the fast reader leaves files that have it to it.
const PEOPLE_TYPE = 'application/vnd.ms-excel.person+xml';
const PLAIN_SHEET_PART = /^xl\/worksheets\/[A-Za-z0-9_.-]+\.xml$/;

/** The inflated parts of the package. */
export interface XlsxParts {
  /** Hands a part over once, so that its bytes can be let go after use. */
  take: (name: string) => Buffer | undefined;
  /** Looks at a small part and keeps it. */
  peek: (name: string) => Buffer | undefined;
  has: (name: string) => boolean;
  /** The name a part is stored under, whatever the case of `name`, as SheetJS looks parts up. */
  nameOf: (name: string) => string | undefined;
}

type PartReader = (name: string) => Buffer | undefined;

function text(part: Buffer | undefined): string | undefined {
  return part?.toString('latin1');
}

function stripPrefix(root: string): string {
  return root.replace(/<\w*:/, '<');
}

interface ContentTypes {
  workbook: string;
  sharedStrings: string | null;
  styles: string | null;
  themes: string[];
  metadata: string | null;
}

function readContentTypes(xml: string): ContentTypes | Unsupported {
  let namespace: string | undefined;
  const workbooks: string[] = [];
  const strings: string[] = [];
  const styles: string[] = [];
  const themes: string[] = [];
  const metadata: string[] = [];
  for (const tag of xml.match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    const name = stripPrefix(root);
    if (name === '<Types') {
      const prefix = /<(\w+):/.exec(root)?.[1] ?? '';
      namespace = attributes.get(`xmlns${prefix}`);
    } else if (name === '<Override') {
      const type = attributes.get('ContentType') ?? '';
      const part = attributes.get('PartName');
      if (type === PEOPLE_TYPE) return unsupported('the package has a people part');
      if (part === undefined) continue;
      if (type === METADATA_TYPE) metadata.push(part);
      if (WORKBOOK_TYPES.has(type)) workbooks.push(part);
      else if (type === STRINGS_TYPE) strings.push(part);
      else if (type === STYLES_TYPE) styles.push(part);
      else if (type === THEME_TYPE) themes.push(part);
    }
  }
  if (namespace !== CONTENT_TYPES_NS)
    return unsupported('the content types have another namespace');
  if (workbooks[0] !== '/xl/workbook.xml')
    return unsupported('the workbook is not xl/workbook.xml');
  const strip = (part: string | undefined) => (part === undefined ? null : part.replace(/^\//, ''));
  return {
    workbook: 'xl/workbook.xml',
    sharedStrings: strip(strings[0]),
    styles: strip(styles[0]),
    themes,
    metadata: strip(metadata[0]),
  };
}

/**
 * SheetJS reads the cell metadata (dynamic arrays) without a safety net: a record naming a
 * type that is not declared stops its whole read. Such files are left to it.
 */
function isMetadataReadable(part: string | null, readPart: PartReader): boolean {
  if (part === null) return true;
  const xml = text(readPart(part));
  if (xml === undefined) return false;
  let types = 0;
  let isInRecords = false;
  for (const tag of xml.match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    const name = root.replace(/<(\/?)\w+:/, '<$1');
    if (name === '<metadataType') types++;
    else if (name === '<cellMetadata' || name === '<valueMetadata') isInRecords = true;
    else if (name === '</cellMetadata>' || name === '</valueMetadata>') isInRecords = false;
    else if (name === '<rc' && isInRecords) {
      const type = Number(attributes.get('t'));
      if (!Number.isInteger(type) || type < 1 || type > types) return false;
    }
  }
  return true;
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(xml: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const tag of xml.match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    if (root !== '<Relationship') continue;
    const id = attributes.get('Id');
    if (id === undefined) continue;
    relationships.set(id, {
      type: attributes.get('Type') ?? '',
      target: unescapeXml(attributes.get('Target') ?? ''),
    });
  }
  return relationships;
}

/** A relationship's target inside xl/, as both SheetJS and xlsx-formula-scan.ts resolve it. */
function partOfTarget(target: string): string | null {
  if (target.startsWith('/xl/')) return target.slice(1);
  if (target.startsWith('/') || target.includes('..') || target.startsWith('./')) return null;
  return `xl/${target}`;
}

interface WorkbookSheets {
  sheets: { name: string; hidden: boolean; id: string }[];
  date1904: boolean;
}

function readWorkbookXml(xml: string): WorkbookSheets | Unsupported {
  let namespace: string | undefined;
  let date1904 = false;
  const sheets: WorkbookSheets['sheets'] = [];
  for (const tag of xml.match(TAG) ?? []) {
    const { root, attributes } = parseTag(tag);
    switch (root.replace(/<(\/?)\w+:/, '<$1')) {
      case '<workbook':
        if (/<\w+:workbook/.test(tag)) return unsupported('the workbook uses a namespace prefix');
        namespace = attributes.get('xmlns');
        break;
      case '<workbookPr':
      case '<workbookPr/>':
        if (attributes.has('date1904')) date1904 = parseXmlBool(attributes.get('date1904'));
        break;
      case '<sheet': {
        const name = attributes.get('name');
        const id = attributes.get('id');
        if (name === undefined || id === undefined)
          return unsupported('a sheet lacks its name or id');
        const state = attributes.get('state');
        sheets.push({
          name: unescapeXml(utf8FromBinary(name)),
          hidden: state === 'hidden' || state === 'veryHidden',
          id,
        });
        break;
      }
    }
  }
  if (namespace !== MAIN_NS) return unsupported('the workbook has another namespace');
  return { sheets, date1904 };
}

function hasOpenableTheme(themes: string[], readPart: PartReader): boolean {
  const theme = themes[0];
  if (theme === undefined) return true;
  const xml = text(readPart(theme.replace(/^\//, '')));
  return (
    xml === undefined || (xml.includes('<a:themeElements') && xml.includes('</a:themeElements>'))
  );
}

// SheetJS gives each comment or note a cell of its own, which counts against the limits. Any
// mention of one, however quoted, leaves the sheet to it.
const NOTE_RELATIONS = /comments|vmlDrawing|threadedComment/i;

function hasNotes(sheetPart: string, parts: XlsxParts): boolean | Unsupported {
  const relsPart = sheetPart.replace(/^(.*)\/([^/]*)$/, '$1/_rels/$2.rels');
  const stored = parts.nameOf(relsPart);
  // SheetJS finds the relations whatever the case of their name; the parts here go by exact name.
  if (stored !== undefined && stored !== relsPart) {
    return unsupported('the relations of a sheet are named in another case');
  }
  const rels = text(parts.peek(relsPart));
  return rels !== undefined && NOTE_RELATIONS.test(rels);
}

/**
 * Which parts hold what: the workbook's sheets in order with their parts, shared strings and
 * styles. Anything SheetJS would resolve another way, or choke on, is left to it.
 */
export function readPackage(parts: XlsxParts): XlsxPackage | Unsupported {
  const readPart = parts.peek;
  const contentTypesXml = text(readPart('[Content_Types].xml'));
  const workbookXml = text(readPart('xl/workbook.xml'));
  const relsXml = text(readPart('xl/_rels/workbook.xml.rels'));
  if (!contentTypesXml || !workbookXml || !relsXml) return unsupported('a package part is missing');
  for (const xml of [contentTypesXml, workbookXml, relsXml]) {
    if (xml.includes('<!--') || xml.includes('<![CDATA['))
      return unsupported('comments in a package part');
    if (hasUnusualTagSpacing(xml)) return unsupported('a package part has a tag written unusually');
  }
  const types = readContentTypes(contentTypesXml);
  if ('unsupported' in types) return types;
  if (!hasOpenableTheme(types.themes, readPart)) return unsupported('the theme lacks its elements');
  if (!isMetadataReadable(types.metadata, readPart))
    return unsupported('the cell metadata is broken');
  const workbook = readWorkbookXml(workbookXml);
  if ('unsupported' in workbook) return workbook;

  const relationships = readRelationships(relsXml);
  const scanParts = mapSheetParts(utf8FromBinary(workbookXml), utf8FromBinary(relsXml));
  const names = new Set<string>();
  const sheets: XlsxPackage['sheets'] = [];
  for (const sheet of workbook.sheets) {
    const relationship = relationships.get(sheet.id);
    if (!relationship || relationship.type !== WORKSHEET_REL) {
      return unsupported('a sheet is not a plain worksheet');
    }
    const part = partOfTarget(relationship.target);
    if (!part || !PLAIN_SHEET_PART.test(part)) return unsupported('a sheet part lies elsewhere');
    if (names.has(sheet.name)) return unsupported('two sheets have one name');
    // The scan of formulas without a value names sheets its own way; both must agree.
    if (scanParts.get(sheet.name) !== part) return unsupported('a sheet name reads two ways');
    if (!parts.has(part)) return unsupported('the part of a sheet is missing');
    const notes = hasNotes(part, parts);
    if (notes !== false)
      return notes === true ? unsupported('a sheet has comments or notes') : notes;
    names.add(sheet.name);
    sheets.push({ name: sheet.name, hidden: sheet.hidden, part });
  }

  for (const [kind, part] of [
    ['sharedStrings', types.sharedStrings],
    ['styles', types.styles],
  ] as const) {
    const related = [...relationships.values()].find((rel) => rel.type.endsWith(`/${kind}`));
    const relatedPart = related ? partOfTarget(related.target) : null;
    if (relatedPart !== part) return unsupported(`the ${kind} part is declared two ways`);
    if (part !== null && (!part.endsWith('.xml') || !parts.has(part))) {
      return unsupported(`the ${kind} part is missing`);
    }
  }
  return {
    sheets,
    date1904: workbook.date1904,
    sharedStringsPart: types.sharedStrings,
    stylesPart: types.styles,
  };
}
