import { summarise } from '../src-shared/analysis/summarise';
import type { BudgetInfo, BudgetLine, Direction, Flag, Section } from '../src-shared/model';
import type { ReportInput } from '../src-main/report/report-input';

/**
 * A compte administratif of a fictitious Guinean commune, small enough to check by eye, with
 * hostile labels among its lines: a formula, markup and a right-to-left override.
 */
export const HOSTILE_FORMULA = '=HYPERLINK("http://example.invalid","x")';
export const HOSTILE_MARKUP = '<img src=x onerror=alert(1)>';
export const HOSTILE_BIDI = 'Marché \u202Eetnev\u202C de Tabili';

type Row = [Direction, Section, string, string, number, number, number | null];

// direction, section, code, label, original, revised, executed (GNF)
const ROWS: Row[] = [
  [
    'revenue',
    'operating',
    '7011',
    'Taxe de développement local',
    180_000_000,
    190_000_000,
    121_600_000,
  ],
  ['revenue', 'operating', '7012', 'Patentes et licences', 95_000_000, 95_000_000, 88_350_000],
  ['revenue', 'operating', '7031', 'Droits de place au marché', 60_000_000, 64_000_000, 71_250_000],
  ['revenue', 'operating', '7032', HOSTILE_BIDI, 12_000_000, 12_000_000, 9_400_000],
  [
    'revenue',
    'operating',
    '7410',
    'Dotation de fonctionnement de l’État',
    150_000_000,
    150_000_000,
    150_000_000,
  ],
  ['revenue', 'investment', '1311', 'Subvention ANAFIC', 400_000_000, 420_000_000, 210_000_000],
  [
    'revenue',
    'investment',
    '1321',
    'Fonds national de développement local (FNDL)',
    120_000_000,
    120_000_000,
    0,
  ],
  ['expenditure', 'operating', '6011', 'Fournitures de bureau', 18_000_000, 20_000_000, 19_750_000],
  [
    'expenditure',
    'operating',
    '6052',
    'Carburant et lubrifiants',
    24_000_000,
    24_000_000,
    31_200_000,
  ],
  ['expenditure', 'operating', '6110', HOSTILE_FORMULA, 9_000_000, 9_000_000, 4_500_000],
  [
    'expenditure',
    'operating',
    '6130',
    'Entretien des bâtiments communaux',
    15_000_000,
    15_000_000,
    -1500,
  ],
  [
    'expenditure',
    'operating',
    '6410',
    'Salaires du personnel communal',
    210_000_000,
    210_000_000,
    198_400_000,
  ],
  ['expenditure', 'operating', '6420', 'Indemnités des élus', 48_000_000, 48_000_000, 48_000_000],
  ['expenditure', 'operating', '6580', HOSTILE_MARKUP, 0, 0, 2_300_000],
  [
    'expenditure',
    'investment',
    '2131',
    'Construction du marché de Tabili',
    300_000_000,
    320_000_000,
    96_000_000,
  ],
  [
    'expenditure',
    'investment',
    '2151',
    'Forage et adduction d’eau à Sèkhoun',
    90_000_000,
    90_000_000,
    0,
  ],
  [
    'expenditure',
    'investment',
    '2315',
    '-15 % de remise sur l’éclairage public',
    60_000_000,
    60_000_000,
    41_800_000,
  ],
];

const CHAPTER_LABELS: Record<string, string> = {
  '70': 'Impôts et taxes',
  '74': 'Dotations de l’État',
  '13': 'Subventions d’investissement',
  '60': 'Achats et fournitures',
  '61': 'Services extérieurs',
  '64': 'Charges de personnel',
  '65': 'Autres charges de gestion',
  '21': 'Immobilisations corporelles',
  '23': 'Immobilisations en cours',
};

export const GENERATED_AT = '2025-03-15T10:30:00.000Z';

export function makeBudget(lineCount: number): BudgetInfo {
  return {
    id: 1,
    entity: 'Commune urbaine de Foulayah (fictive)',
    fiscalYear: 2024,
    currency: 'GNF',
    currencyExponent: 0,
    version: 'compte-administratif',
    executedStage: { revenue: 'assessed', expenditure: 'ordered' },
    sourceFile: 'CA_Foulayah_2024.xlsx',
    sourceSha256: '3f2a9c1d5e7b8a6f4c2e1d0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a09',
    importedAt: '2025-03-14T16:05:00.000Z',
    lineCount,
    population: 48_500,
  };
}

function line(id: number, [direction, section, code, label, original, revised, executed]: Row) {
  const sheet = direction === 'revenue' ? 'RECETTES' : 'DÉPENSES';
  const row = 8 + id;
  const stage = direction === 'revenue' ? 'assessed' : 'ordered';
  const result: BudgetLine = {
    id,
    sheet,
    row,
    kind: 'line',
    code,
    label,
    direction,
    section,
    chapter: code.slice(0, 2),
    parentCode: code.slice(0, 3),
    level: 2,
    hidden: false,
    amounts: { original, revised, ...(executed === null ? {} : { [stage]: executed }) },
    cells: {
      original: `D${row}`,
      revised: `E${row}`,
      ...(executed === null ? {} : { [stage]: `G${row}` }),
    },
    statedRatePercent: null,
  };
  return result;
}

