import { randomUUID } from 'node:crypto';
import type { AuctionOutcome } from '@jadelive/shared';
import type { AppConfig, AppDeps } from '../../deps';
import { recordAudit } from '../audit/repository';
import { commerceConfig } from '../orders/config';
import { insertPendingOrder } from '../orders/create-order';
import { releaseHold, type Tx, takeHold } from '../orders/holds';
import { announceAuction } from './announce';
import { releaseDeposits } from './deposits';
import { reserveMet } from './repository';

type Deps = Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>;

/**
 * How a close is asked for: `due` only closes an auction whose end has passed (sweeper, lazy
 * close on read or bid); `now` hammers at once (the stage ends it early); `cancel` ends it
 * without a winner.
 */
export type CloseMode = 'due' | 'now' | 'cancel';

/** Who closed an auction, kept on it: its clock, the stage, or the end of its session. */
export type CloseCause = 'schedule' | 'stage' | 'session_ended';

/**
 * Closes an auction exactly once: the row is locked and `closed_at` set in one transaction, so
 * the sweeper, a lazy close and the stage can race and only one of them decides. With a leader
 * and the reserve met (or none), the leader gets an order at the hammer price, holding the piece
 * the auction reserved and due for payment like any order; otherwise the piece goes back to the
 * listing. Deposits of everyone but the winner are refunded. Returns the outcome, or null when
 * there was nothing to close.
 */
export async function closeAuction(
  deps: Deps,
  auctionId: string,
  options: { mode?: CloseMode; now?: Date; cause?: CloseCause } = {},
): Promise<AuctionOutcome | null> {
  const mode = options.mode ?? 'due';
  const cause = options.cause ?? (mode === 'due' ? 'schedule' : 'stage');
  const now = options.now ?? new Date();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const auction = await trx
      .selectFrom('auctions')
      .selectAll()
      .where('id', '=', auctionId)
      .where('closedAt', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!auction) return null;
    if (mode === 'due' && auction.endsAt.getTime() > now.getTime()) return null;
    const sold = mode !== 'cancel' && auction.leaderUserId !== null && reserveMet(auction);
    const result: AuctionOutcome = mode === 'cancel' ? 'cancelled' : sold ? 'sold' : 'unsold';
    let orderId: string | null = null;
    // The lot's hold ends here: its piece goes to the winner's order, or back on sale.
    const lot = await releaseHold(
      trx,
      { kind: 'auction', holderId: auction.id },
      'returned',
      sold
        ? 'hammer'
        : cause === 'session_ended'
          ? 'session_ended'
          : mode === 'cancel'
            ? 'auction_cancelled'
            : 'unsold',
    );
    if (sold) orderId = await createHammerOrder(trx, deps.config, auction, lot?.id);
    await trx
      .updateTable('auctions')
      .set({
        closedAt: now,
        outcome: result,
        hammerPriceFen: sold ? auction.currentPriceFen : null,
        winnerOrderId: orderId,
        closeCause: cause,
      })
      .where('id', '=', auctionId)
      .execute();
    await releaseDeposits(trx, deps, auctionId, sold ? auction.leaderUserId : null);
    await recordAudit(trx, {
      action: 'auction.closed',
      // Its clock or its session's end closes it as the system's, even when a read, a late bid or
      // the host's end of the session noticed it.
      ...(cause === 'stage' ? {} : { actorUserId: null, actorTokenId: null }),
      organizationId: auction.sellerOrgId,
      targetType: 'auction',
      targetId: auction.id,
      details: {
        outcome: result,
        cause,
        hammerPriceFen: sold ? auction.currentPriceFen : null,
        winnerOrderId: orderId,
      },
    });
    return result;
  });
  if (outcome) await announceAuction(deps, auctionId, { force: true });
  return outcome;
}

interface HammeredAuction {
  id: string;
  sessionId: string;
  sellerOrgId: string;
  listingId: string;
  leaderUserId: string | null;
  currentPriceFen: number | null;
}

/** The winner's order: the piece the auction reserved, at the hammer price, unpaid until paid. */
async function createHammerOrder(
  trx: Tx,
  config: AppConfig,
  auction: HammeredAuction,
  lotHoldId: string | undefined,
) {
  const listing = await trx
    .selectFrom('listings')
    .select('customMade')
    .where('id', '=', auction.listingId)
    .executeTakeFirstOrThrow();
  const orderId = randomUUID();
  const price = auction.currentPriceFen as number;
  await insertPendingOrder(trx, commerceConfig(config).paymentTimeoutMinutes, {
    id: orderId,
    buyerUserId: auction.leaderUserId as string,
    sellerOrgId: auction.sellerOrgId,
    listingId: auction.listingId,
    liveSessionId: auction.sessionId,
    auctionId: auction.id,
    quantity: 1,
    unitPriceFen: price,
    customMade: listing.customMade,
    actor: 'system',
    actorUserId: null,
    cause: { kind: 'auction_won', hammerPriceFen: price },
  });
  await takeHold(trx, {
    listingId: auction.listingId,
    kind: 'order',
    holderId: orderId,
    quantity: 1,
    ...(lotHoldId ? { sourceHoldId: lotHoldId } : {}),
  });
  return orderId;
}
