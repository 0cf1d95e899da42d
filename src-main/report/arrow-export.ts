import {
  Int32,
  Int64,
  Schema,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { EXECUTION_PHASES, type Phase } from '../../src-shared/model';
import type { ReportInput } from './report-input';
import { executedPhaseOf } from './table-views';

const PHASES: Phase[] = ['original', 'revised', 'change', ...EXECUTION_PHASES, 'remaining'];

const utf8 = (values: (string | null)[]) => vectorFromArray(values, new Utf8());
const int32 = (values: (number | null)[]) => vectorFromArray(values, new Int32());
// Amounts stay exact integers in minor units: a 64-bit column, read as BigInt in JavaScript
// and as int64 by pandas, R and DuckDB.
const int64 = (values: (number | null | undefined)[]) =>
  vectorFromArray(
    values.map((v) => (v === null || v === undefined ? null : BigInt(v))),
    new Int64(),
  );

/**
 * Every stored line with its amounts by phase, as an Arrow IPC file. Text is kept exactly as
 * stored: Arrow is read by programs, not opened in a spreadsheet. The schema's metadata holds
 * the budget, its currency and the exponent that turns minor units into the currency.
 */
export function renderLinesArrow(input: ReportInput): Uint8Array {
  const { lines, budget } = input;
  const columns: Record<string, Vector> = {
    line_id: int32(lines.map((l) => l.id)),
    sheet: utf8(lines.map((l) => l.sheet)),
    row: int32(lines.map((l) => l.row)),
    kind: utf8(lines.map((l) => l.kind)),
    code: utf8(lines.map((l) => l.code)),
    label: utf8(lines.map((l) => l.label)),
    direction: utf8(lines.map((l) => l.direction)),
    section: utf8(lines.map((l) => l.section)),
    chapter: utf8(lines.map((l) => l.chapter)),
    level: int32(lines.map((l) => l.level)),
  };
  for (const phase of PHASES) {
    columns[`${phase}_minor`] = int64(lines.map((l) => l.amounts[phase]));
    columns[`${phase}_cell`] = utf8(lines.map((l) => l.cells[phase] ?? null));
  }
  columns.executed_stage = utf8(lines.map((l) => executedPhaseOf(l, input)));
  columns.executed_minor = int64(lines.map((l) => l.amounts[executedPhaseOf(l, input)]));

  const table = new Table(columns);
  const metadata = new Map<string, string>([
    ['entity', budget.entity],
    ['fiscal_year', String(budget.fiscalYear ?? '')],
    ['currency', budget.currency],
    ['currency_exponent', String(budget.currencyExponent)],
    ['source_sha256', budget.sourceSha256],
    ['generated_at', input.generatedAt],
  ]);
  const withMetadata = new Table(
    new Schema(table.schema.fields, metadata),
    table.batches.map((b) => b),
  );
  return tableToIPC(withMetadata, 'file');
}
