import type { Phase } from '../model';
import { containsWords, normaliseHeader } from './normalise-header';

/**
 * The fields a column can hold. `planned` is the original forecast (budget primitif),
 * `executed` a figure whose stage the file does not say.
 */
export type Field =
  | 'code'
  | 'label'
  | 'planned'
  | 'revised'
  | 'change'
  | 'executed'
  | 'committed'
  | 'liquidated'
  | 'ordered'
  | 'paid'
  | 'assessed'
  | 'collected'
  | 'remaining'
  | 'rate'
  | 'section'
  | 'direction';

export const FIELDS: readonly Field[] = [
  'code', 'label', 'planned', 'revised', 'change', 'executed', 'committed', 'liquidated',
  'ordered', 'paid', 'assessed', 'collected', 'remaining', 'rate', 'section', 'direction',
]; // prettier-ignore

/** The phase an amount field stores; null for the fields that are not amounts. */
export function phaseOfField(field: Field): Phase | null {
  switch (field) {
    case 'planned':
      return 'original';
    case 'code':
    case 'label':
    case 'rate':
    case 'section':
    case 'direction':
      return null;
    default:
      return field;
  }
}

interface Entry {
  field: Field;
  /** Normalised phrases; the longest one found in a header wins. */
  phrases: string[];
  /**
   * A forecast that adds to the budget primitif (BA, BS, DM): the revised total when it is the
   * only such column, a change when a "prévisions définitives" column is also there.
   */
  isAddition?: boolean;
}

/** French (DOMAIN.md §2) and English headers. Other languages need a template. */
const ENTRIES: Entry[] = [
  { field: 'code', phrases: ['code', 'codes', 'imputation', 'compte', 'comptes', 'numero compte', 'numero de compte', 'ligne budgetaire', 'rubrique', 'nature', 'chapitre', 'article', 'paragraphe', 'account', 'account code', 'account number', 'vote', 'item code', 'code budgetaire'] },
  { field: 'label', phrases: ['libelle', 'libelles', 'designation', 'designations', 'intitule', 'intitules', 'objet', 'nature des recettes', 'nature des depenses', 'description', 'particulars', 'details', 'item', 'county', 'name', 'narration', 'account description', 'label', 'labels'] },
  { field: 'planned', phrases: ['previsions', 'prevision', 'previsions initiales', 'prevision initiale', 'initiales', 'initiale', 'prevu', 'budget primitif', 'bp', 'budget vote', 'credits initiaux', 'credits votes', 'budget', 'estimates', 'budget estimates', 'appropriation', 'appropriations', 'approved', 'approved budget', 'original', 'original budget', 'target', 'revenue target', 'initial'] },
  { field: 'revised', phrases: ['previsions definitives', 'prevision definitive', 'definitives', 'definitive', 'credits definitifs', 'credits ouverts', 'budget revise', 'previsions total', 'total previsions', 'revised', 'revised budget', 'revised estimates', 'adjusted', 'adjusted budget', 'final budget', 'final'] },
  { field: 'revised', isAddition: true, phrases: ['budget additionnel', 'ba', 'budget supplementaire', 'bs', 'collectif', 'collectif budgetaire', 'decision modificative', 'decisions modificatives', 'dm', 'supplementary', 'supplementary budget'] },
  { field: 'change', phrases: ['modifications', 'modification', 'virements de credits', 'virements', 'changes', 'variation'] },
  { field: 'committed', phrases: ['engage', 'engages', 'engagement', 'engagements', 'credits engages', 'committed', 'commitment', 'commitments', 'encumbered', 'encumbrances'] },
  { field: 'liquidated', phrases: ['liquide', 'liquides', 'liquidation', 'liquidations', 'liquidated'] },
  { field: 'ordered', phrases: ['mandate', 'mandates', 'mandats emis', 'mandat admis', 'mandats admis', 'mandats', 'mandatement', 'ordonnance', 'ordonnancement', 'ordonnances'] },
  { field: 'paid', phrases: ['paye', 'payes', 'paiement', 'paiements', 'decaisse', 'decaissements', 'paid', 'payments', 'disbursed', 'disbursements'] },
  { field: 'assessed', phrases: ['titres emis', 'ordres de recette', 'ordres de recettes', 'or admis', 'emis', 'emissions', 'constate', 'constatations', 'assessed', 'invoiced', 'billed'] },
  { field: 'collected', phrases: ['recouvre', 'recouvres', 'recouvrement', 'recouvrements', 'encaisse', 'encaissements', 'recettes realisees', 'collected', 'collections', 'collection', 'receipts', 'revenue collected'] },
  { field: 'executed', phrases: ['realisations', 'realisation', 'realise', 'realises', 'execution', 'execute', 'depenses reelles', 'recettes reelles', 'actual', 'actuals', 'expenditure', 'expenditures', 'outturn', 'spent', 'actual expenditure', 'revenue', 'local revenue'] },
  { field: 'remaining', phrases: ['reste a recouvrer', 'reste a payer', 'reste a realiser', 'restes a recouvrer', 'restes a payer', 'reste', 'disponible', 'solde', 'credits annules', 'balance', 'remaining', 'unspent', 'available'] },
  { field: 'section', phrases: ['section'] },
  { field: 'direction', phrases: ['sens', 'direction'] },
]; // prettier-ignore