/** Puts a heading row before each chapter, as the files do; it names the chapter. */
function withHeadings(lines: BudgetLine[]): BudgetLine[] {
  const seen = new Set<string>();
  const out: BudgetLine[] = [];
  for (const l of lines) {
    const key = `${l.direction}/${l.chapter}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({
        ...l,
        id: 10_000 + seen.size,
        row: l.row,
        kind: 'heading',
        code: l.chapter,
        label: CHAPTER_LABELS[l.chapter!] ?? null,
        parentCode: null,
        level: 0,
        amounts: {},
        cells: {},
      });
    }
    out.push(l);
  }
  return out;
}

function flagOn(l: BudgetLine, rule: string, severity: Flag['severity'], message: string): Flag {
  return {
    id: l.id,
    rule,
    severity,
    lineId: l.id,
    code: l.code,
    label: l.label,
    sheet: l.sheet,
    row: l.row,
    cells: Object.values(l.cells),
    message,
    values: { revised: l.amounts.revised ?? null },
    review: null,
  };
}

function makeFlags(lines: BudgetLine[]): Flag[] {
  const byCode = (code: string) =>
    lines.find((l) => l.kind === 'line' && l.code!.startsWith(code))!;
  const fuel = flagOn(
    byCode('6052'),
    'over-execution',
    'error',
    'Carburant et lubrifiants : 31 200 000 GNF mandatés pour 24 000 000 GNF prévus (130,0 %).',
  );
  const market = flagOn(
    byCode('7031'),
    'over-execution',
    'info',
    'Droits de place au marché : 71 250 000 GNF émis pour 64 000 000 GNF prévus (111,3 %).',
  );
  market.review = {
    status: 'explained',
    note: 'Nouveau marché hebdomadaire ouvert en août ; la régie a encaissé plus que prévu.',
    reviewer: 'Mariama Camara, trésorière',
    at: '2025-03-10T09:00:00.000Z',
  };
  return [
    fuel,
    flagOn(
      byCode('6580'),
      'unbudgeted-execution',
      'error',
      `${HOSTILE_MARKUP} : 2 300 000 GNF mandatés sans aucune prévision.`,
    ),
    flagOn(
      byCode('2151'),
      'zero-execution',
      'warning',
      'Forage et adduction d’eau à Sèkhoun : rien de mandaté sur 90 000 000 GNF prévus.',
    ),
    flagOn(
      byCode('1321'),
      'zero-execution',
      'warning',
      'FNDL : aucune recette émise sur 120 000 000 GNF prévus.',
    ),
    market,
  ];
}

function makeInput(lines: BudgetLine[], flags: Flag[], lang: ReportInput['lang']): ReportInput {
  const budget = makeBudget(lines.filter((l) => l.kind === 'line').length);
  return {
    budget,
    summary: summarise(budget, lines, { basis: 'revised', flags }),
    lines,
    flags,
    sources: [
      {
        fileName: budget.sourceFile,
        sha256: budget.sourceSha256,
        sizeBytes: 48_213,
        format: 'xlsx',
        sheets: ['RECETTES', 'DÉPENSES'],
        importedAt: budget.importedAt,
        mapping: {
          RECETTES: { code: 'A', label: 'B', original: 'D', revised: 'E', assessed: 'G' },
        },
      },
    ],
    settings: { lowExecutionPercent: 50, overExecutionTolerancePercent: 0 },
    lang,
    generatedAt: GENERATED_AT,
  };
}

/** The small commune budget, with its hostile labels and five flags. */
export function smallReportInput(lang: ReportInput['lang'] = 'fr'): ReportInput {
  const lines = withHeadings(ROWS.map((r, i) => line(i + 1, r)));
  return makeInput(lines, makeFlags(lines), lang);
}

/** A budget of `count` lines built from the small one, for timing a long report. */
export function largeReportInput(count: number): ReportInput {
  const detail = Array.from({ length: count }, (_, i) => {
    const base = ROWS[i % ROWS.length]!;
    const code = `${base[2]}${String(Math.floor(i / ROWS.length)).padStart(2, '0')}`;
    const scale = 1 + (i % 7) / 10;
    const executed = base[6] === null ? null : Math.round(base[6] * scale);
    return line(i + 1, [
      base[0],
      base[1],
      code,
      base[3],
      Math.round(base[4] * scale),
      Math.round(base[5] * scale),
      executed,
    ]);
  });
  const lines = withHeadings(detail);
  return makeInput(lines, makeFlags(lines), 'fr');
}
