import type { CreateLiveSessionBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function createLiveSession(body: CreateLiveSessionBody) {
  return unwrap(api.live.sessions.$post({ json: body }));
}

export function useCreateLiveSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLiveSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: liveKeys.sessions('mine') }),
  });
}

/** Members who may host: hosts, owners and admins of the seller. */
export async function getHostChoices() {
  const { members } = await unwrap(api.org.members.$get());
  return members.filter((member) => ['host', 'owner', 'admin'].includes(member.role));
}

export const hostChoicesQueryOptions = () =>
  queryOptions({ queryKey: liveKeys.hostChoices, queryFn: getHostChoices });

export function useHostChoices(enabled: boolean) {
  return useQuery({ ...hostChoicesQueryOptions(), enabled });
}

/** Published listings of the seller: only these can go into a lineup. */
export async function getLineupChoices() {
  const { listings } = await unwrap(api.listings.$get());
  return listings.filter((listing) => listing.status === 'published');
}

export const lineupChoicesQueryOptions = () =>
  queryOptions({ queryKey: liveKeys.lineupChoices, queryFn: getLineupChoices });

export function useLineupChoices(enabled: boolean) {
  return useQuery({ ...lineupChoicesQueryOptions(), enabled });
}
