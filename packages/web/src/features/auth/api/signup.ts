import { useMutation } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { replaceSession } from './get-session';

export type SignupInput = InferRequestType<typeof api.auth.signup.$post>['json'];

/**
 * Buyers sign themselves up; every other account comes from an invitation. The answer is the same
 * whether or not the address has an account: a link to finish arrives by mail.
 */
export function signup(input: SignupInput) {
  return unwrap(api.auth.signup.$post({ json: input }));
}

export function useSignup() {
  return useMutation({ mutationFn: signup });
}

/** The mailed link's token opens the account and signs in. */
export function confirmSignup(token: string) {
  return unwrap(api.auth.signup.confirm.$post({ json: { token } }));
}

export function useConfirmSignup() {
  return useMutation({ mutationFn: confirmSignup, onSuccess: replaceSession });
}
