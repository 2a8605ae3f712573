import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  publishedListing,
  sweepDeps,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectLedgerConsistent } from '../support/holds';
import { recordingLivekit } from '../support/recording-livekit';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
const livekit = recordingLivekit();
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId } = await liveSaleWorld(database.db, {
    ...livekit.gateway,
    deleteRoom: async () => {},
  }));
});

afterAll(async () => {
  await database?.drop();
});

interface Attempt {
  kind: 'buy_now' | 'start_flash_sale' | 'grab' | 'start_auction' | 'bid' | 'hammer';
  status: number;
  reason: string | null;
}

const answer = (kind: Attempt['kind'], response: { status: number; json: any }): Attempt => ({
  kind,
  status: response.status,
  reason: response.json?.error?.details?.reason ?? null,
});

function buyNow(buyer: Session, listingId: string, sessionId?: string) {
  return call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey(), liveSessionId: sessionId },
  });
}

function startFlashSale(sessionId: string, quantity = 1) {
  return call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
    session: world.seller.hostSession,
    body: { quantity, priceFen: 699_00, durationSeconds: 600, perBuyerLimit: 1 },
  });
}

function startAuction(sessionId: string) {
  return call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
    session: world.seller.hostSession,
    body: { startPriceFen: 100_00, durationSeconds: 300 },
  });
}

async function listingOrders(listingId: string) {
  return database.db
    .selectFrom('orders')
    .select(['id', 'status', 'flashSaleId', 'auctionId'])
    .where('listingId', '=', listingId)
    .execute();
}

/**
 * One round of the race on a one-of-a-kind certified piece pinned in two live rooms: 50 attempts
 * at once — 18 buy-nows, a flash sale and an auction started in each room, 7 grabs on each sale
 * and 6 bids plus the hammer on each auction as soon as it exists.
 */
async function raceOnce(buyers: Session[]) {
  const listingId = await publishedListing(app, world, { stock: 1, priceFen: 1_000_00 });
  const rooms = [
    await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId),
    await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId),
  ];
  let next = 0;
  const buyer = () => buyers[next++ % buyers.length] as Session;
  const attempts: Promise<Attempt[]>[] = [];
  for (let i = 0; i < 18; i++) {
    attempts.push(buyNow(buyer(), listingId, rooms[i % 2]).then((r) => [answer('buy_now', r)]));
  }
  for (const room of rooms) {
    const grabbers = Array.from({ length: 7 }, buyer);
    attempts.push(
      startFlashSale(room).then(async (started) => {
        const grabs = grabbers.map((who) =>
          started.status === 201
            ? call(app, 'POST', `/api/flash-sales/${started.json.id}/grab`, {
                session: who,
                body: { idempotencyKey: idempotencyKey() },
              }).then((r) => answer('grab', r))
            : // The sale never started: the buyer's tap finds nothing to grab.
              Promise.resolve<Attempt>({ kind: 'grab', status: 404, reason: null }),
        );
        return [answer('start_flash_sale', started), ...(await Promise.all(grabs))];
      }),
    );
    const bidders = Array.from({ length: 6 }, buyer);
    attempts.push(
      startAuction(room).then(async (started) => {
        if (started.status !== 201) {
          const none = [...bidders.map(() => 'bid' as const), 'hammer' as const].map(
            (kind): Attempt => ({ kind, status: 404, reason: null }),
          );
          return [answer('start_auction', started), ...none];
        }
        const auctionId = started.json.auction.id;
        const bids = await Promise.all(
          bidders.map((who, i) =>
            call(app, 'POST', `/api/auctions/${auctionId}/bids`, {
              session: who,
              body: { amountFen: 100_00 + i * 1_000_00, idempotencyKey: idempotencyKey() },
            }).then((r) => answer('bid', r)),
          ),
        );
        const hammer = await call(app, 'POST', `/api/auctions/${auctionId}/close-now`, {
          session: world.seller.hostSession,
        });
        return [answer('start_auction', started), ...bids, answer('hammer', hammer)];
      }),
    );
  }
  const results = (await Promise.all(attempts)).flat();
  return { listingId, rooms, results };
}

