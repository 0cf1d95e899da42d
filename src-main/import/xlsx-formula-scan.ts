/**
 * SheetJS gives a formula cell that has no saved value the value 0, which would turn an
 * uncomputed total into a real zero. The sheet XML still tells them apart: such a cell has an
 * `<f>` and no `<v>`. This scan finds those cells, by sheet name, for the SheetJS path; the
 * fast reader (xlsx-sheet.ts) finds the same cells in its own pass and decodes them with
 * unescapeXml below, so that both paths agree.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? '';
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return null;
  return unescapeXml(match[2] ?? match[3] ?? '');
}

/** Sheet name → its XML part (xl/worksheets/sheet1.xml), from workbook.xml and its rels. */
export function mapSheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (!id || !target) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }

  const parts = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(match[0], 'name');
    const id = attribute(match[0], 'r:id') ?? attribute(match[0], '\\w+:id');
    const part = id ? targets.get(id) : undefined;
    if (name !== null && part) parts.set(name, part.replace(/\/\.\//g, '/'));
  }
  return parts;
}

/**
 * The formula cells of one sheet's XML that carry no saved value: A1 address → formula text
 * (empty for a cell that only points at a shared formula).
 */
export function findFormulasWithoutValue(sheetXml: string): Map<string, string> {
  const found = new Map<string, string>();
  const dataStart = sheetXml.indexOf('<sheetData');
  const dataEnd = sheetXml.lastIndexOf('</sheetData>');
  if (dataStart < 0 || dataEnd < 0) return found;
  const data = sheetXml.slice(dataStart, dataEnd);
  const formula = /<f[\s>/]/g;

  let match: RegExpExecArray | null;
  while ((match = formula.exec(data))) {
    const cellStart = data.lastIndexOf('<c ', match.index);
    const cellEnd = data.indexOf('</c>', match.index);
    if (cellStart < 0 || cellEnd < 0) break;
    const cell = data.slice(cellStart, cellEnd);
    const hasValue = /<v[\s>]/.test(cell) || /<is[\s>]/.test(cell);
    const address = attribute(cell.slice(3, cell.indexOf('>')), 'r');
    const text = /<f\b[^>]*>([^<]*)<\/f>/.exec(cell);
    if (!hasValue && address) found.set(address, unescapeXml(text?.[1] ?? ''));
    formula.lastIndex = cellEnd;
  }
  return found;
}
