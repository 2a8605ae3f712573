import type { FlashSale, FlashSaleCounts } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';

/** A plain MVCC read: never locks, so sold-out checks and countdowns do not touch the hot row's lock. */
export async function readFlashSale(db: Database, id: string) {
  return db
    .selectFrom('flashSales')
    .innerJoin('liveSessions', 'liveSessions.id', 'flashSales.sessionId')
    .select([
      'flashSales.id',
      'flashSales.sessionId',
      'flashSales.sellerOrgId',
      'flashSales.listingId',
      'flashSales.quantity',
      'flashSales.remaining',
      'flashSales.priceFen',
      'flashSales.perBuyerLimit',
      'flashSales.startsAt',
      'flashSales.endsAt',
      'flashSales.endedAt',
      'flashSales.soldOutAt',
      'flashSales.stockReturnedAt',
      'flashSales.endCause',
      'liveSessions.roomName',
    ])
    .where('flashSales.id', '=', id)
    .executeTakeFirst();
}

export type FlashSaleRow = NonNullable<Awaited<ReturnType<typeof readFlashSale>>>;

export function flashSaleState(sale: FlashSaleRow, now = new Date()): FlashSale['state'] {
  if (sale.endedAt || sale.stockReturnedAt || sale.endsAt.getTime() <= now.getTime()) return 'ended';
  if (sale.startsAt.getTime() > now.getTime()) return 'scheduled';
  return sale.remaining > 0 ? 'running' : 'sold_out';
}

export function toFlashSale(sale: FlashSaleRow, now = new Date()): FlashSale {
  return {
    id: sale.id,
    sessionId: sale.sessionId,
    listingId: sale.listingId,
    quantity: sale.quantity,
    remaining: sale.remaining,
    priceFen: sale.priceFen,
    perBuyerLimit: sale.perBuyerLimit,
    startsAt: iso(sale.startsAt),
    endsAt: iso(sale.endsAt),
    endedAt: isoOrNull(sale.endedAt),
    soldOutAt: isoOrNull(sale.soldOutAt),
    state: flashSaleState(sale, now),
    serverTime: iso(now),
  };
}

/** Orders of one sale of the seller: all of them, the paid ones (not refunded), the cancelled ones. */
export async function countSaleOrders(
  db: Database,
  sellerOrgId: string,
  saleId: string,
): Promise<FlashSaleCounts> {
  const row = await db
    .selectFrom('orders')
    .select([
      sql<number>`count(*)::int`.as('orders'),
      sql<number>`(count(*) filter (where paid_at is not null and status <> 'refunded'))::int`.as('paid'),
      sql<number>`(count(*) filter (where status = 'cancelled'))::int`.as('cancelled'),
    ])
    .where('sellerOrgId', '=', sellerOrgId)
    .where('flashSaleId', '=', saleId)
    .executeTakeFirstOrThrow();
  return row;
}