describe('one piece, one sale: the race', () => {
  it('50 concurrent buy-nows, flash grabs, bids and hammers on one certified piece make exactly one sale, 5 times over', async () => {
    const buyers = await Promise.all(Array.from({ length: 30 }, () => buyerSession(database.db)));
    for (let round = 0; round < 5; round++) {
      const { listingId, rooms, results } = await raceOnce(buyers);
      expect(results).toHaveLength(50);
      // Exactly one way of selling the piece got it: a buy-now order, a flash sale or an auction.
      const holders = results.filter(
        (r) => r.status === 201 && ['buy_now', 'start_flash_sale', 'start_auction'].includes(r.kind),
      );
      expect(holders, JSON.stringify(results)).toHaveLength(1);
      for (const refused of results.filter((r) => r.status >= 400 && r.status !== 404)) {
        expect([409, 422], JSON.stringify(refused)).toContain(refused.status);
        expect(refused.reason, JSON.stringify(refused)).not.toBeNull();
      }
      const live = (await listingOrders(listingId)).filter((order) => order.status !== 'cancelled');
      expect(live, JSON.stringify(results)).toHaveLength(1);
      const counter = await expectLedgerConsistent(database.db, listingId);
      expect(counter).toMatchObject({ capacity: 1, held: 1, sold: 0, stock: 0 });

      // The buyer never pays: the piece comes back once, through whichever way it was sold.
      await sweepCommerce(sweepDeps(database.db), new Date(Date.now() + 2 * HOUR_MS));
      for (const room of rooms) {
        const ended = await call(app, 'POST', `/api/live/sessions/${room}/end`, {
          session: world.seller.hostSession,
        });
        expect(ended.status, ended.text).toBe(200);
      }
      await sweepCommerce(sweepDeps(database.db), new Date(Date.now() + 2 * HOUR_MS));
      expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({
        capacity: 1,
        held: 0,
        sold: 0,
        stock: 1,
      });
    }
  }, 120_000);
});

