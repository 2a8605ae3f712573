import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { catalogKeys } from './query-keys';

export function getStorefront(slug: string) {
  return unwrap(api.storefronts[':slug'].$get({ param: { slug } }));
}

export const storefrontQueryOptions = (slug: string) =>
  queryOptions({ queryKey: catalogKeys.shop(slug), queryFn: () => getStorefront(slug) });

export function useStorefront(slug: string) {
  return useQuery(storefrontQueryOptions(slug));
}
