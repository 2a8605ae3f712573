import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export type SessionsView = 'public' | 'mine';

export async function getLiveSessions(view: SessionsView) {
  return (await unwrap(api.live.sessions.$get({ query: { view } }))).sessions;
}

export const liveSessionsQueryOptions = (view: SessionsView, refetchInterval?: number) =>
  queryOptions({
    queryKey: liveKeys.sessions(view),
    queryFn: () => getLiveSessions(view),
    refetchInterval,
  });

/** Public: live and upcoming sessions. Mine: the seller's own, an operator's bases, a regulator's district. */
export function useLiveSessions(view: SessionsView, options: { refetchInterval?: number } = {}) {
  return useQuery(liveSessionsQueryOptions(view, options.refetchInterval));
}
