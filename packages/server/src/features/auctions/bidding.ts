import { randomUUID } from 'node:crypto';
import type { BidRefusal } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { ApiError, notFound } from '../../http/errors';
import { planAutomaticBids } from './max-bid-resolution';
import { auctionLadder } from './repository';

/** A refusal of a bid or a max change; kept in `auction_bid_refusals` with its reason. */
export class BidRefused extends ApiError {
  constructor(
    readonly reason: BidRefusal,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super('CONFLICT', message, { reason, ...extra });
  }
}

/** Locks the auction row: bids and max changes of one auction are serialised on it. */
export async function lockAuction(trx: Database, auctionId: string) {
  const auction = await trx
    .selectFrom('auctions')
    .selectAll()
    .where('id', '=', auctionId)
    .forUpdate()
    .executeTakeFirst();
  if (!auction) throw notFound('auction');
  return auction;
}

export type LockedAuction = Awaited<ReturnType<typeof lockAuction>>;

/**
 * What every bid and every max change must pass: open now, not the seller's own account, the
 * deposit held when one is asked for. The time is the database's, read after the lock is granted,
 * so queueing for the lock cannot sneak a bid past the end. Returns that time.
 */
export async function checkBidder(
  trx: Database,
  auction: LockedAuction,
  bidderUserId: string,
): Promise<Date> {
  const now = await sql<{ now: Date }>`select clock_timestamp() as now`
    .execute(trx)
    .then((result) => (result.rows[0] as { now: Date }).now);
  if (auction.closedAt || now.getTime() >= auction.endsAt.getTime()) {
    throw new BidRefused('ended', 'this auction has ended');
  }
  if (now.getTime() < auction.startsAt.getTime()) {
    throw new BidRefused('not_started', 'this auction has not started yet');
  }
  const bidder = await trx
    .selectFrom('users')
    .select('organizationId')
    .where('id', '=', bidderUserId)
    .executeTakeFirst();
  if (!bidder || bidder.organizationId === auction.sellerOrgId) {
    throw new BidRefused('own_listing', 'the seller’s own accounts may not bid');
  }
  if (auction.depositFen !== null) {
    const deposit = await trx
      .selectFrom('auctionDeposits')
      .select('id')
      .where('auctionId', '=', auction.id)
      .where('buyerUserId', '=', bidderUserId)
      .where('status', '=', 'held')
      .executeTakeFirst();
    if (!deposit) {
      throw new BidRefused('deposit_required', 'pay the deposit before bidding', {
        depositFen: auction.depositFen,
      });
    }
  }
  return now;
}

/**
 * Appends one accepted bid and moves the auction to it. Anti-sniping: a bid inside the last
 * `antiSnipeSeconds` sets the end to max(end, bid time + antiSnipeExtensionSeconds), for manual
 * and automatic bids alike. `auction` is the locked row and is updated in place, so several bids
 * in one transaction each see the price the previous one left.
 */
export async function appendBid(
  trx: Database,
  auction: LockedAuction,
  now: Date,
  bid: { bidderUserId: string; amountFen: number; idempotencyKey: string; automatic: boolean },
) {
  const windowStart = auction.endsAt.getTime() - auction.antiSnipeSeconds * 1000;
  const inWindow = auction.antiSnipeSeconds > 0 && now.getTime() > windowStart;
  const endsAt = inWindow
    ? new Date(Math.max(auction.endsAt.getTime(), now.getTime() + auction.antiSnipeExtensionSeconds * 1000))
    : auction.endsAt;
  const inserted = await trx
    .insertInto('auctionBids')
    .values({
      auctionId: auction.id,
      bidderUserId: bid.bidderUserId,
      amountFen: bid.amountFen,
      previousPriceFen: auction.currentPriceFen,
      placedAt: now,
      endsAtAfter: endsAt,
      extended: endsAt.getTime() > auction.endsAt.getTime(),
      idempotencyKey: bid.idempotencyKey,
      automatic: bid.automatic,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('auctions')
    .set({
      currentPriceFen: bid.amountFen,
      leaderUserId: bid.bidderUserId,
      bidCount: sql`bid_count + 1`,
      endsAt,
    })
    .where('id', '=', auction.id)
    .execute();
  auction.currentPriceFen = bid.amountFen;
  auction.leaderUserId = bid.bidderUserId;
  auction.bidCount += 1;
  auction.endsAt = endsAt;
  return inserted.id;
}

/**
 * Sets a bidder's max: a raise counts from now for ties, a lowering keeps the earlier time (they
 * have been willing to pay the lower amount since then). Every change is also appended to
 * `auction_max_bid_changes`, which remembers the idempotency key.
 */
export async function storeMaxBid(
  trx: Database,
  auctionId: string,
  now: Date,
  change: { bidderUserId: string; maxFen: number; idempotencyKey: string },
) {
  await trx
    .insertInto('auctionMaxBids')
    .values({
      auctionId,
      bidderUserId: change.bidderUserId,
      maxFen: change.maxFen,
      setAt: now,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc.columns(['auctionId', 'bidderUserId']).doUpdateSet({
        maxFen: change.maxFen,
        setAt: sql`case when excluded.max_fen > auction_max_bids.max_fen then excluded.set_at else auction_max_bids.set_at end`,
        updatedAt: now,
      }),
    )
    .execute();
  await trx
    .insertInto('auctionMaxBidChanges')
    .values({
      auctionId,
      bidderUserId: change.bidderUserId,
      maxFen: change.maxFen,
      changedAt: now,
      idempotencyKey: change.idempotencyKey,
    })
    .execute();
}

/**
 * After an accepted bid or a max change, inside the same locked transaction: the competing maxes
 * are resolved (see `planAutomaticBids`) and the automatic bids appended to the same ledger,
 * marked `automatic`. Returns how many were placed.
 */
export async function resolveMaxBids(trx: Database, auction: LockedAuction, now: Date): Promise<number> {
  const maxBids = await trx
    .selectFrom('auctionMaxBids')
    .select(['bidderUserId', 'maxFen', 'setAt'])
    .where('auctionId', '=', auction.id)
    .execute();
  const plan = planAutomaticBids(
    {
      currentPriceFen: auction.currentPriceFen,
      leaderUserId: auction.leaderUserId,
      startPriceFen: auction.startPriceFen,
      ladder: auctionLadder(auction),
    },
    maxBids,
  );
  for (const step of plan) {
    await appendBid(trx, auction, now, { ...step, idempotencyKey: `auto:${randomUUID()}`, automatic: true });
  }
  return plan.length;
}

export async function recordRefusal(
  db: Database,
  attempt: { auctionId: string; bidderUserId: string; amountFen: number; maxBid: boolean },
  refusal: BidRefused,
) {
  const details = refusal.details as { minimumFen?: number };
  await db
    .insertInto('auctionBidRefusals')
    .values({ ...attempt, reason: refusal.reason, minimumFen: details.minimumFen ?? null })
    .execute();
}
