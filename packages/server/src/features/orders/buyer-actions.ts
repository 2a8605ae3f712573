import type { AppDeps } from '../../deps';
import { refundCauseColumns } from './refund-cause';
import { releaseOrderStock } from './stock';
import { transitionOrder } from './transitions';

type Deps = Pick<AppDeps, 'db'>;
const buyer = (userId: string) => ({ actor: 'buyer' as const, userId });

/** An unpaid order the buyer no longer wants: its stock goes back on sale. */
export async function cancelUnpaidOrder(deps: Deps, buyerUserId: string, orderId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const { before } = await transitionOrder(trx, { buyerUserId }, orderId, 'cancelled', buyer(buyerUserId), {
      cause: { kind: 'buyer_cancelled' },
    });
    await releaseOrderStock(trx, before, 'cancelled');
  });
}

export async function confirmDelivery(deps: Deps, buyerUserId: string, orderId: string) {
  await deps.db
    .transaction()
    .execute((trx) => transitionOrder(trx, { buyerUserId }, orderId, 'delivered', buyer(buyerUserId)));
}

/**
 * A refund before shipping: the piece never left, so the seller's approval gives the money back
 * and the stock returns. After delivery a no-reason return is its own workflow (`features/returns`).
 */
export async function requestRefund(deps: Deps, buyerUserId: string, orderId: string, reason: string) {
  await deps.db.transaction().execute((trx) =>
    transitionOrder(trx, { buyerUserId }, orderId, 'refund_requested', buyer(buyerUserId), {
      note: reason,
      set: { refundReason: reason, ...refundCauseColumns({ kind: 'buyer' }), refundFromStatus: 'paid' },
    }),
  );
}
