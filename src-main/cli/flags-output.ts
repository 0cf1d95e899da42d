import type { Flag } from '../../src-shared/model';
import { formatTable } from './table-text';

const SEVERITY_FR = { error: 'erreur', warning: 'attention', info: 'info' } as const;
const REVIEW_FR = { explained: 'expliqué', confirmed: 'confirmé', dismissed: 'écarté' } as const;

/** `flags --json`: every flag with where it points and its review. */
export function flagsJson(budgetId: number, flags: Flag[]) {
  return {
    budgetId,
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

/** The flags as a table, then each message in full, in French. */
export function flagsText(budgetId: number, flags: Flag[]): string {
  if (flags.length === 0) return `Budget n° ${budgetId} : aucun signalement.\n`;
  const head = ['N°', 'Gravité', 'Règle', 'Feuille', 'Ligne', 'Code', 'Revue'];
  const rows = flags.map((f, i) => [
    String(i + 1),
    SEVERITY_FR[f.severity],
    f.rule,
    f.sheet ?? '—',
    f.row === null ? '—' : String(f.row),
    f.code ?? '—',
    f.review ? REVIEW_FR[f.review.status] : '—',
  ]);
  const table = formatTable([head, ...rows], ['right', 'left', 'left', 'left', 'right', 'left']);
  const messages = flags.map((f, i) => `${i + 1}. ${f.message}`);
  return [
    `Budget n° ${budgetId} : ${flags.length} signalement(s)`,
    '',
    table,
    '',
    ...messages,
    '',
  ].join('\n');
}
