import type { ReportLang } from './report-input';

/**
 * Column headers of the files people open (XLSX, spreadsheet-safe CSV), by machine name. The
 * amount headers are the words the importer recognises (DOMAIN.md §2), so that our own export
 * can be read back; words that would match another field are avoided ("Chap." rather than
 * "Chapitre", which the importer takes for a code column). `csv-raw` and the Fiscal Data
 * Package keep the machine names: they are for programs.
 */
const HEADERS: Record<string, Record<ReportLang, string>> = {
  line_id: { fr: 'N° de ligne', en: 'Line no.' },
  sheet: { fr: 'Feuille', en: 'Sheet' },
  row: { fr: 'Ligne du fichier', en: 'Row in file' },
  kind: { fr: 'Type de ligne', en: 'Row kind' },
  code: { fr: 'Code', en: 'Code' },
  label: { fr: 'Libellé', en: 'Label' },
  direction: { fr: 'Sens', en: 'Direction' },
  section: { fr: 'Section', en: 'Section' },
  chapter: { fr: 'Chap.', en: 'Chapter' },
  level: { fr: 'Niveau', en: 'Level' },
  original: { fr: 'Prévisions initiales', en: 'Original budget' },
  revised: { fr: 'Prévisions définitives', en: 'Revised budget' },
  change: { fr: 'Modifications', en: 'Changes' },
  committed: { fr: 'Engagé', en: 'Committed' },
  liquidated: { fr: 'Liquidé', en: 'Liquidated' },
  ordered: { fr: 'Mandaté', en: 'Payment ordered' },
  paid: { fr: 'Payé', en: 'Paid' },
  assessed: { fr: 'Titres émis', en: 'Assessed' },
  collected: { fr: 'Recouvré', en: 'Collected' },
  executed: { fr: 'Réalisations', en: 'Actual' },
  remaining: { fr: 'Reste', en: 'Remaining' },
  executed_stage: { fr: 'Stade retenu', en: 'Stage used' },
  executed_amount: { fr: 'Montant au stade retenu', en: 'Amount at the stage used' },
  executed_cell: { fr: 'Cellule source', en: 'Source cell' },
  planned: { fr: 'Prévu (initial)', en: 'Planned (original)' },
  basis: { fr: 'Prévision retenue', en: 'Forecast used' },
  variance: { fr: 'Écart', en: 'Variance' },
  rate_percent: { fr: 'Taux (%)', en: 'Rate (%)' },
  line_count: { fr: 'Nombre de lignes', en: 'Line count' },
  rule: { fr: 'Règle', en: 'Rule' },
  severity: { fr: 'Gravité', en: 'Severity' },
  cells: { fr: 'Cellules', en: 'Cells' },
  message: { fr: 'Constat', en: 'Finding' },
  review_status: { fr: 'Revue', en: 'Review' },
  review_note: { fr: 'Note de revue', en: 'Review note' },
  reviewer: { fr: 'Revu par', en: 'Reviewed by' },
  reviewed_at: { fr: 'Revu le', en: 'Reviewed on' },
  key: { fr: 'Élément', en: 'Item' },
  value: { fr: 'Valeur', en: 'Value' },
};

/** The header of a column for people, in the report's language; the key when none is known. */
export function columnHeader(key: string, lang: ReportLang): string {
  return HEADERS[key]?.[lang] ?? key;
}

/** The machine names that have a header, for the test that none is left untranslated. */
export const TRANSLATED_KEYS: readonly string[] = Object.keys(HEADERS);
