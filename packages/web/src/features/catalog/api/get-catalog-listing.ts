import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { catalogKeys } from './query-keys';

export function getCatalogListing(listingId: string) {
  return unwrap(api.catalog[':listingId'].$get({ param: { listingId } }));
}

export const catalogListingQueryOptions = (listingId: string) =>
  queryOptions({ queryKey: catalogKeys.listing(listingId), queryFn: () => getCatalogListing(listingId) });

export function useCatalogListing(listingId: string) {
  return useQuery(catalogListingQueryOptions(listingId));
}
