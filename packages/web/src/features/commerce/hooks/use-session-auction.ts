import type { Auction, LiveDataMessage } from '@jadelive/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAuctionDetail, useSessionAuctions } from '../api/auctions';
import { liveCommerceKeys } from '../api/live-commerce-keys';
import type { RoomDataSubscribe } from '../types';

type AuctionUpdate = Extract<LiveDataMessage, { type: 'auction.updated' }>;

/** An auction reading plus this device's clock when it arrived (for the clock-skew correction). */
export type AuctionView = Auction & { receivedAt: number };

/** The room's update laid over the last API reading, when it is newer by the server's clock. */
export function withRoomUpdate(api: AuctionView, room: (AuctionUpdate & { receivedAt: number }) | null) {
  if (!room || room.auctionId !== api.id) return api;
  if (Date.parse(room.serverTime) <= Date.parse(api.serverTime)) return api;
  return {
    ...api,
    currentPriceFen: room.currentPriceFen,
    minimumNextBidFen: room.minimumNextBidFen,
    leaderAlias: room.leaderAlias,
    bidCount: room.bidCount,
    reserveMet: room.reserveMet,
    state: room.state,
    outcome: room.outcome,
    startsAt: room.startsAt,
    endsAt: room.endsAt,
    serverTime: room.serverTime,
    receivedAt: room.receivedAt,
  } satisfies AuctionView;
}

/**
 * Whether the auction holds the pinned piece: while it is not closed, that piece is sold only
 * under the hammer (the server refuses buy-now with 409 auction_running).
 */
export function auctionHoldsPinned(
  auction: Pick<AuctionView, 'state' | 'listingId'> | null,
  pinnedListingId: string | null,
): boolean {
  return (
    auction !== null &&
    pinnedListingId !== null &&
    auction.state !== 'closed' &&
    auction.listingId === pinnedListingId
  );
}

/**
 * The session's latest auction, live: price, leader and end follow the room's `auction.updated`
 * messages; the detail (bids, whether the caller leads, deposit, won order) is refetched on each
 * and polled as the fallback for missed messages.
 */
export function useSessionAuction(sessionId: string, subscribe: RoomDataSubscribe, pollMs: number) {
  const queryClient = useQueryClient();
  const list = useSessionAuctions(sessionId, pollMs * 3);
  const latestId = list.data?.[0]?.id ?? null;
  const detail = useAuctionDetail(latestId, pollMs);
  const [pushed, setPushed] = useState<(AuctionUpdate & { receivedAt: number }) | null>(null);

  useEffect(
    () =>
      subscribe((message) => {
        if (message.type !== 'auction.updated') return;
        setPushed({ ...message, receivedAt: Date.now() });
        const known = queryClient
          .getQueryData<Auction[]>(liveCommerceKeys.sessionAuctions(sessionId))
          ?.some((auction) => auction.id === message.auctionId);
        if (!known)
          void queryClient.invalidateQueries({ queryKey: liveCommerceKeys.sessionAuctions(sessionId) });
        void queryClient.invalidateQueries({ queryKey: liveCommerceKeys.auction(message.auctionId) });
      }),
    [subscribe, queryClient, sessionId],
  );

  const data = detail.data;
  const auction = data ? withRoomUpdate({ ...data.auction, receivedAt: detail.dataUpdatedAt }, pushed) : null;
  return { auction, bids: data?.bids ?? [], viewer: data?.viewer ?? null, detail };
}
