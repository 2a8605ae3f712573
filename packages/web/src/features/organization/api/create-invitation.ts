import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export type CreateInvitationInput = InferRequestType<typeof api.org.invitations.$post>['json'];

/** Answers with the invite link, which the server never shows again. */
export function createInvitation(input: CreateInvitationInput) {
  return unwrap(api.org.invitations.$post({ json: input }));
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.invitations }),
  });
}
