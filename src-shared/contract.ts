import { z } from 'zod';
import { BudgetInfo, BudgetLine, BudgetVersion, Flag, ImportPreview, ReviewStatus } from './model';
import { Summary } from './analysis/summary-model';
import { exploreCalls } from './contract-explore';
import { ImportJob, settingsCalls } from './contract-settings';

/**
 * Every call between the renderer and the services, declared once. The main process (and the
 * browser bridge) validate the input with `input`, the renderer gets typed functions, and a
 * call to a name that is not here does not compile.
 */
const MAX_FILE_BASE64 = 140 * 1024 * 1024; // a 100 MB file, base64-encoded
/** A mapping template is a few kilobytes; a megabyte is not a template. */
const MAX_TEMPLATE_CHARS = 1024 * 1024;
const BudgetRef = z.object({ budgetId: z.number().int().positive().optional() });
const JobRef = z.object({ jobId: z.string().min(1).max(64) });

export const ImportOptions = z.object({
  sheets: z.array(z.string().max(200)).max(200).optional(),
  entity: z.string().max(200).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  direction: z.enum(['revenue', 'expenditure']).optional(),
  /** FIELD → header text or column letter, as `--map` takes them. */
  map: z
    .record(z.string().max(40), z.string().max(500))
    .refine((map) => Object.keys(map).length <= 40, 'at most 40 fields')
    .optional(),
  /** A mapping template (src-shared/import/mapping.ts). */
  mapping: z
    .unknown()
    .refine((t) => JSON.stringify(t ?? null).length <= MAX_TEMPLATE_CHARS, 'template too large')
    .optional(),
  encoding: z.string().max(40).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

const FilePayload = z.object({
  fileName: z.string().min(1).max(500),
  dataBase64: z.string().max(MAX_FILE_BASE64),
  options: ImportOptions.default({}),
});

export const ImportResult = z.object({
  budgetId: z.number().int(),
  duplicate: z.boolean(),
  preview: ImportPreview,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const contract = {
  'budgets.list': { input: z.object({}), output: z.array(BudgetInfo) },
  'budgets.summary': {
    input: BudgetRef.extend({ basis: z.enum(['revised', 'original']).optional() }),
    output: Summary,
  },
  'budgets.lines': { input: BudgetRef, output: z.array(BudgetLine) },
  'flags.list': { input: BudgetRef, output: z.array(Flag) },
  'flags.review': {
    input: z.object({
      flagId: z.number().int().positive(),
      status: ReviewStatus,
      note: z.string().max(4000),
      reviewer: z.string().min(1).max(200),
    }),
    output: Flag,
  },
  'import.preview': { input: FilePayload, output: ImportPreview },
  'import.commit': { input: FilePayload, output: ImportResult },
  /** Starts a preview or an import in the services and returns at once; poll its status. */
  'import.start': {
    input: FilePayload.extend({ commit: z.boolean(), version: BudgetVersion.optional() }),
    output: z.object({ jobId: z.string() }),
  },
  'import.status': { input: JobRef, output: ImportJob },
  /** Stops the read at once; a job cancelled before its store stage leaves the store as it was. */
  'import.cancel': { input: JobRef, output: ImportJob },
  'report.html': {
    input: BudgetRef.extend({ lang: z.enum(['fr', 'en']).default('fr') }),
    output: z.object({ html: z.string() }),
  },
  ...exploreCalls,
  ...settingsCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<Contract[N]['output']>;

/** A handler receives the validated input. */
export type Handlers = {
  [N in CallName]: (input: z.infer<Contract[N]['input']>) => Promise<CallOutput<N>>;
};

export const ErrorInfo = z.object({
  code: z.string(),
  message: z.string(),
  detail: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** The one envelope every reply travels in, over IPC and over the bridge alike. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
