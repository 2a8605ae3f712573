import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export async function getMembers() {
  return (await unwrap(api.org.members.$get())).members;
}

export const membersQueryOptions = () => queryOptions({ queryKey: orgKeys.members, queryFn: getMembers });

export function useMembers() {
  return useQuery(membersQueryOptions());
}
