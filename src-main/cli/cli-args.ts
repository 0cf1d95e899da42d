import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ImportOptions } from '../../src-shared/contract';
import { BudgetVersion } from '../../src-shared/model';
import { BUNDLED_TEMPLATES } from '../services/find-template';

/** A command line the user got wrong: said on stderr with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Utilisation :
  budget-clair import FICHIER --db CHEMIN [--sheet NOM]... [--entity NOM] [--year AAAA]
                       [--currency CODE] [--direction revenue|expenditure]
                       [--map CHAMP=EN-TÊTE[,CHAMP=EN-TÊTE...]] [--mapping FICHIER.json]
                       [--version primitif|revised|compte-administratif] [--templates DOSSIER]
                       [--encoding utf-8|windows-1252|macintosh|utf-16le|...] [--dry-run] [--json]
  budget-clair join    BUDGET RÉALISATIONS --key COL-BUDGET=COL-RÉALISATIONS[,...] --db CHEMIN
                       [--mapping FICHIER.json] [--actuals-mapping FICHIER.json]
                       [--entity NOM] [--year AAAA] [--currency CODE] [--version ...] [--json]
  budget-clair summary --db CHEMIN [--budget N] [--basis revised|original] [--stage ÉTAPES]
                       [--lang fr|en] [--json]
  budget-clair flags   --db CHEMIN [--budget N] [--basis revised|original] [--stage ÉTAPES]
                       [--lang fr|en] [--json]
  budget-clair review  --db CHEMIN --flag ID --status explained|confirmed|dismissed
                       --note TEXTE --reviewer NOM [--lang fr|en] [--json]
  budget-clair pefa    --db CHEMIN --entity NOM [--lang fr|en] [--json]
  budget-clair compare --db CHEMIN --budget A --budget B [--basis revised|original]
                       [--lang fr|en] [--json]
  budget-clair export  --db CHEMIN [--budget N] --out CHEMIN [--lang fr|en]
                       --format pdf|citizen|slides|html|xlsx|csv|csv-raw|fdp|arrow
                       [--basis revised|original] [--stage ÉTAPES]
  budget-clair log     --db CHEMIN [--lang fr|en] [--json]
  budget-clair backup  --db CHEMIN --out DOSSIER [--keep N]
  budget-clair serve   --db CHEMIN [--port N] [--sample]
  budget-clair demo    [--out DOSSIER]

ÉTAPES : expenditure=ordered|paid|committed|liquidated,revenue=assessed|collected (par défaut
le choix enregistré du budget, mandaté et émis à l'import) ; un choix nouveau est enregistré
pour le budget et les alertes sont recalculées. --format fdp écrit un dossier.
`;

const HELP_FLAGS = new Set(['--help', '-h']);

/** True when the arguments ask for help, wherever the flag stands after the command. */
export function asksForHelp(args: string[]): boolean {
  return args.some((arg) => HELP_FLAGS.has(arg));
}

/** The usage of one command: its lines of USAGE, and the notes on the options it takes. */
export function usageOf(command: string): string {
  const [synopsis = '', notes = ''] = USAGE.replace(/^Utilisation :\n/, '').split('\n\n');
  const lines = synopsis.split('\n');
  const start = lines.findIndex((l) => l.trim().split(/\s+/)[1] === command);
  if (start < 0 || !COMMAND_OPTIONS[command])
    throw new UsageError(`Commande inconnue : ${command}`);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('      '));
  const block = lines.slice(start, end < 0 ? undefined : end);
  const noted = block.some((l) => l.includes('ÉTAPES') || l.includes('--format'));
  return `Utilisation :\n${block.join('\n')}\n${noted ? `\n${notes}` : ''}`;
}

const MAP_FIELDS = new Set([
  'code',
  'label',
  'planned',
  'revised',
  'executed',
  'committed',
  'paid',
  'collected',
  'section',
  'direction',
]);

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = { db: { type: 'string' }, json: { type: 'boolean' } };

/** What the views of one budget share: which budget, which basis and stage, which language. */
const VIEW: Options = {
  budget: { type: 'string' },
  basis: { type: 'string' },
  stage: { type: 'string' },
  lang: { type: 'string' },
};

