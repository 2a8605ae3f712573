import type { AppDeps } from '../../deps';
import { because, conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { lockOrder } from '../orders/repository';
import { paymentProvider } from './providers';
import { findPendingPayment } from './repository';

/**
 * Opens a payment for one of the buyer's unpaid orders (or hands back the one already open), so
 * a double click never opens two. Refused once the payment window has closed, and while the order
 * has no shipping address.
 */
export async function startPayment(
  deps: Pick<AppDeps, 'db' | 'config'>,
  buyerUserId: string,
  orderId: string,
  providerName = 'sandbox',
) {
  const provider = paymentProvider(deps, providerName);
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, { buyerUserId }, orderId);
    if (!order) throw notFound('order');
    if (order.status !== 'pending_payment') {
      throw conflict(
        `an order that is ${order.status} cannot be paid`,
        because('order_not_payable', { status: order.status }),
      );
    }
    if (order.paymentDueAt.getTime() <= Date.now()) {
      throw conflict('the payment window of this order has closed', { reason: 'payment_window_closed' });
    }
    // Nothing is paid for that cannot be shipped: a grab or an auction win asks for it here.
    if (order.shippingAddress === null) {
      throw conflict('choose a shipping address before paying', because('shipping_address_required'));
    }
    const open = await findPendingPayment(trx, order.id);
    if (open) {
      nothingToAudit('the order’s open payment is answered again');
      return open;
    }
    const created = await trx
      .insertInto('payments')
      .values({ orderId: order.id, provider: provider.name, status: 'pending', amountFen: order.totalFen })
      .returning('id')
      .executeTakeFirstOrThrow();
    const registered = await provider.createPayment({
      paymentId: created.id,
      orderId: order.id,
      amountFen: order.totalFen,
    });
    await recordAudit(trx, {
      action: 'payment.started',
      organizationId: order.sellerOrgId,
      targetType: 'order',
      targetId: order.id,
      details: { paymentId: created.id, provider: provider.name, amountFen: order.totalFen },
    });
    return trx
      .updateTable('payments')
      .set({ providerRef: registered.providerRef, payUrl: registered.payUrl })
      .where('id', '=', created.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
