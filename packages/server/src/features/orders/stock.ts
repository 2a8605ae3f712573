import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { forgetSale } from '../flash-sales/snapshot';

/**
 * Takes stock for an ordinary order in one conditional UPDATE (no oversell: the row lock
 * serialises buyers and `stock >= quantity` is rechecked on the latest version). The last piece
 * marks the listing sold out.
 */
export async function takeListingStock(trx: Database, listingId: string, quantity: number) {
  return trx
    .updateTable('listings')
    .set({
      stock: sql`stock - ${quantity}`,
      status: sql`case when stock - ${quantity} = 0 then 'sold_out' else status end`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', listingId)
    .where('status', '=', 'published')
    .where('stock', '>=', quantity)
    .returning(['id', 'sellerOrgId', 'priceFen', 'customMade', 'stock'])
    .executeTakeFirst();
}

/** Puts pieces back on the listing; a listing sold out by orders goes back on sale. */
export async function returnListingStock(trx: Database, listingId: string, quantity: number) {
  await trx
    .updateTable('listings')
    .set({
      stock: sql`stock + ${quantity}`,
      status: sql`case when status = 'sold_out' then 'published' else status end`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', listingId)
    .execute();
}

/**
 * Releases what a cancelled order held. A flash-sale order goes back into its sale while the sale
 * still holds its reservation (the buyer's share is freed too); once the sale returned its unsold
 * rest to the listing, the piece goes to the listing directly. Both paths update the sale row,
 * so the row lock decides which one applies and nothing is returned twice.
 */
export async function releaseOrderStock(
  trx: Database,
  order: { listingId: string; quantity: number; flashSaleId: string | null; buyerUserId: string },
): Promise<'flash_sale' | 'listing'> {
  if (order.flashSaleId) {
    const backInSale = await trx
      .updateTable('flashSales')
      .set({ remaining: sql`remaining + ${order.quantity}`, soldOutAt: null })
      .where('id', '=', order.flashSaleId)
      .where('stockReturnedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    await trx
      .updateTable('flashSaleBuyers')
      .set({ quantity: sql`greatest(quantity - ${order.quantity}, 0)` })
      .where('flashSaleId', '=', order.flashSaleId)
      .where('buyerUserId', '=', order.buyerUserId)
      .execute();
    forgetSale(order.flashSaleId);
    if (backInSale) return 'flash_sale';
  }
  await returnListingStock(trx, order.listingId, order.quantity);
  return 'listing';
}
