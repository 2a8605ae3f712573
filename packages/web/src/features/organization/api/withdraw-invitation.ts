import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export function withdrawInvitation(invitationId: string) {
  return unwrap(api.org.invitations[':invitationId'].$delete({ param: { invitationId } }));
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.invitations }),
  });
}