describe('one piece, one sale: holds', () => {
  it('an expired order gives its piece back exactly once, however many sweeps run', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const buyer = await buyerSession(database.db);
    const ordered = await buyNow(buyer, listingId);
    expect(ordered.status, ordered.text).toBe(201);
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({ stock: 0, held: 1 });

    const later = new Date(Date.now() + 2 * HOUR_MS);
    const twins = await Promise.all([0, 1, 2].map(() => sweepCommerce(sweepDeps(database.db), later)));
    const again = await sweepCommerce(sweepDeps(database.db), later);
    const cancelled = [...twins, again].reduce((total, report) => total + report.ordersCancelled, 0);
    expect(cancelled).toBe(1);
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({
      capacity: 1,
      held: 0,
      stock: 1,
    });
    const hold = await database.db
      .selectFrom('listingHolds')
      .select(['releasedAs', 'releaseCause'])
      .where('holderId', '=', ordered.json.id)
      .executeTakeFirstOrThrow();
    expect(hold).toEqual({ releasedAs: 'returned', releaseCause: 'payment_timed_out' });
  });

  it('PostgreSQL itself refuses a hold past the certificate and un-releasing a hold', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const buyer = await buyerSession(database.db);
    const ordered = await buyNow(buyer, listingId);
    expect(ordered.status, ordered.text).toBe(201);
    await expect(
      sql`
        insert into listing_holds (listing_id, kind, holder_id, quantity)
        values (${listingId}, 'order', gen_random_uuid(), 1)`.execute(database.db),
    ).rejects.toMatchObject({ code: '23514' });
    // Writing the free count by hand moves the capacity, but the certificate covers one piece:
    // a second order is still refused, by the database.
    await database.db.updateTable('listings').set({ stock: 1 }).where('id', '=', listingId).execute();
    const second = await buyNow(await buyerSession(database.db), listingId);
    expect(second.status, second.text).toBe(409);
    expect(second.json.error.details.reason).toBe('out_of_stock');

    const cancelled = await call(app, 'POST', `/api/orders/${ordered.json.id}/cancel`, { session: buyer });
    expect(cancelled.status, cancelled.text).toBe(200);
    await expect(
      sql`
        update listing_holds set released_at = null, released_as = null, release_cause = null
        where holder_id = ${ordered.json.id}`.execute(database.db),
    ).rejects.toMatchObject({ code: 'JL409' });
    await expect(
      sql`delete from listing_holds where holder_id = ${ordered.json.id}`.execute(database.db),
    ).rejects.toMatchObject({ code: 'JL409' });
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({
      capacity: 2,
      held: 0,
      stock: 2,
      certified: 1,
    });
  });

  it("a grab's pieces move from the sale's hold uncounted; any other shrink of that hold is still booked", async () => {
    const listingId = await publishedListing(app, world, { stock: 3 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const sale = await startFlashSale(sessionId, 2);
    expect(sale.status, sale.text).toBe(201);
    const saleHold = await database.db
      .selectFrom('listingHolds')
      .select('id')
      .where('kind', '=', 'flash_sale')
      .where('holderId', '=', sale.json.id)
      .executeTakeFirstOrThrow();
    const counted = async (db: typeof database.db) =>
      (
        await sql<{ held: number; stock: number; saleHeld: number }>`
          select s.held, l.stock, (select quantity from listing_holds where id = ${saleHold.id}) as "saleHeld"
          from listing_stock s join listings l on l.id = s.listing_id where s.listing_id = ${listingId}`.execute(
          db,
        )
      ).rows[0];
    expect(await counted(database.db)).toEqual({ held: 2, stock: 1, saleHeld: 2 });

    const rolledBack = new Error('roll back');
    await expect(
      database.db.transaction().execute(async (trx) => {
        // An order's hold sourced from the sale's hold: the piece moves, held stays.
        await sql`
          insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
          values (${listingId}, 'order', gen_random_uuid(), 1, ${saleHold.id})`.execute(trx);
        expect(await counted(trx)).toEqual({ held: 2, stock: 1, saleHeld: 1 });
        // The marker the insert trigger sets does not excuse a shrink written directly.
        await sql`select set_config('jl.hold_transfer', ${`${saleHold.id}:1`}, true)`.execute(trx);
        await sql`update listing_holds set quantity = quantity - 1 where id = ${saleHold.id}`.execute(trx);
        expect(await counted(trx)).toEqual({ held: 1, stock: 2, saleHeld: 0 });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    // More than the sale holds cannot move.
    await expect(
      sql`
        insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
        values (${listingId}, 'order', gen_random_uuid(), 3, ${saleHold.id})`.execute(database.db),
    ).rejects.toMatchObject({ code: '23514' });
    // Once the sale is over and its hold released, nothing moves from it.
    const ended = await call(app, 'POST', `/api/flash-sales/${sale.json.id}/end`, {
      session: world.seller.hostSession,
    });
    expect(ended.status, ended.text).toBe(200);
    await expect(
      sql`
        insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
        values (${listingId}, 'order', gen_random_uuid(), 1, ${saleHold.id})`.execute(database.db),
    ).rejects.toMatchObject({ code: 'JL409' });
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({ held: 0, stock: 3 });
  });

  it('while an auction holds a piece, buy-now and a flash sale of it are refused (409 auction_running)', async () => {
    const listingId = await publishedListing(app, world, { stock: 2, priceFen: 1_000_00 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const auction = await startAuction(sessionId);
    expect(auction.status, auction.text).toBe(201);

    // A piece is still free, but it is the same listing under the hammer.
    const bought = await buyNow(await buyerSession(database.db), listingId, sessionId);
    expect(bought.status, bought.text).toBe(409);
    expectErrorShape(bought.json, 'CONFLICT');
    expect(bought.json.error.details).toEqual({ reason: 'auction_running' });

    const other = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const flash = await startFlashSale(other);
    expect(flash.status, flash.text).toBe(409);
    expect(flash.json.error.details).toEqual({ reason: 'auction_running' });

    // Once the auction is over (no bid: unsold), the piece is for sale again.
    const closed = await call(app, 'POST', `/api/auctions/${auction.json.auction.id}/close-now`, {
      session: world.seller.hostSession,
    });
    expect(closed.status, closed.text).toBe(200);
    expect((await buyNow(await buyerSession(database.db), listingId)).status).toBe(201);
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({ held: 1, stock: 1 });
  });

  it('an auction does not start while a flash sale holds the listing (409 flash_sale_running)', async () => {
    const listingId = await publishedListing(app, world, { stock: 3, priceFen: 1_000_00 });
    const flashRoom = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    expect((await startFlashSale(flashRoom, 2)).status).toBe(201);
    const auctionRoom = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const auction = await startAuction(auctionRoom);
    expect(auction.status, auction.text).toBe(409);
    expect(auction.json.error.details).toEqual({ reason: 'flash_sale_running' });
    expect(await expectLedgerConsistent(database.db, listingId)).toMatchObject({ held: 2, stock: 1 });
  });
});
