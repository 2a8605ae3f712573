import { type BidRefusal, minimumNextBidFen, type PlaceBidBody } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { ApiError, conflict, notFound, unprocessable } from '../../http/errors';
import { announceAuctionSoon } from './announce';
import { closeAuction } from './close';
import { auctionLadder, type BidRow, findBidByKey } from './repository';

class BidRefused extends ApiError {
  constructor(
    readonly reason: BidRefusal,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super('CONFLICT', message, { reason, ...extra });
  }
}

/** The same key again: the same bid, unless it was used for something else. */
function replay(known: BidRow, auctionId: string, amountFen: number) {
  if (known.auctionId !== auctionId || known.amountFen !== amountFen) {
    throw unprocessable('this idempotency key was already used for a different bid', {
      reason: 'idempotency_key_reused',
    });
  }
  return { bid: known, replayed: true };
}

/**
 * One bid. The auction row is locked for the whole check-and-write, so bids of one auction are
 * serialised: each one is checked against the price the previous one left, and exactly one bid
 * wins each step (a second bid at the same minimum finds it too low and is told the new minimum).
 * The time is the database's, read after the lock is granted, so queueing for the lock cannot
 * sneak a bid past the end.
 *
 * Anti-sniping: a bid inside the last `antiSnipeSeconds` sets the end to
 * max(end, bid time + antiSnipeExtensionSeconds): whoever is outbid late always has that long to
 * answer, and the end never moves earlier.
 */
export async function placeBid(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  bidderUserId: string,
  auctionId: string,
  body: PlaceBidBody,
): Promise<{ bid: BidRow; replayed: boolean }> {
  const { db } = deps;
  const known = await findBidByKey(db, bidderUserId, body.idempotencyKey);
  if (known) return replay(known, auctionId, body.amountFen);
  let outcome: { bid: BidRow; replayed: boolean };
  try {
    outcome = await db.transaction().execute(async (trx) => {
      const bid = await bidLocked(trx, bidderUserId, auctionId, body);
      return 'replayed' in bid ? replay(bid.replayed, auctionId, body.amountFen) : { bid, replayed: false };
    });
  } catch (error) {
    if (error instanceof BidRefused) {
      await recordRefusal(db, auctionId, bidderUserId, body.amountFen, error);
      // Past its end: close it now instead of waiting for the sweeper.
      if (error.reason === 'ended') await closeAuction(deps, auctionId);
    }
    throw error;
  }
  if (!outcome.replayed) announceAuctionSoon(deps, auctionId);
  return outcome;
}

async function bidLocked(
  trx: Database,
  bidderUserId: string,
  auctionId: string,
  body: PlaceBidBody,
): Promise<BidRow | { replayed: BidRow }> {
  const auction = await trx
    .selectFrom('auctions')
    .selectAll()
    .where('id', '=', auctionId)
    .forUpdate()
    .executeTakeFirst();
  if (!auction) throw notFound('auction');
  // A twin of this click that held the lock before us has already placed the bid.
  const twin = await findBidByKey(trx, bidderUserId, body.idempotencyKey);
  if (twin) return { replayed: twin };

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
  if (auction.leaderUserId === bidderUserId) {
    throw new BidRefused('already_leading', 'you already hold the highest bid');
  }
  if (auction.depositFen !== null) {
    const deposit = await trx
      .selectFrom('auctionDeposits')
      .select('id')
      .where('auctionId', '=', auctionId)
      .where('buyerUserId', '=', bidderUserId)
      .where('status', '=', 'held')
      .executeTakeFirst();
    if (!deposit) {
      throw new BidRefused('deposit_required', 'pay the deposit before bidding', {
        depositFen: auction.depositFen,
      });
    }
  }
  const minimumFen = minimumNextBidFen(
    auction.currentPriceFen,
    auction.startPriceFen,
    auctionLadder(auction),
  );
  if (body.amountFen < minimumFen) {
    throw new BidRefused('too_low', `the next bid must be at least ${minimumFen} fen`, {
      minimumFen,
      currentPriceFen: auction.currentPriceFen,
    });
  }

  const windowStart = auction.endsAt.getTime() - auction.antiSnipeSeconds * 1000;
  const inWindow = auction.antiSnipeSeconds > 0 && now.getTime() > windowStart;
  const endsAt = inWindow
    ? new Date(Math.max(auction.endsAt.getTime(), now.getTime() + auction.antiSnipeExtensionSeconds * 1000))
    : auction.endsAt;
  const inserted = await trx
    .insertInto('auctionBids')
    .values({
      auctionId,
      bidderUserId,
      amountFen: body.amountFen,
      previousPriceFen: auction.currentPriceFen,
      placedAt: now,
      endsAtAfter: endsAt,
      extended: endsAt.getTime() > auction.endsAt.getTime(),
      idempotencyKey: body.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('auctions')
    .set({
      currentPriceFen: body.amountFen,
      leaderUserId: bidderUserId,
      bidCount: sql`bid_count + 1`,
      endsAt,
    })
    .where('id', '=', auctionId)
    .execute();
  const bid = await findBidByKey(trx, bidderUserId, body.idempotencyKey);
  if (bid?.id !== inserted.id) throw conflict('the bid could not be read back, retry');
  return bid;
}

async function recordRefusal(
  db: Database,
  auctionId: string,
  bidderUserId: string,
  amountFen: number,
  refusal: BidRefused,
) {
  const details = refusal.details as { minimumFen?: number };
  await db
    .insertInto('auctionBidRefusals')
    .values({
      auctionId,
      bidderUserId,
      amountFen,
      reason: refusal.reason,
      minimumFen: details.minimumFen ?? null,
    })
    .execute();
}
