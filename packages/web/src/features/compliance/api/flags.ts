import type { FlagsQuery, StoredFlag } from '@jadelive/shared';
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export type FlagFilters = Partial<Omit<FlagsQuery, 'limit' | 'before'>>;

const PAGE_SIZE = 50;

export const complianceKeys = {
  all: ['compliance'] as const,
  flags: (filters: FlagFilters) => ['compliance', 'flags', filters] as const,
  sellers: ['compliance', 'sellers'] as const,
};

export async function getFlags(filters: FlagFilters, before?: string) {
  const query = Object.fromEntries(
    Object.entries({ ...filters, limit: PAGE_SIZE, before }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  return (await unwrap(api.compliance.flags.$get({ query: query as Record<string, string> }))).flags;
}

/** Newest first; "load more" asks for flags recorded before the oldest one shown. */
export const flagsQueryOptions = (filters: FlagFilters) =>
  infiniteQueryOptions({
    queryKey: complianceKeys.flags(filters),
    queryFn: ({ pageParam }) => getFlags(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: StoredFlag[]) => (page.length < PAGE_SIZE ? undefined : page.at(-1)?.createdAt),
  });

export function useFlags(filters: FlagFilters) {
  return useInfiniteQuery(flagsQueryOptions(filters));
}

export function useReviewFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, note }: { flagId: string; note: string }) =>
      unwrap(api.compliance.flags[':flagId'].review.$post({ param: { flagId }, json: { note } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  });
}

export async function getSellers() {
  return (await unwrap(api.storefronts.$get())).sellers;
}

export function useSellers() {
  return useQuery({ queryKey: complianceKeys.sellers, queryFn: getSellers, staleTime: 5 * 60_000 });
}
