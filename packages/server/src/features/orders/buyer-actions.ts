import { RETURN_WINDOW_DAYS } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { unprocessable } from '../../http/errors';
import { refundCauseColumns } from './refund-cause';
import { returnWindowEndsAt } from './serialize';
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
 * A refund before shipping, or a 7-day no-reason return (七天无理由退货) after delivery. Custom-made
 * goods are exempt from no-reason returns; after the window closes only the seller can help.
 */
export async function requestRefund(deps: Deps, buyerUserId: string, orderId: string, reason: string) {
  await deps.db.transaction().execute((trx) =>
    transitionOrder(trx, { buyerUserId }, orderId, 'refund_requested', buyer(buyerUserId), {
      note: reason,
      set: { refundReason: reason, ...refundCauseColumns({ kind: 'buyer' }) },
      check: (order) => {
        if (order.status !== 'delivered') return;
        if (order.customMade) {
          throw unprocessable('custom-made goods cannot be returned without a reason', {
            reason: 'custom_made',
          });
        }
        const windowEnd = returnWindowEndsAt(order);
        if (!windowEnd || windowEnd.getTime() < Date.now()) {
          throw unprocessable(`the ${RETURN_WINDOW_DAYS}-day return window has closed`, {
            reason: 'return_window_closed',
            returnWindowEndsAt: windowEnd?.toISOString() ?? null,
          });
        }
      },
    }).then(async ({ before }) => {
      await trx
        .updateTable('orders')
        .set({ refundFromStatus: before.status })
        .where('id', '=', orderId)
        .execute();
    }),
  );
}
