import type { CreateAuctionBody } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveCommerceKeys } from './live-commerce-keys';

export function getSessionAuctions(sessionId: string) {
  return unwrap(api.live.sessions[':id'].auctions.$get({ param: { id: sessionId } }));
}

/** A session's auctions, newest first; polled as the fallback of the room's live updates. */
export function useSessionAuctions(sessionId: string, refetchInterval: number) {
  return useQuery({
    queryKey: liveCommerceKeys.sessionAuctions(sessionId),
    queryFn: () => getSessionAuctions(sessionId).then((answer) => answer.auctions),
    refetchInterval,
  });
}

export function getAuction(auctionId: string) {
  return unwrap(api.auctions[':id'].$get({ param: { id: auctionId } }));
}

/** One auction with the latest bids and, for a signed-in buyer, whether they lead, their deposit and order. */
export function useAuctionDetail(auctionId: string | null, refetchInterval: number) {
  return useQuery({
    queryKey: liveCommerceKeys.auction(auctionId ?? 'none'),
    queryFn: () => getAuction(auctionId as string),
    enabled: auctionId !== null,
    refetchInterval,
  });
}

function useRefreshAuctions(sessionId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: liveCommerceKeys.sessionAuctions(sessionId) }),
      queryClient.invalidateQueries({ queryKey: liveCommerceKeys.auctionDetails }),
    ]);
}

/**
 * One bid attempt, optionally with a max bid (代理出价); the key is the caller's, so a retry of
 * the same attempt cannot bid twice.
 */
export function usePlaceBid(sessionId: string) {
  const refresh = useRefreshAuctions(sessionId);
  return useMutation({
    mutationFn: (input: { auctionId: string; amountFen: number; maxFen?: number; idempotencyKey: string }) =>
      unwrap(
        api.auctions[':id'].bids.$post({
          param: { id: input.auctionId },
          json: {
            amountFen: input.amountFen,
            idempotencyKey: input.idempotencyKey,
            ...(input.maxFen === undefined ? {} : { maxFen: input.maxFen }),
          },
        }),
      ),
    onSettled: refresh,
  });
}

/** Sets or changes the caller's max bid on its own; the server may bid for them at once. */
export function useSetMaxBid(sessionId: string) {
  const refresh = useRefreshAuctions(sessionId);
  return useMutation({
    mutationFn: (input: { auctionId: string; maxFen: number; idempotencyKey: string }) =>
      unwrap(
        api.auctions[':id']['max-bid'].$put({
          param: { id: input.auctionId },
          json: { maxFen: input.maxFen, idempotencyKey: input.idempotencyKey },
        }),
      ),
    onSettled: refresh,
  });
}

/** Opens (or finds) the buyer's deposit; the answer carries the sandbox page to pay it on. */
export function useStartDeposit(sessionId: string) {
  const refresh = useRefreshAuctions(sessionId);
  return useMutation({
    mutationFn: (auctionId: string) =>
      unwrap(api.auctions[':id'].deposit.$post({ param: { id: auctionId } })),
    onSuccess: refresh,
  });
}

/** The sandbox gateway's confirm/fail step for a deposit (there is no real gateway here). */
export function useCompleteSandboxDeposit(sessionId: string) {
  const refresh = useRefreshAuctions(sessionId);
  return useMutation({
    mutationFn: (input: { depositId: string; outcome: 'success' | 'fail' }) =>
      unwrap(
        api.auctions.deposits[':id'].sandbox.complete.$post({
          param: { id: input.depositId },
          json: { outcome: input.outcome },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The stage starts an auction on the pinned piece, hammers it early or cancels it. */
export function useAuctionControl(sessionId: string) {
  const refresh = useRefreshAuctions(sessionId);
  const start = useMutation({
    mutationFn: (body: CreateAuctionBody) =>
      unwrap(api.live.sessions[':id'].auctions.$post({ param: { id: sessionId }, json: body })),
    onSuccess: refresh,
  });
  const closeNow = useMutation({
    mutationFn: (auctionId: string) =>
      unwrap(api.auctions[':id']['close-now'].$post({ param: { id: auctionId } })),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: (auctionId: string) => unwrap(api.auctions[':id'].cancel.$post({ param: { id: auctionId } })),
    onSettled: refresh,
  });
  return { start, closeNow, cancel };
}
