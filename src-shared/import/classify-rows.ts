import type { Direction, Phase, RowKind, Section } from '../model';

/** A data row as read, before anyone decides what it is. */
export interface RawRow {
  /** 0-based row index. */
  row: number;
  code: string | null;
  /** Level from the code column it sits in, when the code is split over columns. */
  codeLevel: number | null;
  label: string | null;
  /** All texts of the row, left to right. */
  texts: string[];
  filled: number;
  /** Minor units by phase, for the amount cells that hold a figure (zero included). */
  values: Partial<Record<Phase, number>>;
  isRepeatedHeader: boolean;
  hidden: boolean;
  /** Set when the row is one section of a sheet row split by section columns ("Rec | Dev"). */
  section?: Section | null;
  /** What the row's own direction column says ("Dépenses", "revenue"), when the table has one. */
  direction?: Direction | null;
  /** Amount cells that held something other than a figure ("n/a", a word, an error value). */
  unreadable?: number;
  /** Values of the line-key columns, for lines grouped or pivoted by a key. */
  keyValues?: Record<string, string>;
}

export interface RowClass {
  kind: RowKind;
  reason: string;
  direction: Direction | null;
  section: Section | null;
  parentCode: string | null;
  level: number;
}

// French and English first; Czech "Celkem za 1014", Portuguese "Subtotal" / "Soma", German
// "Summe" and "Zwischensumme" are the words of the other files seen so far.
const SUBTOTAL =
  /^(?:sous[- ]?tota(?:l|ux)|sub[- ]?totals?|total\s+(?:du\s+|de\s+la\s+|des\s+)?(?:chapitre|article|paragraphe|titre|compte|programme|sous)\b|celkem\s+za\b|zwischensumme\b)/i;
const TOTAL =
  /^(?:totaux?|grand\s+total|totals?|ensemble|montant\s+total|total\s+g[ée]n[ée]ral|celkem|summe|soma|gesamt)\b/i;
const NOTE =
  /\bpage\s+\d|\bsignature|\ble\s+maire\b|\barr[êe]t[ée]\b|\bcertifi|\bfait\s+[àa]\b|^source\b|^notes?\b|^nb\b/i;

const GRAND_TOTAL = /\b(?:general|generale|grand total|overall)\b/;

/**
 * A total row spans what its own label says: "TOTAL RECETTES D'INVESTISSEMENT" one section,
 * "TOTAL GÉNÉRAL" both, whatever banner came before it.
 */
function totalSection(raw: RawRow, bannerSection: Section | null): Section | null {
  if (raw.section) return raw.section;
  const label = raw.label ?? raw.texts[0] ?? '';
  const plain = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (GRAND_TOTAL.test(plain)) return null;
  return contextOf(label).section ?? bannerSection;
}

/** Direction and section a banner or sheet name states ("RECETTES DE FONCTIONNEMENT"). */
export function contextOf(text: string): { direction: Direction | null; section: Section | null } {
  const t = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const revenue = /recette|receita|revenue|income|produits/.test(t);
  const expenditure = /depense|despesa|expenditure|spending|charges/.test(t);
  // A name with both words ("income and expenditure", "recettes et dépenses") names neither.
  const direction = revenue === expenditure ? null : revenue ? 'revenue' : 'expenditure';
  const section = /fonctionnement|operating|recurrent|correntes?\b/.test(t)
    ? 'operating'
    : /investissement|investment|capital|development|equipement/.test(t)
      ? 'investment'
      : null;
  return { direction, section };
}

/**
 * Direction and section from the French communal nomenclature: classes 60–69 operating
 * expenditure, 70–79 operating revenue, 10–19 capital revenue, 20–29 capital expenditure.
 * Only plain digit codes qualify; dotted codes belong to other nomenclatures.
 */
export function accountClassOf(code: string): {
  direction: Direction | null;
  section: Section | null;
} {
  if (!/^\d{2,}$/.test(code)) return { direction: null, section: null };
  const first = code[0];
  if (first === '6') return { direction: 'expenditure', section: 'operating' };
  if (first === '7') return { direction: 'revenue', section: 'operating' };
  if (first === '1') return { direction: 'revenue', section: 'investment' };
  if (first === '2') return { direction: 'expenditure', section: 'investment' };
  return { direction: null, section: null };
}

/**
 * The part of a code that carries the hierarchy: separators dropped and, for dotted codes of
 * fixed width ("1100.00.0.0.00.00"), the trailing zeros too, so that 1 → 11 → 111 nest.
 */
export function hierarchyKey(code: string): string {
  if (!/[.\-\s]/.test(code)) return code;
  const groups = code.split(/[^0-9A-Za-z]+/).filter(Boolean);
  while (groups.length > 1 && /^0+$/.test(groups[groups.length - 1]!)) groups.pop();
  // "1100.00.0.0" nests under "1000.00.0.0": within the first group zeros are padding too.
  if (groups.length === 1) return groups[0]!.replace(/0+$/, '') || '0';
  return groups.join('');
}

