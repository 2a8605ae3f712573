import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { broadcast } from '../live/broadcast';
import { readAuction, toAuction } from './repository';

/** At most one update per auction every 250 ms (≈ 4/s) across all instances. */
export const AUCTION_ANNOUNCE_INTERVAL_MS = 250;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/** Trailing updates this instance still owes: the last price of a burst is never swallowed. */
const trailing = new Map<string, NodeJS.Timeout>();

/**
 * Sends the current price, leader, end and state to the room (`auction.updated`, topic
 * `jl.room`). The throttle is a row in `auction_broadcasts` claimed by a conditional UPDATE, apart
 * from the auction row so it never waits behind bids; an instance that loses the claim while the
 * bid count moved schedules one trailing send. `force` (start, close) always sends.
 */
export async function announceAuction(deps: Deps, auctionId: string, options: { force?: boolean } = {}) {
  if (!deps.livekit) return false;
  const claim = await sql<{ sent: number; lastBidCount: number | null; bidCount: number }>`
    with claimed as (
      update auction_broadcasts b
      set last_sent_at = clock_timestamp(),
          last_bid_count = (select a.bid_count from auctions a where a.id = b.auction_id)
      where b.auction_id = ${auctionId}
        and (${options.force ?? false}::boolean
          or b.last_sent_at <= clock_timestamp() - make_interval(secs => ${AUCTION_ANNOUNCE_INTERVAL_MS / 1000}))
      returning 1)
    select (select count(*) from claimed)::int as sent, b.last_bid_count as "lastBidCount",
           a.bid_count as "bidCount"
    from auction_broadcasts b join auctions a on a.id = b.auction_id
    where b.auction_id = ${auctionId}`
    .execute(deps.db)
    .then((result) => result.rows[0]);
  if (!claim) return false;
  if (claim.sent === 0) {
    if (claim.lastBidCount !== claim.bidCount) scheduleTrailing(deps, auctionId);
    return false;
  }
  const row = await readAuction(deps.db, auctionId);
  if (!row) return false;
  const auction = toAuction(row);
  const message = {
    type: 'auction.updated' as const,
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
  };
  return broadcast(deps, row.roomName, message);
}

function scheduleTrailing(deps: Deps, auctionId: string) {
  if (trailing.has(auctionId)) return;
  const timer = setTimeout(() => {
    trailing.delete(auctionId);
    announceAuctionSoon(deps, auctionId);
  }, AUCTION_ANNOUNCE_INTERVAL_MS);
  timer.unref();
  trailing.set(auctionId, timer);
}

/** Fire and forget: a bid's answer never waits for the room update. */
export function announceAuctionSoon(deps: Deps, auctionId: string) {
  announceAuction(deps, auctionId).catch((error: unknown) =>
    deps.logger.warn({ err: error, auctionId }, 'auction update not sent'),
  );
}
