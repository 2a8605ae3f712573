import { minimumNextBidFen, type PlaceBidBody } from '@jadelive/shared';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, conflict, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { announceAuctionSoon } from './announce';
import {
  appendBid,
  BidRefused,
  checkBidder,
  lockAuction,
  recordRefusal,
  resolveMaxBids,
  storeMaxBid,
} from './bidding';
import { closeAuction } from './close';
import { auctionLadder, type BidRow, findBidByKey, findMaxBidChangeByKey } from './repository';

const keyReused = () =>
  unprocessable('this idempotency key was already used for a different bid', {
    reason: 'idempotency_key_reused',
  });

/** The same key again: the same bid (and max), unless it was used for something else. */
async function replay(db: Database, known: BidRow, auctionId: string, body: PlaceBidBody) {
  if (known.auctionId !== auctionId || known.amountFen !== body.amountFen) throw keyReused();
  const maxChange = await findMaxBidChangeByKey(db, known.bidderUserId, body.idempotencyKey);
  if ((maxChange?.maxFen ?? undefined) !== body.maxFen) throw keyReused();
  nothingToAudit('a replay answered with the bid its idempotency key placed');
  return { bid: known, replayed: true };
}

/**
 * One bid, optionally with a max bid (代理出价). The auction row is locked for the whole
 * check-and-write, so bids of one auction are serialised: each one is checked against the price
 * the previous one left, and exactly one bid wins each step (a second bid at the same minimum
 * finds it too low and is told the new minimum). In the same transaction competing maxes are
 * resolved into automatic bids (`resolveMaxBids`), so the answer already shows whether a max
 * outbid this bid.
 */
export async function placeBid(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  bidderUserId: string,
  auctionId: string,
  body: PlaceBidBody,
): Promise<{ bid: BidRow; replayed: boolean }> {
  const { db } = deps;
  const known = await findBidByKey(db, bidderUserId, body.idempotencyKey);
  if (known) return replay(db, known, auctionId, body);
  if (await findMaxBidChangeByKey(db, bidderUserId, body.idempotencyKey)) throw keyReused();
  let outcome: { bid: BidRow; replayed: boolean };
  try {
    outcome = await db.transaction().execute(async (trx) => {
      const bid = await bidLocked(trx, bidderUserId, auctionId, body);
      return 'replayed' in bid ? replay(trx, bid.replayed, auctionId, body) : { bid, replayed: false };
    });
  } catch (error) {
    if (error instanceof BidRefused) {
      await recordRefusal(db, { auctionId, bidderUserId, amountFen: body.amountFen, maxBid: false }, error);
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
  const auction = await lockAuction(trx, auctionId);
  // A twin of this click that held the lock before us has already placed the bid.
  const twin = await findBidByKey(trx, bidderUserId, body.idempotencyKey);
  if (twin) return { replayed: twin };

  const now = await checkBidder(trx, auction, bidderUserId);
  if (auction.leaderUserId === bidderUserId) {
    throw new BidRefused('already_leading', 'you already hold the highest bid');
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

  const insertedId = await appendBid(trx, auction, now, {
    bidderUserId,
    amountFen: body.amountFen,
    idempotencyKey: body.idempotencyKey,
    automatic: false,
  });
  if (body.maxFen !== undefined) {
    await storeMaxBid(trx, auctionId, now, {
      bidderUserId,
      maxFen: body.maxFen,
      idempotencyKey: body.idempotencyKey,
    });
  }
  await resolveMaxBids(trx, auction, now);
  const bid = await findBidByKey(trx, bidderUserId, body.idempotencyKey);
  if (bid?.id !== insertedId)
    throw conflict('the bid could not be read back, retry', because('request_in_progress'));
  await recordAudit(trx, {
    action: 'auction.bid_placed',
    // The bidder's own step: bidders stay masked to the seller, whose record is the bid ledger.
    organizationId: null,
    targetType: 'auction',
    targetId: auctionId,
    details: { bidId: bid.id, amountFen: body.amountFen, withMaxBid: body.maxFen !== undefined },
  });
  return bid;
}
