import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/**
 * The session query's key lives here, not in the auth feature, because the API client reads the
 * CSRF token from that query's data and lib must not import features.
 */
export const sessionQueryKey = ['auth', 'session'] as const;

const NO_RETRY_BELOW = 500;

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetExpiredSession }),
  mutationCache: new MutationCache({
    onError: (error) => {
      forgetExpiredSession(error);
      // A CSRF refusal means our token is stale (signed in again in another tab): fetch the current one.
      if (isApiError(error, 'CSRF_FAILED')) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves; only retry network trouble and 5xx.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status !== null && error.status < NO_RETRY_BELOW),
    },
    mutations: { retry: false },
  },
});

/** A 401 on any call means the session ended server-side; the route guards then send the user to /login. */
function forgetExpiredSession(error: unknown) {
  if (isApiError(error, 'UNAUTHENTICATED')) queryClient.setQueryData(sessionQueryKey, null);
}
