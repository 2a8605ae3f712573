import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

const PAGE_SIZE = 50;

/** One page of the whole platform's audit trail, newest first. */
export function getPlatformAudit(before?: number) {
  const query =
    before === undefined
      ? { limit: String(PAGE_SIZE) }
      : { limit: String(PAGE_SIZE), before: String(before) };
  return unwrap(api.admin.audit.$get({ query }));
}

export const platformAuditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['admin', 'audit'],
    queryFn: ({ pageParam }) => getPlatformAudit(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.events.length === PAGE_SIZE ? page.events.at(-1)?.id : undefined),
  });

export function usePlatformAudit() {
  return useInfiniteQuery(platformAuditQueryOptions());
}
