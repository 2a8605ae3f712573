import type { Database } from '../../db/database';
import type { Tx } from '../orders/holds';

export async function insertReturn(
  trx: Tx,
  row: { orderId: string; reason: string; photoIds: string[]; requestedAt: Date; respondBy: Date },
) {
  await trx.insertInto('orderReturns').values(row).execute();
}

export async function findReturn(db: Database, orderId: string) {
  return db.selectFrom('orderReturns').selectAll().where('orderId', '=', orderId).executeTakeFirst();
}

export type ReturnRow = NonNullable<Awaited<ReturnType<typeof findReturn>>>;

/** The return row of an order already locked by the caller's transition. */
export async function updateReturn(
  trx: Tx,
  orderId: string,
  set: Partial<Omit<ReturnRow, 'orderId' | 'reason' | 'photoIds' | 'requestedAt' | 'respondBy'>>,
) {
  await trx.updateTable('orderReturns').set(set).where('orderId', '=', orderId).execute();
}

/** Returns waiting for the platform, oldest first, with both parties' names. */
export async function listArbitrationCases(db: Database) {
  return db
    .selectFrom('orders')
    .innerJoin('orderReturns', 'orderReturns.orderId', 'orders.id')
    .innerJoin('listings', 'listings.id', 'orders.listingId')
    .innerJoin('users as buyers', 'buyers.id', 'orders.buyerUserId')
    .innerJoin('organizations as sellers', 'sellers.id', 'orders.sellerOrgId')
    .selectAll('orderReturns')
    .select([
      'orders.totalFen',
      'listings.title as listingTitle',
      'buyers.displayName as buyerName',
      'sellers.name as sellerName',
    ])
    .where('orders.status', '=', 'return_arbitration')
    .orderBy('orderReturns.escalatedAt')
    .orderBy('orderReturns.damageReportedAt')
    .limit(200)
    .execute();
}

/** Orders whose seller let the answer deadline pass, or whose refused buyer let theirs pass. */
export async function dueReturns(db: Database, now: Date, limit: number) {
  const [unanswered, lapsed] = await Promise.all([
    db
      .selectFrom('orderReturns')
      .innerJoin('orders', 'orders.id', 'orderReturns.orderId')
      .select('orderReturns.orderId')
      .where('orders.status', '=', 'return_requested')
      .where('orderReturns.respondBy', '<=', now)
      .limit(limit)
      .execute(),
    db
      .selectFrom('orderReturns')
      .innerJoin('orders', 'orders.id', 'orderReturns.orderId')
      .select('orderReturns.orderId')
      .where('orders.status', '=', 'return_refused')
      .where('orderReturns.escalateBy', '<=', now)
      .limit(limit)
      .execute(),
  ]);
  return { unanswered: unanswered.map((row) => row.orderId), lapsed: lapsed.map((row) => row.orderId) };
}