/** Kind by the row's own content, before the hierarchy and the sums are looked at. */
function ownKind(raw: RawRow): { kind: RowKind | 'coded' | 'sum?'; reason: string } {
  const hasAmount = Object.keys(raw.values).length > 0;
  const first = raw.texts.find((t) => !/^[\d\s.,()-]+$/.test(t)) ?? '';
  // The total word may stand in the code column, left of the label ("Celkem za 0000" | name).
  const totalWord = [raw.label ?? '', first].find((t) => SUBTOTAL.test(t) || TOTAL.test(t));
  const word = totalWord ?? raw.label ?? first;
  if (raw.filled === 0) return { kind: 'blank', reason: 'empty row' };
  if (raw.isRepeatedHeader) return { kind: 'header', reason: 'repeats the table header (new page)' };
  if (SUBTOTAL.test(word)) return { kind: 'subtotal', reason: `label starts with “${word.split(/\s+/).slice(0, 2).join(' ')}”` };
  if (TOTAL.test(word)) return { kind: 'total', reason: `label starts with “${word.split(/\s+/)[0]}”` };
  if (raw.code) return { kind: 'coded', reason: '' };
  if (hasAmount && raw.label) return { kind: 'line', reason: 'label and amounts, no code' };
  if (hasAmount) return { kind: 'sum?', reason: '' };
  const ctx = contextOf(word);
  if ((ctx.direction || ctx.section) && raw.filled <= 2 && word.length <= 80) {
    return { kind: 'banner', reason: `banner naming the ${[ctx.direction, ctx.section].filter(Boolean).join(' ')} side` };
  }
  if (NOTE.test(word) || word.length > 80) return { kind: 'note', reason: 'text without figures (note, footer or signature)' };
  return { kind: 'heading', reason: 'text without code or figures' };
} // prettier-ignore

function sameValues(a: Partial<Record<Phase, number>>, b: Partial<Record<Phase, number>>): boolean {
  const phases = Object.keys(a) as Phase[];
  return phases.length > 0 && phases.every((p) => (b[p] ?? 0) === a[p]);
}

function addInto(sum: Partial<Record<Phase, number>>, values: Partial<Record<Phase, number>>) {
  for (const [p, v] of Object.entries(values) as [Phase, number][]) sum[p] = (sum[p] ?? 0) + v;
}

/**
 * Classifies the data rows of one table. Codes give the hierarchy (70 → 708 → 7080): a coded
 * row with figures whose descendants have figures too is a subtotal, kept to check and never
 * added; one without figures above others is a heading. "Total"/"Sous-total" labels make
 * totals, and a row with figures but neither code nor label is a total when its figures equal
 * the lines it closes. Banners set direction and section for the rows after them, before the
 * sheet's own direction and the account classes; `forced` (the user's) beats them all.
 */
export function classifyRows(
  rows: readonly RawRow[],
  context: {
    direction: Direction | null;
    section: Section | null;
    forced: Direction | null;
    accountClasses?: boolean;
  },
): RowClass[] {
  const own = rows.map(ownKind);
  const keys = rows.map((r) => (r.code ? hierarchyKey(r.code) : null));
  const out: RowClass[] = [];
  const stack: { key: string; code: string }[] = [];
  let banner: { direction: Direction | null; section: Section | null } = {
    direction: null,
    section: null,
  };
  let sinceTotal: Partial<Record<Phase, number>> = {};

  rows.forEach((raw, i) => {
    let { kind, reason } = own[i]!;
    const key = keys[i];
    let parentCode: string | null = null;
    let level = 0;
    if (kind === 'banner') banner = contextOf(raw.label ?? raw.texts[0] ?? '');

    if (key && raw.code) {
      while (stack.length && !(key.startsWith(stack[stack.length - 1]!.key) && key !== stack[stack.length - 1]!.key)) stack.pop();
      parentCode = stack[stack.length - 1]?.code ?? null;
      level = raw.codeLevel ?? stack.length;
      stack.push({ key, code: raw.code });
    }
    if (kind === 'coded') {
      const hasAmount = Object.keys(raw.values).length > 0;
      let hasChildren = false;
      let childAmounts = false;
      for (let j = i + 1; j < rows.length; j += 1) {
        const k = keys[j];
        if (own[j]!.kind === 'banner' || own[j]!.kind === 'total') break;
        if (!k || k === key) continue; // the same code again (one row per fund) is no child
        if (!k.startsWith(key!)) break;
        hasChildren = true;
        if (Object.keys(rows[j]!.values).length > 0) childAmounts = true;
      }
      if (hasAmount && childAmounts) [kind, reason] = ['subtotal', `code ${raw.code} heads the coded rows below, which have figures: kept to check, not added`];
      else if (hasAmount) [kind, reason] = ['line', hasChildren ? `code ${raw.code}: figures here, none on the rows below` : `code ${raw.code} with figures`];
      else if (hasChildren) [kind, reason] = ['heading', `code ${raw.code} heads the rows below; no figures`];
      // A line whose every amount is unreadable is still a line of the file: kept and shown.
      else if (raw.unreadable) [kind, reason] = ['unclassified', `code ${raw.code} : aucun montant lisible (${raw.unreadable} cellule${raw.unreadable > 1 ? 's' : ''} sans montant utilisable)`];
      else [kind, reason] = ['ignored', `code ${raw.code} with no figure in any amount column`];
    }
    if (kind === 'sum?') {
      const closes = sameValues(raw.values, sinceTotal);
      const isLast = !rows.slice(i + 1).some((r) => Object.keys(r.values).length > 0);
      [kind, reason] = closes ? ['total', 'no code or label; its figures equal the sum of the lines above'] : isLast ? ['total', 'last row with figures, no code or label: the grand total, checked against the lines'] : ['unclassified', 'figures without code or label, not equal to the lines above'];
    }
    if (kind === 'line') addInto(sinceTotal, raw.values);
    if (kind === 'total') sinceTotal = {};

    const byClass = raw.code && context.accountClasses !== false ? accountClassOf(raw.code) : { direction: null, section: null }; // prettier-ignore
    const direction = context.forced ?? raw.direction ?? banner.direction ?? context.direction ?? byClass.direction; // prettier-ignore
    const section =
      kind === 'total' ? totalSection(raw, banner.section) : (raw.section ?? banner.section ?? context.section ?? byClass.section);
    out.push({ kind: kind as RowKind, reason, direction, section, parentCode, level });
  }); // prettier-ignore
  return out;
}
