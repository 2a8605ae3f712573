import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { followKeys } from './query-keys';

export async function getFollowedShops() {
  return (await unwrap(api.follows.$get())).shops;
}

export const followedShopsQueryOptions = () =>
  queryOptions({ queryKey: followKeys.shops, queryFn: getFollowedShops });

/** The shops the signed-in buyer follows; `enabled: false` for anyone else. */
export function useFollowedShops(enabled = true) {
  return useQuery({ ...followedShopsQueryOptions(), enabled });
}

export function setFollowing(slug: string, following: boolean) {
  const follow = api.follows[':slug'];
  return unwrap(following ? follow.$put({ param: { slug } }) : follow.$delete({ param: { slug } }));
}

/** Follows or unfollows a shop (both idempotent); answers with the shop's follower count now. */
export function useSetFollowing(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (following: boolean) => setFollowing(slug, following),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.shops }),
  });
}

export async function getFollowerCount() {
  return (await unwrap(api.follows.followers.$get())).followerCount;
}

/** How many buyers follow the signed-in seller's shop. */
export function useFollowerCount() {
  return useQuery({ queryKey: followKeys.followers, queryFn: getFollowerCount });
}
