import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const certificateKeys = {
  all: ['certificates'] as const,
  mine: ['certificates', 'mine'] as const,
};

export async function getMyCertificates() {
  return (await unwrap(api.certificates.$get())).certificates;
}

export const myCertificatesQueryOptions = () =>
  queryOptions({ queryKey: certificateKeys.mine, queryFn: getMyCertificates });

export function useMyCertificates() {
  return useQuery(myCertificatesQueryOptions());
}
