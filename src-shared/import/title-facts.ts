/**
 * Facts that title and cover cells state once for the whole table: who, which year, in what
 * unit. A stated unit can contradict the figures, so it is shown with its source, never hidden.
 */

export interface TitleFacts {
  entity: { name: string; source: string } | null;
  year: { value: number; source: string } | null;
  unit: { multiplier: number; source: string } | null;
}

const ENTITY = [
  /\b(?:collectivit[ée]|commune|mairie|municipalit[ée]|county|municipality|entity|cu|cr)\s*:\s*(.+)$/i,
  /^((?:commune|mairie|ville|communaut[ée] urbaine|cu|cr)\s+(?:urbaine\s+|rurale\s+)?(?:de|d['’]|du)\s*.+)$/i,
];
const YEAR_WORDS =
  /\b(?:exercice|gestion|ann[ée]e|compte administratif|budget primitif|budget|fy|fiscal year|year)\s*:?\s*((?:19|20)\d{2})\b/i;
const ANY_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

const UNITS: { pattern: RegExp; multiplier: number }[] = [
  { pattern: /\ben\s+milliards\b|\bbillions?\b|\bbn\b/i, multiplier: 1e9 },
  { pattern: /\ben\s+millions\b|\bmillions?\b|\bmio\b|\bmn\b/i, multiplier: 1e6 },
  {
    pattern: /\ben\s+milliers\b|\bthousands?\b|\bmilliers\b|'000|\b000s\b|\bk(?:shs?)?\s*'000/i,
    multiplier: 1e3,
  },
];

/** Cuts the entity name where another fact begins ("Commune Test (COM-TEST) - ANNÉE 2024"). */
function cleanEntity(name: string): string {
  return name
    .split(/\s+[-–—]\s+(?=(?:ann[ée]e|exercice|gestion|budget|compte|fy|year)\b)/i)[0]!
    .trim()
    .replace(/[.,;:]$/, '');
}

/**
 * True for a blank form's fill-in mark rather than a name: dots, ellipses, underscores, dashes,
 * "XXXX", with spaces between; no letter or digit of a real name.
 */
export function isPlaceholder(name: string): boolean {
  return /^[\s.…_\-–—·*]*$/u.test(name) || /^[\s.…_]*x{3,}[\s.…_]*$/i.test(name);
}

/** The stated unit in one text, or null ("en milliers", "(Kshs. Million)"). */
export function unitIn(text: string): { multiplier: number; source: string } | null {
  const unit = UNITS.find((u) => u.pattern.test(text));
  return unit ? { multiplier: unit.multiplier, source: text.trim() } : null;
}

/** The year a text states, as a number, or null. Words such as "Exercice" make it surer. */
export function yearIn(text: string): { value: number; strong: boolean } | null {
  const strong = YEAR_WORDS.exec(text);
  if (strong?.[1]) return { value: Number(strong[1]), strong: true };
  const any = ANY_YEAR.exec(text);
  return any?.[1] ? { value: Number(any[1]), strong: false } : null;
}

/**
 * Reads entity, year and unit from title texts, first found first. A year after a word such as
 * "Exercice" or "COMPTE ADMINISTRATIF" beats a bare one; long texts (notes) are skipped.
 */
export function readTitleFacts(texts: readonly string[]): TitleFacts {
  const facts: TitleFacts = { entity: null, year: null, unit: null };
  let yearIsStrong = false;
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text || text.length > 200) continue;
    if (!facts.entity) {
      const match = ENTITY.map((p) => p.exec(text)).find((m) => m?.[1]);
      const name = match?.[1] ? cleanEntity(match[1]) : '';
      if (name && !isPlaceholder(name)) facts.entity = { name, source: text };
    }
    const year = yearIn(text);
    if (year && (!facts.year || (year.strong && !yearIsStrong))) {
      facts.year = { value: year.value, source: text };
      yearIsStrong = year.strong;
    }
    facts.unit ??= unitIn(text);
  }
  return facts;
}
