import type { CreateFlashSaleBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

export function getSessionFlashSales(sessionId: string) {
  return unwrap(api.live.sessions[':id']['flash-sales'].$get({ param: { id: sessionId } }));
}

export const sessionFlashSalesQueryOptions = (sessionId: string, refetchInterval: number) =>
  queryOptions({
    queryKey: commerceKeys.sessionFlashSales(sessionId),
    queryFn: () => getSessionFlashSales(sessionId).then((answer) => answer.flashSales),
    refetchInterval,
  });

/** A session's flash sales, newest first; polled as the fallback of the room's live updates. */
export function useSessionFlashSales(sessionId: string, refetchInterval: number) {
  return useQuery(sessionFlashSalesQueryOptions(sessionId, refetchInterval));
}

/** The stage's counters of one sale, counted by the server (polled). */
export function useFlashSaleCounts(saleId: string, refetchInterval: number) {
  return useQuery({
    queryKey: commerceKeys.flashSaleCounts(saleId),
    queryFn: () => unwrap(api['flash-sales'][':id'].counts.$get({ param: { id: saleId } })),
    refetchInterval,
  });
}

export function startFlashSale(sessionId: string, body: CreateFlashSaleBody) {
  return unwrap(api.live.sessions[':id']['flash-sales'].$post({ param: { id: sessionId }, json: body }));
}

export function endFlashSale(saleId: string) {
  return unwrap(api['flash-sales'][':id'].end.$post({ param: { id: saleId } }));
}

export function grabFlashSale(saleId: string, idempotencyKey: string) {
  return unwrap(api['flash-sales'][':id'].grab.$post({ param: { id: saleId }, json: { idempotencyKey } }));
}

/** The stage starts a sale on the pinned listing or ends the running one early. */
export function useFlashSaleControl(sessionId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: commerceKeys.sessionFlashSales(sessionId) });
  const start = useMutation({
    mutationFn: (body: CreateFlashSaleBody) => startFlashSale(sessionId, body),
    onSuccess: refresh,
  });
  const end = useMutation({ mutationFn: endFlashSale, onSuccess: refresh });
  return { start, end };
}

/** One grab attempt; the key is the caller's, so a retry of the same attempt cannot buy twice. */
export function useGrabFlashSale(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { saleId: string; idempotencyKey: string }) =>
      grabFlashSale(input.saleId, input.idempotencyKey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commerceKeys.sessionFlashSales(sessionId) }),
  });
}
