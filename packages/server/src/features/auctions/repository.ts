import { createHash } from 'node:crypto';
import {
  type Auction,
  type AuctionBid,
  type AuctionOutcome,
  type BidStep,
  bidLadderSchema,
  minimumNextBidFen,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';

/** A plain MVCC read: never waits on the bid lock, so viewers' reads never slow the bidding. */
export async function readAuction(db: Database, id: string) {
  return db
    .selectFrom('auctions')
    .innerJoin('liveSessions', 'liveSessions.id', 'auctions.sessionId')
    .innerJoin('listings', 'listings.id', 'auctions.listingId')
    .leftJoin('users as leader', 'leader.id', 'auctions.leaderUserId')
    .selectAll('auctions')
    .select(['liveSessions.roomName', 'listings.title as listingTitle', 'leader.displayName as leaderName'])
    .where('auctions.id', '=', id)
    .executeTakeFirst();
}

export type AuctionRow = NonNullable<Awaited<ReturnType<typeof readAuction>>>;

export function auctionLadder(row: { ladder: unknown }): BidStep[] {
  return bidLadderSchema.parse(row.ladder);
}

/**
 * How viewers see a bidder: the first character of their display name and a short tag derived
 * from (auction, user), so bidders can be told apart within one auction but not followed across
 * auctions or identified.
 */
export function bidderAlias(auctionId: string, userId: string, displayName: string | null): string {
  const tag = createHash('sha256').update(`${auctionId}:${userId}`).digest('hex').slice(0, 4);
  const initial = Array.from(displayName?.trim() ?? '')[0] ?? '买';
  return `${initial}**·${tag}`;
}

export function auctionState(row: AuctionRow, now = new Date()): Auction['state'] {
  if (row.closedAt) return 'closed';
  if (row.startsAt.getTime() > now.getTime()) return 'scheduled';
  // Past its end but not yet closed (the close is lazy or the sweeper's): no more bids either way.
  return row.endsAt.getTime() <= now.getTime() ? 'closed' : 'open';
}

/** The public view: the reserve amount never leaves the server, only whether it is met. */
export function toAuction(row: AuctionRow, now = new Date()): Auction {
  const ladder = auctionLadder(row);
  return {
    id: row.id,
    sessionId: row.sessionId,
    listingId: row.listingId,
    listingTitle: row.listingTitle,
    startPriceFen: row.startPriceFen,
    ladder,
    hasReserve: row.reservePriceFen !== null,
    reserveMet: reserveMet(row),
    depositFen: row.depositFen,
    antiSnipeSeconds: row.antiSnipeSeconds,
    antiSnipeExtensionSeconds: row.antiSnipeExtensionSeconds,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    currentPriceFen: row.currentPriceFen,
    minimumNextBidFen: minimumNextBidFen(row.currentPriceFen, row.startPriceFen, ladder),
    leaderAlias: row.leaderUserId ? bidderAlias(row.id, row.leaderUserId, row.leaderName) : null,
    bidCount: row.bidCount,
    state: auctionState(row, now),
    outcome: row.outcome as AuctionOutcome | null,
    hammerPriceFen: row.hammerPriceFen,
    closedAt: isoOrNull(row.closedAt),
    serverTime: iso(now),
  };
}

export function reserveMet(row: { reservePriceFen: number | null; currentPriceFen: number | null }) {
  if (row.currentPriceFen === null) return false;
  return row.reservePriceFen === null || row.currentPriceFen >= row.reservePriceFen;
}

const bidColumns = [
  'auctionBids.id',
  'auctionBids.auctionId',
  'auctionBids.bidderUserId',
  'auctionBids.amountFen',
  'auctionBids.placedAt',
  'auctionBids.extended',
  'auctionBids.automatic',
  'users.displayName',
] as const;

export async function recentBids(db: Database, auctionId: string, limit = 20) {
  return db
    .selectFrom('auctionBids')
    .innerJoin('users', 'users.id', 'auctionBids.bidderUserId')
    .select(bidColumns)
    .where('auctionBids.auctionId', '=', auctionId)
    .orderBy('auctionBids.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findBidByKey(db: Database, bidderUserId: string, idempotencyKey: string) {
  return db
    .selectFrom('auctionBids')
    .innerJoin('users', 'users.id', 'auctionBids.bidderUserId')
    .select(bidColumns)
    .where('auctionBids.bidderUserId', '=', bidderUserId)
    .where('auctionBids.idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
}

export type BidRow = NonNullable<Awaited<ReturnType<typeof findBidByKey>>>;

export function toAuctionBid(row: BidRow): AuctionBid {
  return {
    id: String(row.id),
    bidderAlias: bidderAlias(row.auctionId, row.bidderUserId, row.displayName),
    amountFen: row.amountFen,
    placedAt: iso(row.placedAt),
    extended: row.extended,
    automatic: row.automatic,
  };
}

/** A bidder's own max bid (代理出价): only ever read for that bidder. */
export async function findMaxBid(db: Database, auctionId: string, bidderUserId: string) {
  return db
    .selectFrom('auctionMaxBids')
    .select(['maxFen', 'setAt'])
    .where('auctionId', '=', auctionId)
    .where('bidderUserId', '=', bidderUserId)
    .executeTakeFirst();
}

export async function findMaxBidChangeByKey(db: Database, bidderUserId: string, idempotencyKey: string) {
  return db
    .selectFrom('auctionMaxBidChanges')
    .select(['auctionId', 'maxFen'])
    .where('bidderUserId', '=', bidderUserId)
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
}
