import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export async function getApiTokens() {
  return (await unwrap(api.org.tokens.$get())).tokens;
}

export const apiTokensQueryOptions = () => queryOptions({ queryKey: orgKeys.tokens, queryFn: getApiTokens });

export function useApiTokens() {
  return useQuery(apiTokensQueryOptions());
}
