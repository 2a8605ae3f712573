import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export function getOrganization() {
  return unwrap(api.org.$get());
}

export const organizationQueryOptions = () =>
  queryOptions({ queryKey: orgKeys.profile, queryFn: getOrganization });

export function useOrganization() {
  return useQuery(organizationQueryOptions());
}
