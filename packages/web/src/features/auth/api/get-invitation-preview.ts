import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** What an invite link offers (organisation, role, email); public, no session needed. */
export function getInvitationPreview(token: string) {
  return unwrap(api.invitations[':token'].$get({ param: { token } }));
}

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitation-preview', token],
    queryFn: () => getInvitationPreview(token),
    retry: false,
  });

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQueryOptions(token));
}
