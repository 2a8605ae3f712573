import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { paymentProvider } from '../payments/providers';
import { lockSucceededPayment } from '../payments/repository';
import { undoSoldCount } from './deal';
import { releaseOrderStock } from './stock';
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
      note: `${shipment.carrier ?? 'tracking'} ${shipment.trackingNumber}`,
      set: { trackingNumber: shipment.trackingNumber, carrier: shipment.carrier ?? null },
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
      note: 'refund approved',
    });
    const payment = await lockSucceededPayment(trx, orderId);
    if (payment) {
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
    await undoSoldCount(trx, before);
    if (before.refundFromStatus === 'paid') await releaseOrderStock(trx, before);
  });
}
