import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { recordPriceEvent } from '../listings/repository';
import type { Tx } from './holds';
import { sellOrderStock } from './stock';

/**
 * What a payment makes true for claims: the deal price (the base of 7-day-low comparisons) and the
 * sold count (已售). Counted on payment, not on ordering: an unpaid order is no sale. The pieces
 * the order held are sold in the ledger.
 */
export async function recordDeal(
  trx: Tx,
  order: { id: string; listingId: string; unitPriceFen: number; quantity: number },
) {
  await recordPriceEvent(trx, {
    listingId: order.listingId,
    kind: 'deal',
    priceFen: order.unitPriceFen,
    quantity: order.quantity,
    source: `order:${order.id}`,
  });
  await trx
    .updateTable('listings')
    .set({ soldCount: sql`sold_count + ${order.quantity}` })
    .where('id', '=', order.listingId)
    .execute();
  await sellOrderStock(trx, order.id);
}

/** A refunded sale did not stand: it no longer counts as sold. The deal price stays on record. */
export async function undoSoldCount(trx: Database, order: { listingId: string; quantity: number }) {
  await trx
    .updateTable('listings')
    .set({ soldCount: sql`greatest(sold_count - ${order.quantity}, 0)` })
    .where('id', '=', order.listingId)
    .execute();
}
