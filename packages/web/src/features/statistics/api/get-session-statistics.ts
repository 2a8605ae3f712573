import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** Every cache key of the statistics feature. */
export const statisticsKeys = {
  all: ['statistics'] as const,
  session: (sessionId: string) => ['statistics', 'live-session', sessionId] as const,
};

export function getSessionStatistics(sessionId: string) {
  return unwrap(api.statistics['live-sessions'][':id'].$get({ param: { id: sessionId } }));
}

export const sessionStatisticsQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: statisticsKeys.session(sessionId),
    queryFn: () => getSessionStatistics(sessionId),
    // On air the figures move; after the end only payments, refunds and returns change them.
    refetchInterval: (query) => (query.state.data?.sessionStatus === 'live' ? 15_000 : false),
  });

export function useSessionStatistics(sessionId: string) {
  return useQuery(sessionStatisticsQueryOptions(sessionId));
}
