import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export async function getOrganizations() {
  return (await unwrap(api.admin.organizations.$get())).organizations;
}

export const organizationsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'organizations'], queryFn: getOrganizations });

export function useOrganizations() {
  return useQuery(organizationsQueryOptions());
}
