import type { AppType } from '@jadelive/server';
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { ApiError } from './api-error';
import { queryClient, sessionQueryKey } from './query-client';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function currentCsrfToken(): string | undefined {
  return queryClient.getQueryData<{ csrfToken: string } | null>(sessionQueryKey)?.csrfToken;
}

/**
 * The session cookie rides along on every same-origin request; the server also wants proof that
 * the page itself made a mutation, so unsafe methods carry the session's CSRF token.
 */
const fetchWithCsrf: typeof fetch = (input, init) => {
  const method = (init?.method ?? 'GET').toUpperCase();
  const token = currentCsrfToken();
  const headers = new Headers(init?.headers);
  if (token && !SAFE_METHODS.has(method)) headers.set('X-CSRF-Token', token);
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
};

/** The one typed client: paths, bodies and answers come from the server's route definitions. */
export const api = hc<AppType>('/', { fetch: fetchWithCsrf }).api;

type SuccessJson<R> =
  R extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/** Awaits a call: its 2xx response (a file's body not yet read), or an ApiError thrown for anything else. */
export async function answered<R extends { ok: boolean; status: number; text(): Promise<string> }>(
  request: Promise<R>,
): Promise<R> {
  let response: R;
  try {
    response = await request;
  } catch (cause) {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}

/** Awaits a client call: the typed JSON of a 2xx answer, or an ApiError thrown for anything else. */
export async function unwrap<R extends ClientResponse<unknown, number, 'json'>>(
  request: Promise<R>,
): Promise<SuccessJson<R>> {
  const response = await answered(request);
  try {
    return (await response.json()) as SuccessJson<R>;
  } catch {
    throw new ApiError({
      code: 'UNEXPECTED_RESPONSE',
      message: 'response is not JSON',
      status: response.status,
    });
  }
}
