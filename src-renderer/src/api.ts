import type { CallInput, CallName, CallOutput, Reply } from '../../src-shared/contract';
import type { DesktopApi } from '../../src-shared/desktop-api';

declare global {
  interface Window {
    budgetClair?: DesktopApi;
  }
}

/** A call that came back as `{ ok: false }`, carrying the service's code and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function desktop(): DesktopApi | undefined {
  return window.budgetClair;
}

async function viaBridge<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<Reply<unknown>> {
  const response = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    throw new ApiError('bad-reply', `HTTP ${response.status}`);
  }
  return (await response.json()) as Reply<unknown>;
}

export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.data;
  throw new ApiError(reply.error.code, reply.error.message, reply.error.detail);
}

/**
 * Runs a contract call through the preload in Electron, or the 127.0.0.1 bridge in a browser.
 * The reply's data is typed from the contract; an error reply is thrown as an ApiError.
 */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const api = desktop();
  const reply = api ? await api.call(name, input) : await viaBridge(name, input);
  return unwrap(reply as Reply<CallOutput<N>>);
}
