import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export type CreateApiTokenInput = InferRequestType<typeof api.org.tokens.$post>['json'];

/** Answers with the token secret, which the server keeps only as a hash. */
export function createApiToken(input: CreateApiTokenInput) {
  return unwrap(api.org.tokens.$post({ json: input }));
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.tokens }),
  });
}
