import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function getLiveSession(sessionId: string) {
  return unwrap(api.live.sessions[':id'].$get({ param: { id: sessionId } }));
}

export const liveSessionQueryOptions = (sessionId: string, refetchInterval?: number) =>
  queryOptions({
    queryKey: liveKeys.session(sessionId),
    queryFn: () => getLiveSession(sessionId),
    refetchInterval,
  });

/** One session with lineup and pinned card; polled while open, so viewer counts from webhooks show. */
export function useLiveSession(sessionId: string, options: { refetchInterval?: number } = {}) {
  return useQuery(liveSessionQueryOptions(sessionId, options.refetchInterval));
}
