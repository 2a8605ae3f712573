import type { ShippingAddress } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, notFound, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { lockOrder } from '../orders/repository';
import { findAddress, type Tx } from './repository';
import { snapshotOf } from './service';

/** A snapshot of one of the buyer's own addresses; another buyer's id is refused like a missing one. */
export async function shippingSnapshot(trx: Tx, buyerUserId: string, addressId: string) {
  const row = await findAddress(trx, buyerUserId, addressId);
  if (!row) throw unprocessable('that address is not in your address book', { field: 'addressId' });
  return snapshotOf(row);
}

export async function writeShippingAddress(trx: Tx, orderId: string, address: ShippingAddress) {
  await trx
    .updateTable('orders')
    .set({ shippingAddress: JSON.stringify(address) })
    .where('id', '=', orderId)
    .execute();
}

/**
 * Chooses where an unpaid order ships (a flash-sale grab or an auction win is made without
 * asking; a buy-now may change its mind before paying). Once paid, the address is the shop's to
 * ship to and stays as it was.
 */
export async function setOrderShippingAddress(
  deps: Pick<AppDeps, 'db'>,
  buyerUserId: string,
  orderId: string,
  addressId: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, { buyerUserId }, orderId);
    if (!order) throw notFound('order');
    if (order.status !== 'pending_payment') {
      throw conflict(
        `the address of an order that is ${order.status} cannot change`,
        because('shipping_address_locked', { status: order.status }),
      );
    }
    const address = await shippingSnapshot(trx, buyerUserId, addressId);
    await writeShippingAddress(trx, orderId, address);
    await recordAudit(trx, {
      action: 'order.shipping_address_set',
      organizationId: order.sellerOrgId,
      targetType: 'order',
      targetId: orderId,
      // The place only: the recipient's name, mobile and street stay on the order.
      details: {
        addressId,
        region: `${address.provinceName}${address.cityName}${address.districtName ?? ''}`,
      },
    });
  });
}
