import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

const PAGE_SIZE = 50;

/** One page of the organisation's audit trail, newest first; `before` is the last event id seen. */
export function getOrgAudit(before?: number) {
  const query =
    before === undefined
      ? { limit: String(PAGE_SIZE) }
      : { limit: String(PAGE_SIZE), before: String(before) };
  return unwrap(api.org.audit.$get({ query }));
}

export const orgAuditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: orgKeys.audit,
    queryFn: ({ pageParam }) => getOrgAudit(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.events.length === PAGE_SIZE ? page.events.at(-1)?.id : undefined),
  });

export function useOrgAudit() {
  return useInfiniteQuery(orgAuditQueryOptions());
}
