import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { listingKeys } from './query-keys';

export async function getMyListings() {
  return (await unwrap(api.listings.$get())).listings;
}

export const myListingsQueryOptions = () =>
  queryOptions({ queryKey: listingKeys.mine, queryFn: getMyListings });

export function useMyListings() {
  return useQuery(myListingsQueryOptions());
}
