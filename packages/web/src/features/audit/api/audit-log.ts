import type { AuditPage, AuditQuery } from '@jadelive/shared/audit-trail';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** What the reader narrowed the trail to; every field is a filter of `GET /api/audit`. */
export type AuditFilters = Partial<Omit<AuditQuery, 'cursor' | 'limit'>>;

const PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  page: (filters: AuditFilters) => ['audit', 'entries', filters] as const,
  organizations: ['audit', 'organizations'] as const,
};

function queryOf(filters: AuditFilters, extra: Record<string, string | undefined> = {}) {
  return Object.fromEntries(
    Object.entries({ ...filters, ...extra }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

export function getAuditPage(filters: AuditFilters, cursor?: string): Promise<AuditPage> {
  return unwrap(api.audit.$get({ query: queryOf(filters, { cursor, limit: String(PAGE_SIZE) }) }));
}

/** Newest first; "load more" follows the cursor the last page gave. */
export const auditLogQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.page(filters),
    queryFn: ({ pageParam }) => getAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogQueryOptions(filters));
}

/** The CSV of the same filters, downloaded by the browser itself (the session cookie goes along). */
export function auditExportHref(filters: AuditFilters): string {
  const query = new URLSearchParams(queryOf(filters)).toString();
  return `/api/audit/export${query ? `?${query}` : ''}`;
}

/** Every organisation, for a platform admin's organisation filter. */
export async function getAuditOrganizations() {
  return (await unwrap(api.admin.organizations.$get())).organizations;
}

export const auditOrganizationsQueryOptions = () =>
  queryOptions({ queryKey: auditKeys.organizations, queryFn: getAuditOrganizations, staleTime: 5 * 60_000 });

export function useAuditOrganizations(enabled: boolean) {
  return useQuery({ ...auditOrganizationsQueryOptions(), enabled });
}
