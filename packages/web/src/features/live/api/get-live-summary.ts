import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function getLiveSummary(sessionId: string) {
  return unwrap(api.live.sessions[':id'].summary.$get({ param: { id: sessionId } }));
}

export const liveSummaryQueryOptions = (sessionId: string) =>
  queryOptions({ queryKey: liveKeys.summary(sessionId), queryFn: () => getLiveSummary(sessionId) });

export function useLiveSummary(sessionId: string) {
  return useQuery(liveSummaryQueryOptions(sessionId));
}
