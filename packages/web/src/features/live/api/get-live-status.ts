import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function getLiveStatus() {
  return unwrap(api.live.status.$get());
}

export const liveStatusQueryOptions = () =>
  queryOptions({ queryKey: liveKeys.status, queryFn: getLiveStatus, staleTime: 30_000 });

/** Whether this deployment has live video at all (LiveKit configured and reachable). */
export function useLiveStatus() {
  return useQuery(liveStatusQueryOptions());
}
