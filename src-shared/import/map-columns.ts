import { columnLetter, type GridSheet } from '../grid';
import type { ColumnMapping, Direction, Phase, Section } from '../model';
import type { HeaderBlock } from './find-header';
import { normaliseHeader } from './normalise-header';
import { textAt } from './sheet-cells';
import { matchHeader, phaseOfField, type Field } from './vocabulary';

/** What the interpretation needs to know of a table's columns. */
export interface ColumnPlan {
  columns: ColumnMapping[];
  /** 0-based code columns, left to right (a code split by level over several columns). */
  codeCols: number[];
  labelCol: number | null;
  /**
   * The amount columns. One per phase, except `change` (BA and modifications both count) and
   * columns split by section ("Rec | Dev"), which carry their section.
   */
  amounts: { col: number; phase: Phase; header: string; section?: Section }[];
  /** "Total" columns beside section columns: checked against their sum, never added. */
  sectionTotals: { col: number; phase: Phase; header: string }[];
  rateCol: number | null;
  sectionCol: number | null;
  directionCol: number | null;
}

/** FIELD → header text or column letter(s); several code columns as a list or "B,C,D". */
export type FieldOverrides = Partial<Record<Field, string | string[]>>;

/** Why a column holds its field when a saved template or the user named it. */
export const BY_TEMPLATE = 'modèle enregistré';
export const BY_USER = "choix de l'utilisateur";

interface Choice {
  col: number;
  field: Field | null;
  because: string;
  confidence: number;
  isAddition: boolean;
}

/** The column a template or `--map` names: a letter ("F") or a header's text, compared normalised. */
export function resolveColumn(target: string, header: HeaderBlock): number | null {
  const trimmed = target.trim();
  if (/^[A-Z]{1,3}$/.test(trimmed)) {
    let col = 0;
    for (const ch of trimmed) col = col * 26 + ch.charCodeAt(0) - 64;
    return col - 1;
  }
  const wanted = normaliseHeader(trimmed);
  const exact = header.columns.find((c) => normaliseHeader(c.name) === wanted);
  const inside = header.columns.find((c) => normaliseHeader(c.name).includes(wanted));
  return (exact ?? inside)?.col ?? null;
}

/** True when most filled cells of a column under the header look like codes (70, 7080, 1.2.3). */
function holdsCodes(sheet: GridSheet, col: number, from: number): boolean {
  let codes = 0;
  let others = 0;
  for (let r = from; r < Math.min(sheet.rows.length, from + 300); r += 1) {
    const text = textAt(sheet, r, col);
    if (!text) continue;
    if (/^[0-9][0-9A-Z.\-/ ]{0,24}$/.test(text)) codes += 1;
    else others += 1;
  }
  return codes > 0 && codes >= 4 * others;
}

function vocabularyChoices(header: HeaderBlock): Choice[] {
  return header.columns.map(({ col, parts }) => {
    const match = matchHeader(parts);
    if (!match)
      return {
        col,
        field: null,
        because: "aucun mot connu dans l'en-tête",
        confidence: 0,
        isAddition: false,
      };
    const because = `mots de l'en-tête : “${match.words}”`;
    return {
      col,
      field: match.field,
      because,
      confidence: match.confidence,
      isAddition: match.isAddition,
    };
  });
}

function applyOverrides(
  choices: Choice[],
  overrides: FieldOverrides,
  header: HeaderBlock,
  by: string,
) {
  for (const [field, target] of Object.entries(overrides) as [Field, string | string[]][]) {
    const targets = Array.isArray(target)
      ? target
      : target.split(field === 'code' ? ',' : '\u0000');
    for (const [i, one] of targets.entries()) {
      const col = resolveColumn(one, header);
      if (col === null) continue;
      // A field named by the user or a template leaves every other column it was guessed for.
      if (i === 0) for (const c of choices) if (c.field === field) c.field = null;
      const existing = choices.find((c) => c.col === col);
      const choice = { col, field, because: by, confidence: 1, isAddition: false };
      if (existing) Object.assign(existing, choice);
      else choices.push(choice);
    }
  }
  choices.sort((a, b) => a.col - b.col);
}

/** Unnamed columns beside the code column that hold codes too (chapter | article | paragraph). */
function codeColumns(choices: Choice[], sheet: GridSheet, header: HeaderBlock): number[] {
  const coded = choices.filter((c) => c.field === 'code');
  const named = coded.map((c) => c.col);
  // Columns a template or the user named are taken as given, never extended.
  if (named.length !== 1 || coded[0]!.confidence === 1) return named;
  const cols = [...named];
  const taken = new Set(choices.filter((c) => c.field).map((c) => c.col));
  for (let col = named[0]! + 1; !taken.has(col) && col < named[0]! + 6; col += 1) {
    if (!holdsCodes(sheet, col, header.firstDataRow)) break;
    cols.push(col);
  }
  return cols;
}

/** The section a sub-header names ("Rec", "Dev", "Recurrent", "Capital"), or null. */
export function sectionOfHeader(part: string): Section | null {
  const t = normaliseHeader(part);
  if (/^(?:rec|recurrent|operating|current|fonctionnement)$/.test(t)) return 'operating';
  if (/^(?:dev|development|capital|investment|investissement)$/.test(t)) return 'investment';
  return null;
}

/** Amount columns whose lowest header part names a section, under a group of that field. */
function sectionChoices(choices: Choice[], header: HeaderBlock): Map<number, Section> {
  const out = new Map<number, Section>();
  for (const c of choices) {
    const parts = header.columns.find((h) => h.col === c.col)?.parts ?? [];
    if (!c.field || parts.length < 2 || !phaseOfField(c.field)) continue;
    const section = sectionOfHeader(parts[parts.length - 1] ?? '');
    if (section) out.set(c.col, section);
  }
  return out;
}

