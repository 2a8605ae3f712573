import { sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * A sale that is over (ended early, or past its end) gives its unsold rest back to the listing,
 * exactly once: `stock_returned_at` is set in the same UPDATE that zeroes `remaining`, and a
 * cancelled flash order racing with it updates the same row, so the row lock orders them.
 * Returns the quantity given back, or null when there was nothing to do.
 */
export async function returnUnsoldStock(trx: Database, saleId: string, now: Date = new Date()) {
  const sale = await trx
    .updateTable('flashSales')
    .set({
      stockReturnedAt: now,
      returnedQuantity: sql`remaining`,
      remaining: 0,
      endedAt: sql`coalesce(ended_at, least(ends_at, ${now}::timestamptz))`,
    })
    .where('id', '=', saleId)
    .where('stockReturnedAt', 'is', null)
    .where((eb) => eb.or([eb('endedAt', 'is not', null), eb('endsAt', '<=', now)]))
    .returning(['listingId', 'returnedQuantity'])
    .executeTakeFirst();
  if (!sale) return null;
  const returned = sale.returnedQuantity ?? 0;
  await trx
    .updateTable('listings')
    .set({
      stock: sql`stock + ${returned}`,
      // Reserved stock left the listing at 0 without marking it sold out; settle that now.
      status: sql`case
        when status = 'published' and stock + ${returned} = 0 then 'sold_out'
        when status = 'sold_out' and stock + ${returned} > 0 then 'published'
        else status end`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', sale.listingId)
    .execute();
  return returned;
}

/** Sales of one session that are over but still hold stock. */
export async function overSalesOfSession(trx: Database, sessionId: string) {
  const rows = await trx
    .selectFrom('flashSales')
    .select('id')
    .where('sessionId', '=', sessionId)
    .where('stockReturnedAt', 'is', null)
    .where((eb) => eb.or([eb('endedAt', 'is not', null), eb('endsAt', '<=', sql<Date>`now()`)]))
    .execute();
  return rows.map((row) => row.id);
}
