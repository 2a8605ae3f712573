import { RETURN_WINDOW_DAYS } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { runPeriodically, withAdvisoryLock } from '../../lib/periodic';
import { announceFlashSale } from '../flash-sales/announce';
import { returnUnsoldStock } from '../flash-sales/stock';
import { announceStockChange } from '../live/listing-events';
import { sweepReturns } from '../returns/sweep';
import { commerceConfig, DEFAULT_COMMERCE_CONFIG } from './config';
import { releaseOrderStock } from './stock';
import { transitionOrder } from './transitions';

/** One key for the whole cluster: only one API instance sweeps at a time. */
const SWEEP_LOCK_KEY = 0x6a6c_636d; // 'jlcm'
const BATCH = 500;
const IDEMPOTENCY_KEYS_KEPT_DAYS = 7;

export interface CommerceSweepReport {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  ordersCancelled: number;
  flashSalesClosed: number;
  /** Shipped orders whose buyer did not confirm receipt in time, confirmed by the system. */
  receiptsConfirmed: number;
  ordersCompleted: number;
  /** Returns a seller left unanswered for 48 h (agreed), and refused ones the buyer let lapse (completed). */
  returnsAutoApproved: number;
  returnsLapsed: number;
}

/** `config` sets the receipt window (RECEIPT_AUTO_CONFIRM_DAYS); without it, the default. */
type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'> & Partial<Pick<AppDeps, 'config'>>;
const system = { actor: 'system' as const, userId: null };

/**
 * The periodic work of orders, under a PostgreSQL advisory lock: unpaid orders past their
 * payment window are cancelled and their stock released; flash sales that are over give their
 * unsold rest back to the listing; shipped orders nobody confirmed within the receipt window are
 * delivered; delivered orders whose return window closed complete.
 * `now` is a parameter so tests can run it with a clock far ahead.
 */
export async function sweepCommerce(deps: Deps, now: Date = new Date()): Promise<CommerceSweepReport> {
  const report: CommerceSweepReport = {
    ran: false,
    ordersCancelled: 0,
    flashSalesClosed: 0,
    receiptsConfirmed: 0,
    ordersCompleted: 0,
    returnsAutoApproved: 0,
    returnsLapsed: 0,
  };
  const ran = await withAdvisoryLock(deps.db, SWEEP_LOCK_KEY, async () => {
    report.ordersCancelled = await cancelOverdueOrders(deps, now);
    report.flashSalesClosed = await closeOverFlashSales(deps, now);
    report.receiptsConfirmed = await confirmOverdueReceipts(deps, now);
    report.ordersCompleted = await completeDeliveredOrders(deps, now);
    Object.assign(report, await sweepReturns(deps, now));
    await deps.db
      .deleteFrom('idempotencyKeys')
      .where('createdAt', '<', new Date(now.getTime() - IDEMPOTENCY_KEYS_KEPT_DAYS * 86_400_000))
      .execute();
    return true;
  });
  return { ...report, ran: ran === true };
}

/** Skips an order that moved on (paid meanwhile) instead of failing the sweep. */
async function eachOrder(ids: string[], apply: (id: string) => Promise<unknown>) {
  let done = 0;
  for (const id of ids) {
    try {
      await apply(id);
      done++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return done;
}

async function cancelOverdueOrders(deps: Deps, now: Date) {
  const due = await deps.db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'pending_payment')
    .where('paymentDueAt', '<=', now)
    .orderBy('paymentDueAt')
    .limit(BATCH)
    .execute();
  const touchedSales = new Set<string>();
  const touchedListings = new Set<string>();
  const cancelled = await eachOrder(
    due.map((row) => row.id),
    (id) =>
      deps.db.transaction().execute(async (trx) => {
        const { before } = await transitionOrder(trx, { system: true }, id, 'cancelled', system, {
          cause: { kind: 'payment_timed_out' },
          check: (order) => {
            if (order.paymentDueAt > now) throw new ApiError('CONFLICT', 'not due yet');
          },
        });
        const wentTo = await releaseOrderStock(trx, before, 'payment_timed_out');
        if (wentTo === 'flash_sale' && before.flashSaleId) {
          touchedSales.add(before.flashSaleId);
        } else {
          touchedListings.add(before.listingId);
        }
      }),
  );
  for (const saleId of touchedSales) await announceFlashSale(deps, saleId);
  for (const listingId of touchedListings) await announceStockChange(deps, listingId);
  return cancelled;
}

async function closeOverFlashSales(deps: Deps, now: Date) {
  const over = await deps.db
    .selectFrom('flashSales')
    .select('id')
    .where('stockReturnedAt', 'is', null)
    .where((eb) => eb.or([eb('endedAt', 'is not', null), eb('endsAt', '<=', now)]))
    .limit(BATCH)
    .execute();
  let closed = 0;
  for (const { id } of over) {
    const returned = await deps.db.transaction().execute((trx) => returnUnsoldStock(trx, id, now));
    if (returned === null) continue;
    closed++;
    await announceFlashSale(deps, id, { force: true });
  }
  return closed;
}

async function confirmOverdueReceipts(deps: Deps, now: Date) {
  const days = (deps.config ? commerceConfig(deps.config) : DEFAULT_COMMERCE_CONFIG).receiptAutoConfirmDays;
  const shippedBefore = new Date(now.getTime() - days * 86_400_000);
  const due = await deps.db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'shipped')
    .where('shippedAt', '<=', shippedBefore)
    .orderBy('shippedAt')
    .limit(BATCH)
    .execute();
  return eachOrder(
    due.map((row) => row.id),
    (id) =>
      deps.db.transaction().execute((trx) =>
        transitionOrder(trx, { system: true }, id, 'delivered', system, {
          cause: { kind: 'receipt_auto_confirmed' },
        }),
      ),
  );
}

async function completeDeliveredOrders(deps: Deps, now: Date) {
  const windowStart = new Date(now.getTime() - RETURN_WINDOW_DAYS * 86_400_000);
  const done = await deps.db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'delivered')
    .where('deliveredAt', '<', windowStart)
    .limit(BATCH)
    .execute();
  return eachOrder(
    done.map((row) => row.id),
    (id) =>
      deps.db.transaction().execute((trx) =>
        transitionOrder(trx, { system: true }, id, 'completed', system, {
          cause: { kind: 'return_window_closed' },
        }),
      ),
  );
}

/** Runs `sweepCommerce` every `intervalMs` until stopped; failures are logged, not thrown. */
export function startCommerceSweeper(deps: Deps, intervalMs: number) {
  return runPeriodically(deps.logger, intervalMs, 'commerce sweep failed', () => sweepCommerce(deps));
}
