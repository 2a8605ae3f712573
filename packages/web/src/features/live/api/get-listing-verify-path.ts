import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

/** The platform's own verify link of a listing's certificate (the pinned card carries only the number). */
export async function getListingVerifyPath(listingId: string): Promise<string | null> {
  const listing = await unwrap(api.catalog[':listingId'].$get({ param: { listingId } }));
  return listing.verifyPath ?? null;
}

export const listingVerifyPathQueryOptions = (listingId: string) =>
  queryOptions({
    queryKey: liveKeys.listingVerify(listingId),
    queryFn: () => getListingVerifyPath(listingId),
    staleTime: 5 * 60_000,
  });

export function useListingVerifyPath(listingId: string | null) {
  return useQuery({ ...listingVerifyPathQueryOptions(listingId ?? ''), enabled: listingId !== null });
}