/** Words that make a header a rate whatever else it says ("Taux de recouvrement", "% of …"). */
const RATE_WORDS = [
  '%',
  'taux',
  'rate',
  'rates',
  'percentage',
  'pourcentage',
  'absorption',
  'ratio',
];

/** How one header matched the vocabulary. */
export interface HeaderMatch {
  field: Field;
  /** The phrase that matched, in normalised form. */
  words: string;
  isAddition: boolean;
  /** 0–1: an exact header is surer than a phrase inside a long sentence. */
  confidence: number;
}

function bestMatch(normalised: string): HeaderMatch | null {
  if (!normalised) return null;
  const rateWord = RATE_WORDS.find((w) => containsWords(normalised, w));
  if (rateWord) return { field: 'rate', words: rateWord, isAddition: false, confidence: 0.9 };

  let best: HeaderMatch | null = null;
  let bestLength = 0;
  for (const entry of ENTRIES) {
    for (const phrase of entry.phrases) {
      if (!containsWords(normalised, phrase)) continue;
      const length = phrase.split(' ').length;
      if (length <= bestLength) continue;
      const words = normalised.split(' ').length;
      const confidence = phrase === normalised ? 0.95 : Math.min(0.9, 0.5 + (0.4 * length) / words);
      best = { field: entry.field, words: phrase, isAddition: !!entry.isAddition, confidence };
      bestLength = length;
    }
  }
  return best;
}

/**
 * Matches a column header against the vocabulary. `parts` are the header's rows from top to
 * bottom ("Prévisions", "Initiales"): the lowest part speaks first, the joined text when the
 * lowest part alone says nothing ("Expenditure / Total") or the joined text says more
 * ("Prévisions / Total" is the revised total).
 */
export function matchHeader(parts: readonly string[]): HeaderMatch | null {
  // The header search asks about the same first rows several times per sheet.
  const key = parts.join('\u0000');
  if (!matches.has(key)) {
    if (matches.size >= MATCHES_KEPT) matches.clear();
    matches.set(key, matchParts(parts));
  }
  const found = matches.get(key)!;
  return found && { ...found };
}

const MATCHES_KEPT = 10_000;
const matches = new Map<string, HeaderMatch | null>();

function matchParts(parts: readonly string[]): HeaderMatch | null {
  const joined = normaliseHeader(parts.join(' '));
  const whole = bestMatch(joined);
  const last = parts.length > 1 ? bestMatch(normaliseHeader(parts[parts.length - 1] ?? '')) : null;
  if (!last) return whole;
  if (!whole || whole.words.split(' ').length <= last.words.split(' ').length) return last;
  return whole;
}
