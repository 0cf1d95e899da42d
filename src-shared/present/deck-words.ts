import type { Lang } from '../format/amount';

/**
 * The words of the town-meeting deck and the citizen budget, in French (the default) and
 * English. Templates take `{name}` placeholders; both languages have the same keys and the
 * same placeholders (a test checks).
 */
const fr = {
  titleSentence: 'Budget {year} : ce qui était prévu, ce qui a été fait.',
  unknownYear: 'de l’exercice',
  'version.primitif': 'Budget primitif',
  'version.revised': 'Budget révisé',
  'version.compte-administratif': 'Compte administratif',
  sourceNote: '{version} · fichier {file}',
  francs: 'francs',
  expenditureTitle: 'Les dépenses',
  revenueTitle: 'Les recettes',
  perHundred: 'Sur 100 {unit} prévus, {n} {done}.',
  noForecast: 'Aucune prévision : pas de taux à donner.',
  noExecution: 'Pas de données d’exécution : le fichier ne porte que les prévisions.',
  'done.expenditure': 'ont été dépensés',
  'done.committed': 'ont été engagés',
  'done.revenue': 'ont été recouvrés',
  'done.assessed': 'ont été émis',
  planned: 'Prévu',
  'executed.expenditure': 'Dépensé',
  'executed.committed': 'Engagé',
  'executed.revenue': 'Recouvré',
  'executed.assessed': 'Émis',
  executedAny: 'Réalisé',
  plannedItem: 'Prévu : {amount}',
  executedItem: '{word} : {amount}',
  perResident: 'Soit {amount} par habitant.',
  'stage.assessed': 'Recettes comptées au stade des titres émis : pas encore toutes encaissées.',
  'stage.committed': 'Dépenses comptées au stade de l’engagement : pas encore toutes payées.',
  sourcesTitle: 'D’où vient l’argent',
  usesTitle: 'Où va l’argent',
  largestChapter: 'Le plus gros chapitre : {label}, {amount} prévus.',
  noLines: 'Ce fichier n’en contient aucun.',
  others: 'Autres ({n} chapitres)',
  sectionsTitle: 'L’exécution par section',
  lowestSection: 'La section la moins exécutée : {label}, {rate}.',
  'revenue.operating': 'Recettes de fonctionnement',
  'revenue.investment': 'Recettes d’investissement',
  'expenditure.operating': 'Dépenses de fonctionnement',
  'expenditure.investment': 'Dépenses d’investissement',
  'revenue.none': 'Recettes sans section',
  'expenditure.none': 'Dépenses sans section',
  chaptersTitle: 'Les plus gros chapitres',
  chaptersSentence: 'Le taux d’exécution des {n} chapitres les plus dotés.',
  gapsTitle: 'Les plus grands écarts',
  gapsSentence: 'Là où l’exécuté s’éloigne le plus de la prévision.',
  gapLess: '{label} : {amount} de moins que prévu.',
  gapMore: '{label} : {amount} de plus que prévu.',
  noGaps: 'Aucun écart : tout a été exécuté comme prévu.',
  flagsTitle: 'Les points à vérifier',
  flagsNone: 'Aucun point à vérifier n’a été relevé.',
  flagsOneNone: 'Un point relevé, pas encore expliqué par la commune.',
  flagsOneExplained: 'Un point relevé, expliqué par la commune.',
  flagsManyNone: '{n} points relevés, aucun encore expliqué par la commune.',
  flagsManyOne: '{n} points relevés, dont un expliqué par la commune.',
  flagsManyExplained: '{n} points relevés, dont {explained} expliqués par la commune.',
  explainedItem: '{finding} La commune explique : {note}',
  unexplainedOne: 'Un autre point attend encore une explication.',
  unexplainedMany: '{n} autres points attendent encore une explication.',
  onlyRevenue: 'Ce fichier ne contient que des recettes, aucune dépense.',
  onlyExpenditure: 'Ce fichier ne contient que des dépenses, aucune recette.',
  questionsTitle: 'Vos questions',
  questionsSentence: 'Budget : {entity}. Qu’aimeriez-vous demander ?',
  questionWhy: 'Pourquoi {label} n’a-t-il été exécuté qu’à {rate} ?',
  citizenTitle: '{entity} : le budget en clair',
  citizenDone: 'Ce qui a été fait de ce qui était promis',
  citizenDoneSentence: 'Les plus gros projets d’investissement, avec leur taux de réalisation.',
  citizenNoProjects: 'Aucun projet d’investissement dans ce fichier.',
  citizenProject: '{label} : {rate} réalisé ({executed} sur {planned}).',
  citizenExplanations: 'Ce que dit la commune',
  citizenFooter: 'Chiffres tirés de {file}, publiés avec Budget Clair le {date}.',
};

export type DeckWords = typeof fr;

