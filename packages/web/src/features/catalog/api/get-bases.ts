import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { catalogKeys } from './query-keys';

/** Every livestream base with its cluster: the catalogue's cluster and base filters. */
export async function getPublicBases() {
  return (await unwrap(api.bases.$get({ query: {} }))).bases;
}

export const publicBasesQueryOptions = () =>
  queryOptions({ queryKey: catalogKeys.bases, queryFn: getPublicBases, staleTime: 5 * 60_000 });

export function usePublicBases() {
  return useQuery(publicBasesQueryOptions());
}
