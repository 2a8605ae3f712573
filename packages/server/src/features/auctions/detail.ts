import type { AuctionDetail } from '@jadelive/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { type LoadedSession, loadSession } from '../live/access';
import { closeAuction } from './close';
import { findBuyerDeposit, toDeposit } from './deposits';
import { type AuctionRow, findMaxBid, readAuction, recentBids, toAuction, toAuctionBid } from './repository';

/**
 * The auction if the caller may see its session (another tenant's private session: 404). One
 * whose end has passed is closed first, so nobody reads "open" after the hammer.
 */
export async function loadAuction(
  c: Context<AppEnv>,
  auctionId: string,
): Promise<{ auction: AuctionRow; loaded: LoadedSession }> {
  const { deps } = c.var;
  let auction = await readAuction(deps.db, auctionId);
  if (!auction) throw notFound('auction');
  const loaded = await loadSession(c, auction.sessionId);
  if (!auction.closedAt && auction.endsAt.getTime() <= Date.now()) {
    await closeAuction(deps, auctionId);
    auction = await readAuction(deps.db, auctionId);
    if (!auction) throw notFound('auction');
  }
  return { auction, loaded };
}

/** The public view, the latest bids and, for a signed-in buyer, where they stand (with their own max bid). */
export async function auctionDetail(c: Context<AppEnv>, auction: AuctionRow): Promise<AuctionDetail> {
  const { db } = c.var.deps;
  const bids = await recentBids(db, auction.id);
  const actor = c.var.actor;
  let viewer: AuctionDetail['viewer'] = null;
  if (actor?.type === 'session' && actor.organizationId === null) {
    const [deposit, maxBid] = await Promise.all([
      findBuyerDeposit(db, auction.id, actor.userId),
      findMaxBid(db, auction.id, actor.userId),
    ]);
    const won = auction.outcome === 'sold' && auction.leaderUserId === actor.userId;
    viewer = {
      isLeader: auction.leaderUserId === actor.userId,
      wonOrderId: won ? auction.winnerOrderId : null,
      deposit: deposit ? toDeposit(deposit) : null,
      // The caller's own max only: nobody else's is ever read here.
      maxBidFen: maxBid?.maxFen ?? null,
    };
  }
  return { auction: toAuction(auction), bids: bids.map(toAuctionBid), viewer };
}
