import { z } from 'zod';
import { contract, isCallName, type Handlers, type Reply } from '../../src-shared/contract';
import { createLogger } from '../log';
import { StoreError } from '../store/store-error';
import { ServiceError } from './service-error';

const log = createLogger('services');

const INTERNAL_MESSAGE =
  'Une erreur interne est survenue ; rien n’a été modifié. Le détail est dans le journal.';

/**
 * The one boundary between a caller (IPC, the bridge) and the services: the input is checked
 * against the contract, expected refusals travel as they are, and anything unexpected becomes a
 * logged error with a polite message. A stack never reaches the message.
 */
export async function callHandler(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
): Promise<Reply<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: 'Cette demande est inconnue.' } };
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-input',
        message: 'La demande n’est pas valide.',
        detail: z.prettifyError(parsed.error),
      },
    };
  }

  const started = Date.now();
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const data = await handler(parsed.data);
    log.debug(`${name} answered in ${Date.now() - started} ms`);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toErrorInfo(name, error) };
  }
}

function toErrorInfo(name: string, error: unknown) {
  if (error instanceof ServiceError || error instanceof StoreError) {
    const detail = error instanceof ServiceError ? error.detail : undefined;
    return detail === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, detail };
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(`${name} failed: ${stack}`);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}
