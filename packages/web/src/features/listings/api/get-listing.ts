import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { listingKeys } from './query-keys';

/** One of the seller's listings with the claim flags of its saved text. */
export function getMyListing(listingId: string) {
  return unwrap(api.listings[':listingId'].$get({ param: { listingId } }));
}

export const myListingQueryOptions = (listingId: string) =>
  queryOptions({ queryKey: listingKeys.one(listingId), queryFn: () => getMyListing(listingId) });

export function useMyListing(listingId: string | undefined) {
  return useQuery({ ...myListingQueryOptions(listingId ?? ''), enabled: listingId !== undefined });
}