export const COMMAND_OPTIONS: Record<string, Options> = {
  import: {
    ...COMMON,
    sheet: { type: 'string', multiple: true },
    entity: { type: 'string' },
    year: { type: 'string' },
    currency: { type: 'string' },
    direction: { type: 'string' },
    map: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    version: { type: 'string' },
    templates: { type: 'string', multiple: true },
    encoding: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  join: {
    ...COMMON,
    key: { type: 'string', multiple: true },
    entity: { type: 'string' },
    year: { type: 'string' },
    currency: { type: 'string' },
    mapping: { type: 'string' },
    'actuals-mapping': { type: 'string' },
    version: { type: 'string' },
    templates: { type: 'string', multiple: true },
  },
  summary: { ...COMMON, ...VIEW },
  flags: { ...COMMON, ...VIEW },
  export: { ...VIEW, db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  pefa: { ...COMMON, entity: { type: 'string' }, lang: { type: 'string' } },
  compare: {
    ...COMMON,
    budget: { type: 'string', multiple: true },
    basis: { type: 'string' },
    lang: { type: 'string' },
  },
  review: {
    ...COMMON,
    flag: { type: 'string' },
    status: { type: 'string' },
    note: { type: 'string' },
    reviewer: { type: 'string' },
    lang: { type: 'string' },
  },
  log: { ...COMMON, lang: { type: 'string' } },
  backup: { db: { type: 'string' }, out: { type: 'string' }, keep: { type: 'string' } },
  serve: { db: { type: 'string' }, port: { type: 'string' }, sample: { type: 'boolean' } },
  demo: { out: { type: 'string' } },
};

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export function parseCommand(command: string, args: string[]) {
  const options = COMMAND_OPTIONS[command];
  if (!options) throw new UsageError(`Commande inconnue : ${command}`);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireString(values: ParsedValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} est requis.`);
  return value;
}

export function optionalInteger(values: ParsedValues, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new UsageError(`--${name} attend un nombre entier, pas « ${String(value)} ».`);
  }
  return Number(value);
}

/** `--map code=Imputation,label=Désignation` (repeatable) as FIELD → header. */
export function parseMap(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of entries.flatMap((e) => e.split(','))) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    if (at <= 0 || !MAP_FIELDS.has(field)) {
      throw new UsageError(
        `--map attend CHAMP=EN-TÊTE avec CHAMP parmi ${[...MAP_FIELDS].join(', ')} : « ${pair} ».`,
      );
    }
    map[field] = pair.slice(at + 1).trim();
  }
  return map;
}

/** The import options of the command line, checked by the same schema as the app's. */
export function importOptionsOf(values: ParsedValues): ImportOptions {
  const raw: Record<string, unknown> = {
    sheets: values.sheet,
    entity: values.entity,
    year: optionalInteger(values, 'year'),
    currency: typeof values.currency === 'string' ? values.currency.toUpperCase() : undefined,
    direction: values.direction,
    map: Array.isArray(values.map) ? parseMap(values.map) : undefined,
    encoding: values.encoding,
  };
  if (typeof values.mapping === 'string') {
    try {
      raw.mapping = JSON.parse(readFileSync(values.mapping, 'utf8')) as unknown;
    } catch (error) {
      throw new UsageError(
        `--mapping : ${values.mapping} illisible (${(error as Error).message}).`,
      );
    }
  }
  const parsed = ImportOptions.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`Option invalide --${String(first?.path[0] ?? '')} : ${first?.message}`);
  }
  return parsed.data;
}

/**
 * What the command line tells the import service beyond the file's options: the version the
 * user says the file is, and folders of their own templates tried before the bundled ones.
 */
export function serviceOptionsOf(values: ParsedValues): {
  version?: BudgetVersion;
  templateDirs?: string[];
} {
  const result: { version?: BudgetVersion; templateDirs?: string[] } = {};
  if (values.version !== undefined) {
    const version = BudgetVersion.safeParse(values.version);
    if (!version.success) {
      throw new UsageError(
        `--version attend primitif, revised ou compte-administratif, pas « ${String(values.version)} ».`,
      );
    }
    result.version = version.data;
  }
  if (Array.isArray(values.templates))
    result.templateDirs = [...values.templates, BUNDLED_TEMPLATES];
  return result;
}
