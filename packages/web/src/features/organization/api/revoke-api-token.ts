import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export function revokeApiToken(tokenId: string) {
  return unwrap(api.org.tokens[':tokenId'].$delete({ param: { tokenId } }));
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.tokens }),
  });
}
