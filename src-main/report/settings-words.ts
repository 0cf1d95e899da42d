import type { ReportLang } from './report-input';

/**
 * How the annex names each rule setting and in what unit its value reads. Amounts "minor" are
 * in minor units of the budget's currency, "major" in major units (see RuleSettings).
 */
export type SettingUnit =
  | 'percent'
  | 'points'
  | 'minor'
  | 'major'
  | 'lines'
  | 'amounts'
  | 'digits'
  | 'number'
  | 'boolean'
  | 'basis'
  | 'mad'
  | 'hash';

type Words = { fr: string; en: string };

export const SETTING_WORDS: Record<string, Words & { unit: SettingUnit }> = {
  basis: { fr: 'Prévision de référence', en: 'Forecast judged against', unit: 'basis' },
  overExecutionTolerancePercent: {
    fr: 'Tolérance de dépassement de la prévision',
    en: 'Tolerance above the forecast',
    unit: 'percent',
  },
  lowExecutionPercent: {
    fr: 'Seuil d’exécution faible',
    en: 'Low execution threshold',
    unit: 'percent',
  },
  lowExecutionOperating: {
    fr: 'Exécution faible signalée aussi en fonctionnement',
    en: 'Low execution reported for operating lines too',
    unit: 'boolean',
  },
  revenueShortfallPercent: {
    fr: 'Seuil de recettes insuffisantes',
    en: 'Revenue shortfall threshold',
    unit: 'percent',
  },
  subtotalToleranceMinorPerLine: {
    fr: 'Écart d’arrondi toléré par ligne d’un sous-total',
    en: 'Rounding gap tolerated per line of a subtotal',
    unit: 'minor',
  },
  statedRateTolerancePoints: {
    fr: 'Écart toléré sur un taux indiqué dans le fichier',
    en: 'Gap tolerated on a rate stated in the file',
    unit: 'points',
  },
  revisedChangeToleranceMinor: {
    fr: 'Écart toléré entre définitif et primitif + modifications',
    en: 'Gap tolerated between revised and original + changes',
    unit: 'minor',
  },
  imbalanceToleranceMinor: {
    fr: 'Déséquilibre toléré entre recettes et dépenses prévues',
    en: 'Imbalance tolerated between planned revenue and expenditure',
    unit: 'minor',
  },
  repeatedAmountMinCount: {
    fr: 'Montant répété suspect à partir de',
    en: 'Repeated amount suspicious from',
    unit: 'lines',
  },
  repeatedAmountMinSignificantDigits: {
    fr: 'Chiffres significatifs d’un montant répété, au moins',
    en: 'Significant digits of a repeated amount, at least',
    unit: 'digits',
  },
  largeRevisionPercent: {
    fr: 'Révision forte au-delà de',
    en: 'Large revision beyond',
    unit: 'percent',
  },
  outlierRobustZ: {
    fr: 'Score z robuste d’un taux atypique, au-delà de',
    en: 'Robust z-score of an outlying rate, beyond',
    unit: 'number',
  },
  outlierMinGroupSize: {
    fr: 'Lignes comparables nécessaires, au moins',
    en: 'Comparable lines needed, at least',
    unit: 'lines',
  },
  roundUnitMajor: {
    fr: 'Montant rond : multiple de',
    en: 'Round amount: a multiple of',
    unit: 'major',
  },
  roundShareMaxPercent: {
    fr: 'Part de montants ronds tolérée par feuille',
    en: 'Share of round amounts tolerated per sheet',
    unit: 'percent',
  },
  roundMinSample: {
    fr: 'Montants examinés pour le test des montants ronds, au moins',
    en: 'Amounts examined for the round-amount test, at least',
    unit: 'amounts',
  },
  benfordMinSample: {
    fr: 'Montants nécessaires au test de Benford',
    en: 'Amounts needed for the Benford test',
    unit: 'amounts',
  },
  benfordMinAmountMajor: {
    fr: 'Plus petit montant du test de Benford',
    en: 'Smallest amount in the Benford test',
    unit: 'major',
  },
  benfordFirstDigitMad: {
    fr: 'Limites MAD du premier chiffre (proche, acceptable, marginal)',
    en: 'First-digit MAD limits (close, acceptable, marginal)',
    unit: 'mad',
  },
  benfordFirstTwoMad: {
    fr: 'Limites MAD des deux premiers chiffres (proche, acceptable, marginal)',
    en: 'First-two-digits MAD limits (close, acceptable, marginal)',
    unit: 'mad',
  },
  hash: { fr: 'Empreinte des réglages', en: 'Settings fingerprint', unit: 'hash' },
};

export const UNIT_WORDS: Record<'lines' | 'amounts' | 'digits' | 'points', Words> = {
  lines: { fr: 'lignes', en: 'lines' },
  amounts: { fr: 'montants', en: 'amounts' },
  digits: { fr: 'chiffres', en: 'digits' },
  points: { fr: 'point(s)', en: 'point(s)' },
};

/** The fields of a mapping, named as the report's tables name the figures. */
export const FIELD_WORDS: Record<string, Words> = {
  code: { fr: 'Code', en: 'Code' },
  label: { fr: 'Libellé', en: 'Label' },
  planned: { fr: 'Prévu (primitif)', en: 'Original budget' },
  original: { fr: 'Prévu (primitif)', en: 'Original budget' },
  revised: { fr: 'Prévu (définitif)', en: 'Revised budget' },
  change: { fr: 'Modifications', en: 'Changes' },
  executed: { fr: 'Exécuté (stade non précisé)', en: 'Executed (stage not stated)' },
  committed: { fr: 'Engagé', en: 'Committed' },
  liquidated: { fr: 'Liquidé', en: 'Liquidated' },
  ordered: { fr: 'Mandaté', en: 'Payment ordered' },
  paid: { fr: 'Payé', en: 'Paid' },
  assessed: { fr: 'Émis (titres de recette)', en: 'Assessed' },
  collected: { fr: 'Recouvré', en: 'Collected' },
  remaining: { fr: 'Reste', en: 'Remaining' },
  rate: { fr: 'Taux indiqué', en: 'Stated rate' },
  section: { fr: 'Section', en: 'Section' },
  direction: { fr: 'Sens (recette ou dépense)', en: 'Direction (revenue or expenditure)' },
};

/** The other options of a mapping, when a template sets them. */
export const OPTION_WORDS: Record<string, Words> = {
  headerRows: { fr: 'Lignes d’en-tête', en: 'Header rows' },
  direction: { fr: 'Sens', en: 'Direction' },
  section: { fr: 'Section', en: 'Section' },
  skip: { fr: 'Feuille laissée de côté', en: 'Sheet left out' },
  accountClasses: { fr: 'Classes de comptes françaises', en: 'French account classes' },
  blankIsZero: { fr: 'Cellule vide lue comme 0', en: 'Empty cell read as 0' },
  grain: { fr: 'Une ligne par', en: 'One line per' },
  unitMultiplier: { fr: 'Multiplicateur des montants', en: 'Amounts multiplied by' },
  decimalMark: { fr: 'Séparateur décimal', en: 'Decimal mark' },
  delimiter: { fr: 'Séparateur de colonnes', en: 'Column delimiter' },
  encoding: { fr: 'Encodage', en: 'Encoding' },
  currency: { fr: 'Devise', en: 'Currency' },
  name: { fr: 'Modèle de lecture', en: 'Mapping template' },
};

export function wordsIn(words: Words | undefined, lang: ReportLang, fallback: string): string {
  return words ? words[lang] : fallback;
}
