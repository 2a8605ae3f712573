import { minimumNextBidFen, type SetMaxBidBody } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { announceAuctionSoon } from './announce';
import { BidRefused, checkBidder, lockAuction, recordRefusal, resolveMaxBids, storeMaxBid } from './bidding';
import { closeAuction } from './close';
import { auctionLadder, findBidByKey, findMaxBidChangeByKey } from './repository';

const keyReused = () =>
  unprocessable('this idempotency key was already used for something else', {
    reason: 'idempotency_key_reused',
  });

/**
 * Sets or changes a bidder's max bid (代理出价) on its own. Same checks as a bid (open, not the
 * seller, deposit held); the max must reach the minimum next bid, or for the leader their own
 * leading bid (a leader may lower it, never below what they already bid). Under the same row lock
 * as bids, the competing maxes are then resolved into automatic bids. The same idempotency key
 * again is the same change (200 without a second change); with another amount it is 422.
 */
export async function setMaxBid(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  bidderUserId: string,
  auctionId: string,
  body: SetMaxBidBody,
): Promise<{ replayed: boolean }> {
  const { db } = deps;
  const checkReplay = (known: { auctionId: string; maxFen: number }) => {
    if (known.auctionId !== auctionId || known.maxFen !== body.maxFen) throw keyReused();
    nothingToAudit('a replay answered with the max bid its idempotency key set');
  };
  const known = await findMaxBidChangeByKey(db, bidderUserId, body.idempotencyKey);
  if (known) {
    checkReplay(known);
    return { replayed: true };
  }
  if (await findBidByKey(db, bidderUserId, body.idempotencyKey)) throw keyReused();
  // The number of automatic bids placed, or null when a twin of this request got there first.
  let automaticBids: number | null;
  try {
    automaticBids = await db.transaction().execute(async (trx) => {
      const auction = await lockAuction(trx, auctionId);
      const twin = await findMaxBidChangeByKey(trx, bidderUserId, body.idempotencyKey);
      if (twin) {
        checkReplay(twin);
        return null;
      }
      const now = await checkBidder(trx, auction, bidderUserId);
      const leads = auction.leaderUserId === bidderUserId;
      const minimumFen = leads
        ? (auction.currentPriceFen as number)
        : minimumNextBidFen(auction.currentPriceFen, auction.startPriceFen, auctionLadder(auction));
      if (body.maxFen < minimumFen) {
        throw new BidRefused(
          'too_low',
          leads
            ? `your max bid cannot be below your leading bid of ${minimumFen} fen`
            : `a max bid must be at least the next bid, ${minimumFen} fen`,
          { minimumFen, currentPriceFen: auction.currentPriceFen },
        );
      }
      await storeMaxBid(trx, auctionId, now, { bidderUserId, ...body });
      const automatic = await resolveMaxBids(trx, auction, now);
      await recordAudit(trx, {
        action: 'auction.max_bid_set',
        // A max bid is private to its bidder: never in the seller's trail.
        organizationId: null,
        targetType: 'auction',
        targetId: auctionId,
        details: { maxFen: body.maxFen, automaticBids: automatic },
      });
      return automatic;
    });
  } catch (error) {
    if (error instanceof BidRefused) {
      await recordRefusal(db, { auctionId, bidderUserId, amountFen: body.maxFen, maxBid: true }, error);
      // Past its end: close it now instead of waiting for the sweeper.
      if (error.reason === 'ended') await closeAuction(deps, auctionId);
    }
    throw error;
  }
  if (automaticBids === null) return { replayed: true };
  // Nothing public changes unless the server bid: a max alone is never announced.
  if (automaticBids > 0) announceAuctionSoon(deps, auctionId);
  return { replayed: false };
}
