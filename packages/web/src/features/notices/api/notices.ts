import type { DocumentResponseBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const noticeKeys = {
  all: ['notices'] as const,
  list: ['notices', 'list'] as const,
  detail: (documentId: string) => ['notices', 'detail', documentId] as const,
  listings: ['notices', 'listings'] as const,
};

export async function getNotices() {
  return (await unwrap(api.notices.$get())).documents;
}

export const noticesQueryOptions = () =>
  queryOptions({ queryKey: noticeKeys.list, queryFn: getNotices, refetchInterval: 60_000 });

/** Documents regulators addressed to the seller (or to the sellers of the operator's bases). */
export function useNotices() {
  return useQuery(noticesQueryOptions());
}

export function getNotice(documentId: string) {
  return unwrap(api.notices[':id'].$get({ param: { id: documentId } }));
}

export const noticeQueryOptions = (documentId: string) =>
  queryOptions({ queryKey: noticeKeys.detail(documentId), queryFn: () => getNotice(documentId) });

export function useNotice(documentId: string) {
  return useQuery(noticeQueryOptions(documentId));
}

export function markNoticeRead(documentId: string) {
  return unwrap(api.notices[':id'].read.$post({ param: { id: documentId } }));
}

/** Signs the read receipt (the first reading counts; later ones change nothing). */
export function useMarkNoticeRead(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markNoticeRead(documentId),
    onSuccess: (document) => {
      queryClient.setQueryData(noticeKeys.detail(documentId), document);
      return queryClient.invalidateQueries({ queryKey: noticeKeys.list });
    },
  });
}

export function respondToNotice(documentId: string, body: DocumentResponseBody) {
  return unwrap(api.notices[':id'].responses.$post({ param: { id: documentId }, json: body }));
}

/** The seller's answer: what was corrected, or its statement on a 告知. */
export function useRespondToNotice(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentResponseBody) => respondToNotice(documentId, body),
    onSuccess: (document) => {
      queryClient.setQueryData(noticeKeys.detail(documentId), document);
      return queryClient.invalidateQueries({ queryKey: noticeKeys.list });
    },
  });
}

export async function getOwnListings() {
  return (await unwrap(api.listings.$get())).listings;
}

/** The shop's listings, to name the one it changed. */
export function useOwnListings() {
  return useQuery({ queryKey: noticeKeys.listings, queryFn: getOwnListings, staleTime: 60_000 });
}
