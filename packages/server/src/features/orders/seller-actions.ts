import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, conflict } from '../../http/errors';
import { hasOpenInspection } from '../inspections/repository';
import { paymentProvider } from '../payments/providers';
import { lockSucceededPayment } from '../payments/repository';
import { undoSoldCount } from './deal';
import { returnSoldStock } from './stock';
import { transitionOrder } from './transitions';

type Deps = Pick<AppDeps, 'db' | 'config'>;
const seller = (userId: string | null) => ({ actor: 'seller' as const, userId });

export async function shipOrder(
  deps: Deps,
  sellerOrgId: string,
  userId: string | null,
  orderId: string,
  shipment: { trackingNumber: string; carrier?: string },
) {
  await deps.db.transaction().execute((trx) =>
    transitionOrder(trx, { sellerOrgId }, orderId, 'shipped', seller(userId), {
      // The tracking is the order's own (shown with its facts), not repeated in its history.
      cause: { kind: 'shipped' },
      set: { trackingNumber: shipment.trackingNumber, carrier: shipment.carrier ?? null },
      // The buyer asked for 就地检验: the piece waits for the lab's result.
      check: async (order) => {
        if (await hasOpenInspection(trx, order.id)) {
          throw conflict('the piece is waiting for its inspection result', { reason: 'inspection_pending' });
        }
      },
    }),
  );
}

/**
 * Gives the buyer's money back through the provider that took it. The sale no longer counts as
 * sold; goods that never left (refund before shipping) go back into stock, returned goods do not
 * (the seller inspects a returned piece before offering it again).
 */
export async function approveRefund(deps: Deps, sellerOrgId: string, userId: string | null, orderId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const { before } = await transitionOrder(trx, { sellerOrgId }, orderId, 'refunded', seller(userId), {
      cause: { kind: 'refund_approved' },
      // A return reaches `refunded` too, but by its own steps (receipt, arbitration).
      check: (order) => {
        if (order.status !== 'refund_requested') {
          throw conflict(`an order that is ${order.status} cannot be refunded this way`, {
            ...because('invalid_transition', { from: order.status, to: 'refunded' }),
            status: order.status,
          });
        }
      },
    });
    await refundOrderPayment(deps, trx, orderId);
    await undoSoldCount(trx, before);
    if (before.refundFromStatus === 'paid') await returnSoldStock(trx, before.id);
  });
}

/**
 * Gives back the money of the order's succeeded payment, if any, through the provider that took
 * it. Called inside the caller's transaction: a provider failure rolls the refund back whole.
 */
export async function refundOrderPayment(deps: Pick<AppDeps, 'config'>, trx: Database, orderId: string) {
  const payment = await lockSucceededPayment(trx, orderId);
  if (!payment) return;
  const refund = await paymentProvider(deps, payment.provider).refund({
    paymentId: payment.id,
    providerRef: payment.providerRef,
    amountFen: payment.amountFen,
  });
  await trx
    .updateTable('payments')
    .set({ status: 'refunded', refundedAt: sql`now()`, refundRef: refund.refundRef })
    .where('id', '=', payment.id)
    .execute();
}
