import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { broadcast } from '../live/broadcast';
import { throttledAnnouncer } from '../live/throttled-announcer';
import { readAuction, toAuction } from './repository';

/** At most one update per auction every 250 ms (≈ 4/s) across all instances. */
export const AUCTION_ANNOUNCE_INTERVAL_MS = 250;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/**
 * The current price, leader, end and state for the room (`auction.updated`, topic `jl.room`). The
 * throttle is a row in `auction_broadcasts` claimed by a conditional UPDATE, apart from the auction
 * row so it never waits behind bids; an instance that loses the claim while the bid count moved
 * owes one trailing send.
 */
const announcer = throttledAnnouncer<Deps>({
  intervalMs: AUCTION_ANNOUNCE_INTERVAL_MS,
  failure: 'auction update not sent',
  idKey: 'auctionId',
  async claim(deps, auctionId, { force }) {
    const claim = await sql<{ sent: number; lastBidCount: number | null; bidCount: number }>`
      with claimed as (
        update auction_broadcasts b
        set last_sent_at = clock_timestamp(),
            last_bid_count = (select a.bid_count from auctions a where a.id = b.auction_id)
        where b.auction_id = ${auctionId}
          and (${force}::boolean
            or b.last_sent_at <= clock_timestamp() - make_interval(secs => ${AUCTION_ANNOUNCE_INTERVAL_MS / 1000}))
        returning 1)
      select (select count(*) from claimed)::int as sent, b.last_bid_count as "lastBidCount",
             a.bid_count as "bidCount"
      from auction_broadcasts b join auctions a on a.id = b.auction_id
      where b.auction_id = ${auctionId}`
      .execute(deps.db)
      .then((result) => result.rows[0]);
    return claim && { claimed: claim.sent > 0, changePending: claim.lastBidCount !== claim.bidCount };
  },
  async send(deps, auctionId) {
    const row = await readAuction(deps.db, auctionId);
    if (!row) return false;
    const auction = toAuction(row);
    return broadcast(deps, row.roomName, {
      type: 'auction.updated',
      auctionId: auction.id,
      listingId: auction.listingId,
      currentPriceFen: auction.currentPriceFen,
      minimumNextBidFen: auction.minimumNextBidFen,
      leaderAlias: auction.leaderAlias,
      bidCount: auction.bidCount,
      reserveMet: auction.reserveMet,
      state: auction.state,
      outcome: auction.outcome,
      startsAt: auction.startsAt,
      endsAt: auction.endsAt,
      serverTime: auction.serverTime,
    });
  },
});

/** Sends the auction's state to the room, throttled; `force` (start, close) always sends. */
export function announceAuction(deps: Deps, auctionId: string, options: { force?: boolean } = {}) {
  return announcer.announce(deps, auctionId, options);
}

/** Fire and forget: a bid's answer never waits for the room update. */
export function announceAuctionSoon(deps: Deps, auctionId: string) {
  announcer.soon(deps, auctionId);
}
