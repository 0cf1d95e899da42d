import type { Direction } from '../../src-shared/model';
import { tableToCsv } from './csv-export';
import type { ReportInput } from './report-input';
import { executedPhaseOf, toMajor, type Column, type TableView } from './table-views';

export const FDP_CSV_NAME = 'budget-lines.csv';

// Fiscal Data Package phases: our original forecast is "approved", the revised one "adjusted".
const PHASES = [
  { fdp: 'approved', take: 'original' },
  { fdp: 'adjusted', take: 'revised' },
  { fdp: 'executed', take: 'executed' },
] as const;
const DIRECTIONS: Direction[] = ['revenue', 'expenditure'];

function measureKey(direction: Direction, phase: string): string {
  return `${direction}_${phase}`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The detail lines, one measure column per direction and phase (empty on the other side). */
export function fdpView(input: ReportInput): TableView {
  const exp = input.budget.currencyExponent;
  const columns: Column[] = [
    { key: 'line_id', kind: 'integer' },
    { key: 'fiscal_year', kind: 'integer' },
    { key: 'direction', kind: 'text' },
    { key: 'section', kind: 'text' },
    { key: 'chapter', kind: 'text' },
    { key: 'code', kind: 'text' },
    { key: 'label', kind: 'text' },
    { key: 'sheet', kind: 'text' },
    { key: 'row', kind: 'integer' },
    ...DIRECTIONS.flatMap((d) =>
      PHASES.map(({ fdp }): Column => ({ key: measureKey(d, fdp), kind: 'amount' })),
    ),
  ];
  const rows = input.lines
    .filter((l) => l.kind === 'line' && l.direction !== null)
    .map((l) => {
      const amounts = DIRECTIONS.flatMap((d) =>
        PHASES.map(({ take }) => {
          if (d !== l.direction) return null;
          const phase = take === 'executed' ? executedPhaseOf(l, input) : take;
          return toMajor(l.amounts[phase], exp);
        }),
      );
      return [
        l.id,
        input.budget.fiscalYear,
        l.direction,
        l.section,
        l.chapter,
        l.code,
        l.label,
        l.sheet,
        l.row,
        ...amounts,
      ];
    });
  return { name: 'lines', columns, rows };
}

const FIELD_TYPES = { text: 'string', integer: 'integer', amount: 'number', percent: 'number' };

/** datapackage.json: the resource, its schema, and the fiscal model OpenSpending reads. */
export function fdpDescriptor(input: ReportInput, view: TableView): Record<string, unknown> {
  const { budget } = input;
  const year = budget.fiscalYear;
  const stage = budget.executedStage;
  const measures = Object.fromEntries(
    DIRECTIONS.flatMap((direction) =>
      PHASES.map(({ fdp }) => [
        measureKey(direction, fdp),
        {
          source: measureKey(direction, fdp),
          currency: budget.currency,
          factor: 1,
          direction,
          phase: fdp,
          ...(fdp === 'executed' ? { description: `stage: ${stage[direction]}` } : {}),
        },
      ]),
    ),
  );
  return {
    profile: 'fiscal-data-package',
    name: slug(`${budget.entity} ${year ?? ''} ${budget.version}`),
    title: `${budget.entity} — ${year ?? ''} — ${budget.version}`,
    description:
      'Detail lines of a local government budget, exported by Budget Clair. Text cells that ' +
      "a spreadsheet would read as a formula start with an apostrophe (').",
    created: input.generatedAt,
    ...(year === null ? {} : { fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` } }),
    sources: input.sources.map((s) => ({ title: s.fileName, hash: `sha256:${s.sha256}` })),
    resources: [
      {
        name: 'budget-lines',
        path: FDP_CSV_NAME,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: view.columns.map((c) => ({ name: c.key, type: FIELD_TYPES[c.kind] })),
          primaryKey: ['line_id'],
        },
      },
    ],
    model: {
      measures,
      dimensions: {
        'economic-classification': {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: {
            chapter: { source: 'chapter' },
            code: { source: 'code', parent: 'chapter' },
            label: { source: 'label', labelfor: 'code' },
          },
          primaryKey: ['code'],
        },
        direction: {
          dimensionType: 'classification',
          attributes: { direction: { source: 'direction' } },
          primaryKey: ['direction'],
        },
        section: {
          dimensionType: 'classification',
          attributes: { section: { source: 'section' } },
          primaryKey: ['section'],
        },
        'fiscal-year': {
          dimensionType: 'datetime',
          attributes: { year: { source: 'fiscal_year' } },
          primaryKey: ['year'],
        },
        'source-cell': {
          dimensionType: 'other',
          attributes: {
            line_id: { source: 'line_id' },
            sheet: { source: 'sheet' },
            row: { source: 'row' },
          },
          primaryKey: ['line_id'],
        },
      },
    },
  };
}

/** The package's two files: datapackage.json and its CSV (spreadsheet-safe, no BOM). */
export function renderFiscalDataPackage(input: ReportInput): { descriptor: string; csv: string } {
  const view = fdpView(input);
  const descriptor = `${JSON.stringify(fdpDescriptor(input, view), null, 2)}\n`;
  return { descriptor, csv: tableToCsv(view, 'safe', { bom: false }) };
}
