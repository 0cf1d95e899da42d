import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../src-shared/contract';
import { call } from '../api';

export type CallState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; data: T };

const LOADING = { status: 'loading' } as const;

/**
 * Runs a call when the view shows and again whenever its input changes. Each answer is kept
 * with the request it answers, so a slow reply never stands for a newer request.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N>) {
  const [answer, setAnswer] = useState<{ request: string; state: CallState<CallOutput<N>> }>();
  const [attempt, setAttempt] = useState(0);
  const inputJson = JSON.stringify(input);
  const request = `${name} ${attempt} ${inputJson}`;

  useEffect(() => {
    let current = true;
    call(name, JSON.parse(inputJson) as CallInput<N>).then(
      (data) => current && setAnswer({ request, state: { status: 'done', data } }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setAnswer({ request, state: { status: 'error', message } });
      },
    );
    return () => {
      current = false;
    };
  }, [name, inputJson, request]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: CallState<CallOutput<N>> = answer?.request === request ? answer.state : LOADING;
  return { state, retry };
}
