import { useMutation } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { replaceSession } from './get-session';

export type LoginInput = InferRequestType<typeof api.auth.login.$post>['json'];

export function login(input: LoginInput) {
  return unwrap(api.auth.login.$post({ json: input }));
}

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: replaceSession });
}
