import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { recordAudit } from '../audit/repository';
import { type HoldReleaseCause, releaseHold, type Tx } from '../orders/holds';

/**
 * A sale that is over (ended early, or past its end) gives its unsold rest back to the listing,
 * exactly once: `stock_returned_at` is set in the same UPDATE that zeroes `remaining`, and the
 * sale's hold is released in the ledger (a second release finds it released). A cancelled flash
 * order racing with it locks the same sale row first, so the row lock orders them. The audit entry
 * is the caller's who ended it early, else the system's (its time ran out, or its session ended).
 * Returns the quantity given back, or null when there was nothing to do.
 */
export async function returnUnsoldStock(
  trx: Tx,
  saleId: string,
  now: Date = new Date(),
  cause: HoldReleaseCause = 'sale_ended',
) {
  const sale = await trx
    .updateTable('flashSales')
    .set({
      stockReturnedAt: now,
      returnedQuantity: sql`remaining`,
      remaining: 0,
      endedAt: sql`coalesce(ended_at, least(ends_at, ${now}::timestamptz))`,
      endCause: sql`coalesce(end_cause, 'schedule')`,
    })
    .where('id', '=', saleId)
    .where('stockReturnedAt', 'is', null)
    .where((eb) => eb.or([eb('endedAt', 'is not', null), eb('endsAt', '<=', now)]))
    .returning(['listingId', 'returnedQuantity', 'sellerOrgId', 'endCause'])
    .executeTakeFirst();
  if (!sale) return null;
  await releaseHold(trx, { kind: 'flash_sale', holderId: saleId }, 'returned', cause);
  await recordAudit(trx, {
    action: 'flash_sale.ended',
    ...(sale.endCause === 'stage' ? {} : { actorUserId: null, actorTokenId: null }),
    organizationId: sale.sellerOrgId,
    targetType: 'flash_sale',
    targetId: saleId,
    details: { listingId: sale.listingId, endCause: sale.endCause, returnedQuantity: sale.returnedQuantity },
  });
  return sale.returnedQuantity ?? 0;
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
