import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export async function getInvitations() {
  return (await unwrap(api.org.invitations.$get())).invitations;
}

export const invitationsQueryOptions = () =>
  queryOptions({ queryKey: orgKeys.invitations, queryFn: getInvitations });

export function useInvitations() {
  return useQuery(invitationsQueryOptions());
}
