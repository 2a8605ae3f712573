import { useCallback, useRef } from 'react';
import { isApiError } from '../../../lib/api-error';

/**
 * One idempotency key per purchase attempt: a click starts an attempt, a retry after a lost answer
 * (network failure, 5xx) reuses its key so the server answers with the order it may already have
 * made, and any definite answer (an order, a refusal) ends the attempt.
 */
export function useAttemptKey() {
  const current = useRef<string | null>(null);
  const take = useCallback(() => {
    current.current ??= crypto.randomUUID();
    return current.current;
  }, []);
  const settle = useCallback((error: unknown) => {
    if (error === null || !isRetriable(error)) current.current = null;
  }, []);
  return { take, settle };
}

/** Whether the answer was lost rather than given: the same request may be sent again. */
export function isRetriable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.code === 'NETWORK_ERROR' || error.status === null || error.status >= 500;
}
