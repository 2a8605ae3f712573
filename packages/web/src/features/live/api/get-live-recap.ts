import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function getLiveRecap(sessionId: string) {
  return unwrap(api.live.sessions[':id'].recap.$get({ param: { id: sessionId } }));
}

export const liveRecapQueryOptions = (sessionId: string) =>
  queryOptions({ queryKey: liveKeys.recap(sessionId), queryFn: () => getLiveRecap(sessionId) });

/** The public summary of an ended session (404 while it is open or when it never ran). */
export function useLiveRecap(sessionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...liveRecapQueryOptions(sessionId), enabled: options.enabled ?? true });
}
