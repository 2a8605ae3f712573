import { sql } from 'kysely';
import { conflict, notFound } from '../../http/errors';
import { forgetSale } from '../flash-sales/snapshot';
import {
  auctionHoldsListing,
  type HoldReleaseCause,
  holdConflict,
  holdRefusal,
  releaseHold,
  resizeHold,
  type Tx,
  unsellHold,
} from './holds';

/**
 * Holds pieces of a published listing for a new order (buy-now). The listing row is locked first
 * (the order every writer of its stock keeps), so the answer names what is left; the database
 * refuses the hold itself when the pieces are not there or an auction holds the listing.
 */
export async function holdForOrder(
  trx: Tx,
  order: { id: string; listingId: string; quantity: number },
): Promise<{ id: string; sellerOrgId: string; priceFen: number; customMade: boolean }> {
  const listing = await trx
    .selectFrom('listings')
    .select(['id', 'sellerOrgId', 'priceFen', 'customMade', 'status', 'stock'])
    .where('id', '=', order.listingId)
    .where('status', 'in', ['published', 'sold_out'])
    .forUpdate()
    .executeTakeFirst();
  if (!listing) throw notFound('listing');
  if (await auctionHoldsListing(trx, order.listingId)) throw holdConflict('auction_running');
  if (listing.status !== 'published' || listing.stock < order.quantity) {
    throw conflict(`only ${listing.stock} left, ${order.quantity} asked for`, {
      reason: 'out_of_stock',
      stock: listing.stock,
    });
  }
  try {
    await trx
      .insertInto('listingHolds')
      .values({ listingId: listing.id, kind: 'order', holderId: order.id, quantity: order.quantity })
      .execute();
  } catch (error) {
    const refusal = holdRefusal(error);
    if (refusal) throw holdConflict(refusal, listing.stock);
    throw error;
  }
  return listing;
}

/**
 * Releases what a cancelled order held, exactly once (the hold row decides: a second release finds
 * it released and gives nothing back). A flash-sale order's piece goes back into its sale while
 * the sale still holds its reservation (the buyer's share is freed too); once the sale returned
 * its unsold rest, the piece goes back on sale. The sale row is locked before the listing, as a
 * grab does. Returns where the piece went, or null when nothing was held.
 */
export async function releaseOrderStock(
  trx: Tx,
  order: { id: string; quantity: number; flashSaleId: string | null; buyerUserId: string },
  cause: HoldReleaseCause,
): Promise<'flash_sale' | 'listing' | null> {
  if (!order.flashSaleId) {
    const released = await releaseHold(trx, { kind: 'order', holderId: order.id }, 'returned', cause);
    return released ? 'listing' : null;
  }
  const sale = await trx
    .selectFrom('flashSales')
    .select(['id', 'stockReturnedAt'])
    .where('id', '=', order.flashSaleId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  const backInSale = sale !== undefined && sale.stockReturnedAt === null;
  const released = await releaseHold(
    trx,
    { kind: 'order', holderId: order.id },
    'returned',
    backInSale ? 'back_to_sale' : cause,
  );
  if (!released) return null;
  await trx
    .updateTable('flashSaleBuyers')
    .set({ quantity: sql`greatest(quantity - ${order.quantity}, 0)` })
    .where('flashSaleId', '=', order.flashSaleId)
    .where('buyerUserId', '=', order.buyerUserId)
    .execute();
  forgetSale(order.flashSaleId);
  if (!backInSale) return 'listing';
  await trx
    .updateTable('flashSales')
    .set({ remaining: sql`remaining + ${order.quantity}`, soldOutAt: null })
    .where('id', '=', order.flashSaleId)
    .execute();
  await resizeHold(trx, { kind: 'flash_sale', holderId: order.flashSaleId }, order.quantity);
  return 'flash_sale';
}

/** A paid order: what it held is sold. Once only, like every release. */
export async function sellOrderStock(trx: Tx, orderId: string) {
  return releaseHold(trx, { kind: 'order', holderId: orderId }, 'sold', 'paid');
}

/** A refunded sale of goods that never left: the pieces go back on sale (once). */
export async function returnSoldStock(trx: Tx, orderId: string) {
  return unsellHold(trx, { kind: 'order', holderId: orderId }, 'returned', 'refunded');
}