const en: DeckWords = {
  titleSentence: '{year} budget: what was planned, what was done.',
  unknownYear: 'The',
  'version.primitif': 'Original budget',
  'version.revised': 'Revised budget',
  'version.compte-administratif': 'Final accounts',
  sourceNote: '{version} · file {file}',
  francs: 'francs',
  expenditureTitle: 'Spending',
  revenueTitle: 'Revenue',
  perHundred: 'Of every 100 {unit} planned, {n} {done}.',
  noForecast: 'No forecast: no rate to give.',
  noExecution: 'No execution data: the file holds only the forecasts.',
  'done.expenditure': 'were spent',
  'done.committed': 'were committed',
  'done.revenue': 'were collected',
  'done.assessed': 'were assessed',
  planned: 'Planned',
  'executed.expenditure': 'Spent',
  'executed.committed': 'Committed',
  'executed.revenue': 'Collected',
  'executed.assessed': 'Assessed',
  executedAny: 'Done',
  plannedItem: 'Planned: {amount}',
  executedItem: '{word}: {amount}',
  perResident: 'That is {amount} per resident.',
  'stage.assessed': 'Revenue counted when assessed: not all of it collected yet.',
  'stage.committed': 'Spending counted when committed: not all of it paid yet.',
  sourcesTitle: 'Where the money came from',
  usesTitle: 'Where the money went',
  largestChapter: 'The largest chapter: {label}, {amount} planned.',
  noLines: 'This file holds none.',
  others: 'Others ({n} chapters)',
  sectionsTitle: 'Execution by section',
  lowestSection: 'The least executed section: {label}, {rate}.',
  'revenue.operating': 'Operating revenue',
  'revenue.investment': 'Investment revenue',
  'expenditure.operating': 'Operating spending',
  'expenditure.investment': 'Investment spending',
  'revenue.none': 'Revenue, no section',
  'expenditure.none': 'Spending, no section',
  chaptersTitle: 'The largest chapters',
  chaptersSentence: 'The execution rate of the {n} chapters with the largest forecasts.',
  gapsTitle: 'The biggest gaps',
  gapsSentence: 'Where what was done is furthest from what was planned.',
  gapLess: '{label}: {amount} less than planned.',
  gapMore: '{label}: {amount} more than planned.',
  noGaps: 'No gap: everything was executed as planned.',
  flagsTitle: 'Points to check',
  flagsNone: 'No point to check was found.',
  flagsOneNone: 'One point found, not yet explained by the commune.',
  flagsOneExplained: 'One point found, explained by the commune.',
  flagsManyNone: '{n} points found, none of them explained by the commune yet.',
  flagsManyOne: '{n} points found, one of them explained by the commune.',
  flagsManyExplained: '{n} points found, {explained} of them explained by the commune.',
  explainedItem: '{finding} The commune explains: {note}',
  unexplainedOne: 'One other point still awaits an explanation.',
  unexplainedMany: '{n} other points still await an explanation.',
  onlyRevenue: 'This file holds only revenue, no expenditure.',
  onlyExpenditure: 'This file holds only expenditure, no revenue.',
  questionsTitle: 'Your questions',
  questionsSentence: 'Budget: {entity}. What would you like to ask?',
  questionWhy: 'Why was {label} only {rate} executed?',
  citizenTitle: '{entity}: the budget, plainly',
  citizenDone: 'What was done of what was promised',
  citizenDoneSentence: 'The largest investment projects, with how much of each was done.',
  citizenNoProjects: 'No investment project in this file.',
  citizenProject: '{label}: {rate} done ({executed} of {planned}).',
  citizenExplanations: 'What the commune says',
  citizenFooter: 'Figures from {file}, published with Budget Clair on {date}.',
};

/** Both catalogues, for the test that keeps their keys and placeholders in step. */
export const deckCatalogues: Record<Lang, DeckWords> = { fr, en };

/** The deck's words in `lang`. */
export function deckWordsFor(lang: Lang): DeckWords {
  return deckCatalogues[lang];
}

/** Fills `{name}` placeholders; a missing value is a programmer error and throws. */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing value for {${name}} in "${template}"`);
    return String(value);
  });
}

// Currencies whose people say "francs": Guinean, CFA (West and Central), Comorian, CFP,
// Congolese, Burundian, Rwandan, Djiboutian and Swiss.
const FRANC_CURRENCIES = new Set(['GNF', 'XOF', 'XAF', 'KMF', 'XPF', 'CDF', 'BIF', 'RWF', 'DJF', 'CHF']); // prettier-ignore

/**
 * The unit of a "Sur 100 … prévus" sentence: `francsWord` for a franc, otherwise the ISO code
 * ("USD", and "XXX" for a file that names no currency), never a franc it is not.
 */
export function perHundredUnit(currency: string, francsWord: string): string {
  return FRANC_CURRENCIES.has(currency.toUpperCase()) ? francsWord : currency;
}