/** Keeps one column per phase: a "Total" column first, else the leftmost. */
function pickPerField(
  choices: Choice[],
  header: HeaderBlock,
  extras: Choice[],
  sectioned: Map<number, Section>,
): Map<Field, Choice> {
  const nameOf = (col: number) => header.columns.find((c) => c.col === col)?.name ?? '';
  const picked = new Map<Field, Choice>();
  const revisedTotal = choices.some((c) => c.field === 'revised' && !c.isAddition);
  for (const c of choices) {
    if (c.field === 'revised' && c.isAddition && revisedTotal) c.field = 'change';
  }
  for (const c of choices) {
    if (!c.field || c.field === 'code') continue;
    if (sectioned.has(c.col)) {
      extras.push(c);
      continue;
    }
    const held = picked.get(c.field);
    // Budget additionnel and modifications +/- both move the forecast: each one counts.
    if (held && c.field === 'change') {
      extras.push(c);
      continue;
    }
    const isTotal = /\btotal\b/.test(normaliseHeader(nameOf(c.col)));
    const heldIsTotal = held && /\btotal\b/.test(normaliseHeader(nameOf(held.col)));
    if (
      !held ||
      (isTotal && !heldIsTotal && held.because !== BY_USER && held.because !== BY_TEMPLATE)
    ) {
      picked.set(c.field, c);
    }
  }
  return picked;
}

/**
 * Maps each header column to a field, with the words that decided it and a confidence.
 * Overrides (a template's, then `--map`) win over the vocabulary. Unnamed columns right of the
 * code column that hold codes join it; a lone forecast column feeds original and revised; a BA
 * or BS column beside a "prévisions définitives" one is a change, not the revised total.
 */
export function mapColumns(
  sheet: GridSheet,
  header: HeaderBlock,
  overrides: { template?: FieldOverrides; user?: FieldOverrides } = {},
): ColumnPlan {
  const choices = vocabularyChoices(header);
  applyOverrides(choices, overrides.template ?? {}, header, BY_TEMPLATE);
  applyOverrides(choices, overrides.user ?? {}, header, BY_USER);

  const codeCols = codeColumns(choices, sheet, header);
  const extras: Choice[] = [];
  const sectioned = sectionChoices(choices, header);
  const picked = pickPerField(choices, header, extras, sectioned);
  const amounts: ColumnPlan['amounts'] = [];
  const sectionTotals: ColumnPlan['sectionTotals'] = [];
  const nameOf = (col: number) =>
    header.columns.find((c) => c.col === col)?.name ?? columnLetter(col);
  for (const c of extras) {
    const phase = phaseOfField(c.field!)!;
    amounts.push({ col: c.col, phase, header: nameOf(c.col), section: sectioned.get(c.col) });
  }
  for (const [field, c] of picked) {
    const phase = phaseOfField(field);
    if (!phase) continue;
    // The "Total" beside "Rec | Dev" is their sum: kept to check, or it would count twice.
    const split = extras.some((e) => e.field === field && sectioned.has(e.col));
    if (split) sectionTotals.push({ col: c.col, phase, header: nameOf(c.col) });
    else amounts.push({ col: c.col, phase, header: nameOf(c.col) });
  }
  const originals = amounts.filter((a) => a.phase === 'original');
  const reviseds = amounts.filter((a) => a.phase === 'revised');
  if (reviseds.length === 0) for (const a of originals) amounts.push({ ...a, phase: 'revised' });
  if (originals.length === 0) for (const a of reviseds) amounts.push({ ...a, phase: 'original' });

  const columns: ColumnMapping[] = choices.map((c) => {
    const isCode = codeCols.includes(c.col);
    const field = isCode ? 'code' : c.field;
    const kept = isCode || (field !== null && (picked.get(field)?.col === c.col || extras.includes(c)));
    const phase = field && kept ? phaseOfField(field) : null;
    const because = isCode && !c.field ? 'codes dans une colonne sans titre, à côté de celle des codes' : kept || !field ? c.because : `${c.because} ; une autre colonne a été retenue pour cette donnée`;
    return { column: columnLetter(c.col), header: nameOf(c.col), field: kept ? field : null, phase, because, confidence: isCode && !c.field ? 0.7 : c.confidence };
  }); // prettier-ignore

  return {
    columns,
    codeCols,
    labelCol: picked.get('label')?.col ?? null,
    amounts: amounts.sort((a, b) => a.col - b.col),
    sectionTotals,
    rateCol: picked.get('rate')?.col ?? null,
    sectionCol: picked.get('section')?.col ?? null,
    directionCol: picked.get('direction')?.col ?? null,
  };
}

/**
 * The stage that counts as "executed" on one side (issue 2's rule): ordered (mandaté) for
 * expenditure, assessed (émis) for revenue, else the latest stage the file has, else a figure
 * of unknown stage. Null when the file has no execution figure at all.
 */
export function chooseExecutedStage(phases: readonly Phase[], direction: Direction): Phase | null {
  const order: Phase[] =
    direction === 'expenditure'
      ? ['ordered', 'paid', 'liquidated', 'committed', 'executed', 'collected', 'assessed']
      : ['assessed', 'collected', 'executed', 'paid', 'ordered', 'liquidated', 'committed'];
  return order.find((p) => phases.includes(p)) ?? null;
}
