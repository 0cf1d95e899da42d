import type { Basis } from '../../src-shared/analysis/figures';
import type { ExecutedStage, Flag } from '../../src-shared/model';
import { ruleTitle } from '../report/report-tables';
import { sayIn, type CliLang } from './cli-messages';
import { basisLine } from './summary-output';
import { formatTable } from './table-text';

/** What the flags were judged on: the forecast and the executed stage of each side. */
export interface FlagsBasis {
  basis: Basis;
  executedStage: ExecutedStage;
}

/** `flags --json`: every flag with where it points and its review. */
export function flagsJson(budgetId: number, flags: Flag[], judged?: FlagsBasis) {
  return {
    budgetId,
    ...(judged ?? {}),
    flags: flags.map((f) => ({
      id: f.id ?? null,
      rule: f.rule,
      severity: f.severity,
      code: f.code,
      label: f.label,
      sheet: f.sheet,
      row: f.row,
      cells: f.cells,
      message: f.message,
      values: f.values,
      review: f.review,
    })),
  };
}

/** The flags as a table (with the id `review --flag` takes), then each message in full. */
export function flagsText(
  budgetId: number,
  flags: Flag[],
  lang: CliLang = 'fr',
  judged?: FlagsBasis,
): string {
  const t = sayIn(lang);
  const basis = judged ? [basisLine(lang, judged.basis, judged.executedStage)] : [];
  if (flags.length === 0) return [t('noFlags', { id: budgetId }), ...basis, ''].join('\n');
  const head = ['colNo', 'colId', 'colSeverity', 'colRule', 'colSheet', 'colRow', 'colCode', 'colReview'] as const; // prettier-ignore
  const rows = flags.map((f, i) => [
    String(i + 1),
    f.id === undefined ? '—' : String(f.id),
    t(`severity.${f.severity}`),
    ruleTitle(f.rule, lang),
    f.sheet ?? '—',
    f.row === null ? '—' : String(f.row),
    f.code ?? '—',
    f.review ? t(`review.${f.review.status}`) : '—',
  ]);
  const align = ['right', 'right', 'left', 'left', 'left', 'right', 'left'] as const;
  const table = formatTable([head.map((k) => t(k)), ...rows], [...align]);
  const messages = flags.map((f, i) => `${i + 1}. ${f.message}`);
  return [
    t('flagsHead', { id: budgetId, count: flags.length }),
    ...basis,
    '',
    table,
    '',
    ...messages,
    '',
  ].join('\n');
}
