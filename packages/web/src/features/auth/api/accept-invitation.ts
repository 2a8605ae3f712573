import { useMutation } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { replaceSession } from './get-session';

export type AcceptInvitationInput = InferRequestType<
  (typeof api.invitations)[':token']['accept']['$post']
>['json'];

export function acceptInvitation({ token, ...body }: AcceptInvitationInput & { token: string }) {
  return unwrap(api.invitations[':token'].accept.$post({ param: { token }, json: body }));
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation, onSuccess: replaceSession });
}
