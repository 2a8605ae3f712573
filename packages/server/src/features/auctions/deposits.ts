import type { AuctionDeposit } from '@jadelive/shared';
import { sql, type UpdateObject } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
import type { AppDeps } from '../../deps';
import { conflict, isUniqueViolation, notFound } from '../../http/errors';
import { iso, isoOrNull } from '../../lib/serialize';
import { type AuditAction, recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { claimNotification, verifiedNotification } from '../payments/notifications';
import type { PaymentNotification } from '../payments/provider';
import { paymentProvider } from '../payments/providers';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const depositColumns = [
  'id',
  'auctionId',
  'buyerUserId',
  'amountFen',
  'provider',
  'status',
  'providerRef',
  'payUrl',
  'createdAt',
  'paidAt',
  'settledAt',
] as const;

/** The buyer's latest deposit for the auction (a failed one may be followed by a new one). */
export async function findBuyerDeposit(db: Database, auctionId: string, buyerUserId: string) {
  return db
    .selectFrom('auctionDeposits')
    .select(depositColumns)
    .where('auctionId', '=', auctionId)
    .where('buyerUserId', '=', buyerUserId)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

export async function findDepositOfBuyer(db: Database, depositId: string, buyerUserId: string) {
  return db
    .selectFrom('auctionDeposits')
    .select(depositColumns)
    .where('id', '=', depositId)
    .where('buyerUserId', '=', buyerUserId)
    .executeTakeFirst();
}

type DepositRow = NonNullable<Awaited<ReturnType<typeof findBuyerDeposit>>>;

export function toDeposit(row: DepositRow): AuctionDeposit {
  return {
    id: row.id,
    auctionId: row.auctionId,
    amountFen: row.amountFen,
    status: row.status as AuctionDeposit['status'],
    payUrl: row.payUrl,
    createdAt: iso(row.createdAt),
    paidAt: isoOrNull(row.paidAt),
    settledAt: isoOrNull(row.settledAt),
  };
}

/**
 * Opens the deposit payment (保证金) of a buyer for an auction that asks for one, or hands back
 * the one already open or held, so a double click never opens two. The payment goes through the
 * provider interface like an order's; the sandbox's hosted page only knows order payments, so a
 * sandbox deposit is completed at its own route.
 */
export async function startDeposit(
  deps: Deps,
  buyerUserId: string,
  auctionId: string,
  providerName = 'sandbox',
) {
  const provider = paymentProvider(deps, providerName);
  const auction = await deps.db
    .selectFrom('auctions')
    .select(['depositFen', 'closedAt', 'endsAt'])
    .where('id', '=', auctionId)
    .executeTakeFirst();
  if (!auction) throw notFound('auction');
  if (auction.depositFen === null)
    throw conflict('this auction asks for no deposit', { reason: 'no_deposit' });
  if (auction.closedAt || auction.endsAt.getTime() <= Date.now()) {
    throw conflict('this auction has ended', { reason: 'ended' });
  }
  const amountFen = auction.depositFen;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const live = await trx
        .selectFrom('auctionDeposits')
        .select(depositColumns)
        .where('auctionId', '=', auctionId)
        .where('buyerUserId', '=', buyerUserId)
        .where('status', 'in', ['pending', 'held'])
        .executeTakeFirst();
      if (live) {
        nothingToAudit('the buyer’s open deposit is answered again');
        return { deposit: live, created: false };
      }
      const created = await trx
        .insertInto('auctionDeposits')
        .values({ auctionId, buyerUserId, amountFen, provider: provider.name, status: 'pending' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const registered = await provider.createPayment({
        paymentId: created.id,
        orderId: auctionId,
        amountFen,
      });
      const payUrl =
        provider.name === 'sandbox'
          ? `/api/auctions/deposits/${created.id}/sandbox/complete`
          : registered.payUrl;
      const deposit = await trx
        .updateTable('auctionDeposits')
        .set({ providerRef: registered.providerRef, payUrl })
        .where('id', '=', created.id)
        .returning(depositColumns)
        .executeTakeFirstOrThrow();
      await auditDeposit(trx, 'auction_deposit.started', deposit);
      return { deposit, created: true };
    });
  } catch (error) {
    // A twin click inserted first: answer with its deposit.
    if (!isUniqueViolation(error, 'auction_deposits_one_live')) throw error;
    const twin = await findBuyerDeposit(deps.db, auctionId, buyerUserId);
    if (!twin) throw error;
    nothingToAudit('a twin click opened the deposit first');
    return { deposit: twin, created: false };
  }
}

/** The deposit callback of a provider: verified exactly like order payments (forged → 401). */
export async function receiveDepositNotification(
  deps: Deps,
  providerName: string,
  rawBody: string,
  headers: Record<string, string | undefined>,
) {
  const notification = await verifiedNotification(deps, providerName, rawBody, headers);
  return applyDepositNotification(deps, providerName, notification);
}

/**
 * One transaction per notification; its id goes into `payment_notifications` first (shared
 * with order payments), so a repeated delivery changes nothing. Money that arrives once the
 * auction has closed is refunded at once: it can no longer buy a bid.
 */
async function applyDepositNotification(deps: Deps, providerName: string, notification: PaymentNotification) {
  return deps.db.transaction().execute(async (trx) => {
    const record = await claimNotification(trx, providerName, notification);
    if (!record) {
      nothingToAudit('a payment notification delivered before changes nothing');
      return 'duplicate' as const;
    }
    const settle = (result: string) => record(result, null);
    const deposit = await trx
      .selectFrom('auctionDeposits')
      .innerJoin('auctions', 'auctions.id', 'auctionDeposits.auctionId')
      .select(['auctionDeposits.id', 'auctionDeposits.status', 'auctionDeposits.amountFen'])
      .select(['auctionDeposits.providerRef', 'auctions.closedAt', 'auctions.endsAt'])
      .where('auctionDeposits.id', '=', notification.paymentId)
      .where('auctionDeposits.provider', '=', providerName)
      .forUpdate('auctionDeposits')
      .executeTakeFirst();
    if (deposit?.status !== 'pending' || deposit.amountFen !== notification.amountFen) {
      const result = deposit ? `deposit_ignored_${deposit.status}` : 'unknown_deposit';
      await settle(result);
      await recordAudit(trx, {
        action: 'payment.notification_ignored',
        actorUserId: null,
        actorTokenId: null,
        organizationId: null,
        targetType: 'auction_deposit',
        targetId: deposit ? deposit.id : null,
        details: { provider: providerName, notificationId: notification.notificationId, result },
      });
      return 'ignored' as const;
    }
    if (notification.outcome === 'fail') {
      await setDeposit(trx, deposit.id, { status: 'failed', settledAt: sql<Date>`now()` });
      await settle('deposit_failed');
      return 'applied' as const;
    }
    if (deposit.closedAt || deposit.endsAt.getTime() <= Date.now()) {
      await refundDeposit(trx, deps, { ...deposit, provider: providerName }, { paidAt: sql<Date>`now()` });
      await settle('deposit_refunded_auction_closed');
      return 'applied' as const;
    }
    await setDeposit(trx, deposit.id, { status: 'held', paidAt: sql<Date>`now()` });
    await settle('deposit_held');
    return 'applied' as const;
  });
}

const DEPOSIT_ACTIONS: Partial<Record<string, AuditAction>> = {
  held: 'auction_deposit.paid',
  failed: 'auction_deposit.failed',
  refunded: 'auction_deposit.refunded',
  forfeited: 'auction_deposit.forfeited',
};

/** A deposit's new status and its audit entry: money moves are the provider's or the system's. */
async function setDeposit(trx: Database, id: string, set: UpdateObject<DB, 'auctionDeposits'>) {
  const row = await trx
    .updateTable('auctionDeposits')
    .set(set)
    .where('id', '=', id)
    .returning(['id', 'auctionId', 'amountFen', 'status'])
    .executeTakeFirstOrThrow();
  const action = DEPOSIT_ACTIONS[row.status];
  if (action) await auditDeposit(trx, action, row, { actorUserId: null, actorTokenId: null });
}

/** In no organisation's trail: a deposit is between its bidder and the platform. */
function auditDeposit(
  trx: Database,
  action: AuditAction,
  deposit: { id: string; auctionId: string; amountFen: number; status: string },
  actor: { actorUserId?: null; actorTokenId?: null } = {},
) {
  return recordAudit(trx, {
    action,
    ...actor,
    organizationId: null,
    targetType: 'auction_deposit',
    targetId: deposit.id,
    details: { auctionId: deposit.auctionId, amountFen: deposit.amountFen, status: deposit.status },
  });
}

/**
 * At close: every held deposit but the winner's is refunded through its provider, and payments
 * never completed are given up. The winner's stays held until the hammer order settles.
 */
export async function releaseDeposits(
  trx: Database,
  deps: Deps,
  auctionId: string,
  winnerUserId: string | null,
) {
  let held = trx
    .selectFrom('auctionDeposits')
    .select(['id', 'provider', 'providerRef', 'amountFen'])
    .where('auctionId', '=', auctionId)
    .where('status', '=', 'held');
  if (winnerUserId) held = held.where('buyerUserId', '!=', winnerUserId);
  for (const deposit of await held.forUpdate().execute()) await refundDeposit(trx, deps, deposit);
  const givenUp = await trx
    .updateTable('auctionDeposits')
    .set({ status: 'failed', settledAt: sql<Date>`now()` })
    .where('auctionId', '=', auctionId)
    .where('status', '=', 'pending')
    .returning(['id', 'auctionId', 'amountFen', 'status'])
    .execute();
  for (const deposit of givenUp) {
    await auditDeposit(trx, 'auction_deposit.failed', deposit, { actorUserId: null, actorTokenId: null });
  }
}

async function refundDeposit(
  trx: Database,
  deps: Deps,
  deposit: { id: string; provider: string; providerRef: string | null; amountFen: number },
  also: UpdateObject<DB, 'auctionDeposits'> = {},
) {
  const refund = await paymentProvider(deps, deposit.provider).refund({
    paymentId: deposit.id,
    providerRef: deposit.providerRef,
    amountFen: deposit.amountFen,
  });
  await setDeposit(trx, deposit.id, {
    ...also,
    status: 'refunded',
    settledAt: sql<Date>`now()`,
    refundRef: refund.refundRef,
  });
}

const PAID_STATUSES = ['paid', 'shipped', 'delivered', 'completed', 'refund_requested', 'refunded'] as const;

/**
 * The winner's deposit, once the hammer order is settled: refunded when it was paid, forfeited
 * to the seller when it was cancelled (the payment timed out or the winner withdrew). Run by the
 * auction sweeper; returns how many deposits it settled.
 */
export async function settleWinnerDeposits(deps: Deps, limit = 500) {
  const due = await deps.db
    .selectFrom('auctionDeposits')
    .innerJoin('auctions', 'auctions.id', 'auctionDeposits.auctionId')
    .innerJoin('orders', 'orders.id', 'auctions.winnerOrderId')
    .select(['auctionDeposits.id', 'orders.status'])
    .where('auctionDeposits.status', '=', 'held')
    .where('auctions.closedAt', 'is not', null)
    .where('orders.status', 'in', [...PAID_STATUSES, 'cancelled'])
    .limit(limit)
    .execute();
  let settled = 0;
  for (const { id, status } of due) {
    await deps.db.transaction().execute(async (trx) => {
      const deposit = await trx
        .selectFrom('auctionDeposits')
        .select(['id', 'provider', 'providerRef', 'amountFen'])
        .where('id', '=', id)
        .where('status', '=', 'held')
        .forUpdate()
        .executeTakeFirst();
      if (!deposit) return;
      if (status === 'cancelled') {
        await setDeposit(trx, id, { status: 'forfeited', settledAt: sql<Date>`now()` });
      } else {
        await refundDeposit(trx, deps, deposit);
      }
      settled++;
    });
  }
  return settled;
}
