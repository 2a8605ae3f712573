import type { Database } from '@jadelive/server/db/database';
import { expect } from 'vitest';

/**
 * The listing's ledger as PostgreSQL keeps it, checked against itself and against what holds it:
 * the counter row equals the sum of the holds, the free stock is what is left of the capacity, the
 * certificate is never exceeded, and every hold still held belongs to something that still holds
 * (an unpaid order, an open sale with that many pieces left, an open auction) — and the other way
 * round. Returns the counter row.
 */
export async function expectLedgerConsistent(db: Database, listingId: string) {
  const counter = await db
    .selectFrom('listingStock')
    .innerJoin('listings', 'listings.id', 'listingStock.listingId')
    .select(['capacity', 'held', 'sold', 'certified', 'listings.stock'])
    .where('listingId', '=', listingId)
    .executeTakeFirstOrThrow();
  const holds = await db.selectFrom('listingHolds').selectAll().where('listingId', '=', listingId).execute();
  const active = holds.filter((hold) => hold.releasedAt === null);
  const sum = (rows: typeof holds) => rows.reduce((total, hold) => total + hold.quantity, 0);
  expect(counter.held, 'held = the holds not released').toBe(sum(active));
  expect(counter.sold, 'sold = the holds released as sold').toBe(
    sum(holds.filter((hold) => hold.releasedAs === 'sold')),
  );
  expect(counter.stock, 'free = capacity − held − sold').toBe(counter.capacity - counter.held - counter.sold);
  expect(counter.held + counter.sold).toBeLessThanOrEqual(counter.capacity);
  if (counter.certified !== null) expect(counter.held + counter.sold).toBeLessThanOrEqual(counter.certified);

  const orders = await db
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('listingId', '=', listingId)
    .execute();
  const heldOrders = new Set(active.filter((hold) => hold.kind === 'order').map((hold) => hold.holderId));
  expect([...heldOrders].sort()).toEqual(
    orders
      .filter((order) => order.status === 'pending_payment')
      .map((order) => order.id)
      .sort(),
  );
  const sales = await db
    .selectFrom('flashSales')
    .select(['id', 'remaining', 'stockReturnedAt'])
    .where('listingId', '=', listingId)
    .execute();
  for (const sale of sales) {
    const hold = active.find((row) => row.kind === 'flash_sale' && row.holderId === sale.id);
    if (sale.stockReturnedAt === null)
      expect(hold?.quantity, 'an open sale holds its remaining').toBe(sale.remaining);
    else expect(hold).toBeUndefined();
  }
  const auctions = await db
    .selectFrom('auctions')
    .select(['id', 'closedAt'])
    .where('listingId', '=', listingId)
    .execute();
  for (const auction of auctions) {
    const hold = active.find((row) => row.kind === 'auction' && row.holderId === auction.id);
    expect(hold !== undefined, 'an open auction holds its lot').toBe(auction.closedAt === null);
  }
  return counter;
}
