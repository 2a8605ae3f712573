import { useMutation } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { replaceSession } from './get-session';

export type SignupInput = InferRequestType<typeof api.auth.signup.$post>['json'];

/** Buyers sign themselves up; every other account comes from an invitation. */
export function signup(input: SignupInput) {
  return unwrap(api.auth.signup.$post({ json: input }));
}

export function useSignup() {
  return useMutation({ mutationFn: signup, onSuccess: replaceSession });
}
