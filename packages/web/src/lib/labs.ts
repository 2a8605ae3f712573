import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client';

/**
 * The platform's inspection labs (a public list that rarely changes). Certificates, verification and
 * base settings all pick from it, so it lives here under one key and is fetched once for all of them.
 */
export const labsQueryOptions = () =>
  queryOptions({
    queryKey: ['labs'] as const,
    queryFn: async () => (await unwrap(api.labs.$get())).labs,
    staleTime: 5 * 60_000,
  });

export function useLabs() {
  return useQuery(labsQueryOptions());
}
