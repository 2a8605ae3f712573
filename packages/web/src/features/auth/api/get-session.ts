import type { SessionResponse } from '@jadelive/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { queryClient, sessionQueryKey } from '../../../lib/query-client';

/** The signed-in user with this session's CSRF token, or `null` when nobody is signed in. */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    return await unwrap(api.auth.session.$get());
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: getSession,
    staleTime: 5 * 60_000,
    // Coming back to the tab notices a sign-out (or a new sign-in) that happened in another tab.
    refetchOnWindowFocus: true,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/**
 * Whenever the person changes (sign-in, sign-up, accepting an invitation, sign-out) the previous
 * person's cached organisation data must not show, so everything but the session is dropped.
 */
export function replaceSession(session: SessionResponse | null) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, session);
}
