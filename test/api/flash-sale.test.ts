import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, recordDeal } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  listingFacts,
  liveSaleWorld,
  liveSessionWithPin,
  payOrder,
  publishedListing,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { recordingLivekit } from '../support/recording-livekit';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let staff: Session;
let otherSeller: Session;
const livekit = recordingLivekit();
const sweeper = () => ({ db: database.db, livekit: null, logger: pino({ level: 'silent' }) });

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId, staff, otherSeller } = await liveSaleWorld(database.db, livekit.gateway));
});

afterAll(async () => {
  await database?.drop();
});

interface SaleSetup {
  listingId: string;
  sessionId: string;
  saleId: string;
}

async function startSale(
  options: { stock?: number; quantity?: number; perBuyerLimit?: number; priceFen?: number } = {},
): Promise<SaleSetup> {
  const listingId = await publishedListing(app, world, { stock: options.stock ?? 10, priceFen: 1_000_00 });
  const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
  const created = await call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
    session: world.seller.hostSession,
    body: {
      quantity: options.quantity ?? 7,
      priceFen: options.priceFen ?? 699_00,
      durationSeconds: 600,
      perBuyerLimit: options.perBuyerLimit ?? 1,
    },
  });
  expect(created.status, created.text).toBe(201);
  return { listingId, sessionId, saleId: created.json.id };
}

const grab = (session: Session, saleId: string, key = idempotencyKey()) =>
  call(app, 'POST', `/api/flash-sales/${saleId}/grab`, { session, body: { idempotencyKey: key } });

async function ordersOfSale(saleId: string) {
  return database.db
    .selectFrom('orders')
    .select(['id', 'buyerUserId', 'status', 'unitPriceFen'])
    .where('flashSaleId', '=', saleId)
    .execute();
}

async function remaining(saleId: string) {
  const sale = await database.db
    .selectFrom('flashSales')
    .select(['remaining', 'soldOutAt'])
    .where('id', '=', saleId)
    .executeTakeFirstOrThrow();
  return sale;
}

describe('flash sale: starting', () => {
  it('reserves the flash quantity from the listing and announces the sale in the room', async () => {
    const { listingId, saleId } = await startSale({ stock: 10, quantity: 7 });
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 3, status: 'published' });
    const sale = await call(app, 'GET', `/api/flash-sales/${saleId}`);
    expect(sale.json).toMatchObject({ quantity: 7, remaining: 7, priceFen: 699_00, state: 'running' });
    expect(
      livekit.sent.some((m) => m.payload.type === 'flash_sale.updated' && m.payload.flashSaleId === saleId),
    ).toBe(true);
  });

  it('refuses a flash price that does not beat the current price or the 7-day lowest deal (422)', async () => {
    const listingId = await publishedListing(app, world, { stock: 5, priceFen: 1_000_00 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const attempt = (priceFen: number) =>
      call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
        session: world.seller.session,
        body: { quantity: 2, priceFen, durationSeconds: 60, perBuyerLimit: 1 },
      });
    const notCheaper = await attempt(1_000_00);
    expect(notCheaper.status).toBe(422);
    expectErrorShape(notCheaper.json, 'UNPROCESSABLE');
    await recordDeal(database.db, listingId, 800_00, 3);
    const aboveLowDeal = await attempt(850_00);
    expect(aboveLowDeal.status).toBe(422);
    expect(aboveLowDeal.json.error.details).toMatchObject({
      reason: 'flash_price_not_lower',
      lowestDealPriceFen7d: 800_00,
      listPriceFen: 1_000_00,
    });
    const tooMany = await call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      session: world.seller.session,
      body: { quantity: 6, priceFen: 700_00, durationSeconds: 60, perBuyerLimit: 1 },
    });
    expect(tooMany.status).toBe(422);
    expect((await attempt(799_00)).status).toBe(201);
    const second = await attempt(700_00);
    expect(second.status).toBe(409);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 3 });
  });

  it('only the stage starts sales: staff 403, another seller 404, buyers 403', async () => {
    const listingId = await publishedListing(app, world, { stock: 2 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const body = { quantity: 1, priceFen: 100_00, durationSeconds: 60, perBuyerLimit: 1 };
    const path = `/api/live/sessions/${sessionId}/flash-sales`;
    expect((await call(app, 'POST', path, { session: staff, body })).status).toBe(403);
    const foreign = await call(app, 'POST', path, { session: otherSeller, body });
    expect(foreign.status).toBe(404);
    expectErrorShape(foreign.json, 'NOT_FOUND');
    expect((await call(app, 'POST', path, { session: await buyerSession(database.db), body })).status).toBe(
      403,
    );
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2 });
  });
});

describe('flash sale: grabbing under concurrency', () => {
  it('40 buyers at once on 7 pieces: exactly 7 orders, never more, stock consistent', async () => {
    const { listingId, saleId } = await startSale({ stock: 10, quantity: 7 });
    const buyers = await Promise.all(Array.from({ length: 40 }, () => buyerSession(database.db)));
    const results = await Promise.all(buyers.map((buyer) => grab(buyer, saleId)));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(7);
    // Sign-in look-ups and grabs of the crowd share round trips: each answer is still the caller's.
    results.forEach((result, i) => {
      if (result.status === 201) expect(result.json.buyerUserId).toBe(buyers[i]?.userId);
    });
    for (const refused of results.filter((r) => r.status !== 201)) {
      expect(refused.status, refused.text).toBe(409);
      expect(refused.json.error.details.reason).toBe('sold_out');
    }
    const orders = await ordersOfSale(saleId);
    expect(orders).toHaveLength(7);
    expect(new Set(orders.map((o) => o.buyerUserId)).size).toBe(7);
    expect(orders.every((o) => o.unitPriceFen === 699_00)).toBe(true);
    // Each winner's order opens with the grab as its cause; the losers' went with their orders.
    const opening = await database.db
      .selectFrom('orderEvents')
      .innerJoin('orders', 'orders.id', 'orderEvents.orderId')
      .select(['orderEvents.actor', 'orderEvents.cause', 'orderEvents.causeDetails', 'orderEvents.note'])
      .where('orders.flashSaleId', '=', saleId)
      .execute();
    expect(opening).toEqual(
      Array.from({ length: 7 }, () => ({
        actor: 'buyer',
        cause: 'flash_sale_grab',
        causeDetails: null,
        note: null,
      })),
    );
    expect(await remaining(saleId)).toMatchObject({ remaining: 0 });
    expect((await remaining(saleId)).soldOutAt).not.toBeNull();
    // Listing stock 10 = 3 left on the listing + 7 ordered; ending returns nothing.
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 3 });
    const ended = await call(app, 'POST', `/api/flash-sales/${saleId}/end`, {
      session: world.seller.hostSession,
    });
    expect(ended.status, ended.text).toBe(200);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 3 });
  });

  it('a repeated key returns the same order, also when two identical grabs arrive at once', async () => {
    const { saleId } = await startSale({ quantity: 5, perBuyerLimit: 3 });
    const buyer = await buyerSession(database.db);
    const key = idempotencyKey();
    const first = await grab(buyer, saleId, key);
    const retry = await grab(buyer, saleId, key);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.json.id).toBe(first.json.id);
    // The batch answers with the order it wrote: the same as reading the order afterwards.
    const stored = await call(app, 'GET', `/api/orders/${first.json.id}`, { session: buyer });
    expect(first.json).toEqual(stored.json.order);
    expect(stored.json.events).toEqual([
      {
        fromStatus: null,
        toStatus: 'pending_payment',
        actor: 'buyer',
        actorUserId: buyer.userId,
        cause: { kind: 'flash_sale_grab' },
        note: null,
        occurredAt: expect.any(String),
      },
    ]);
    expect(retry.json).toEqual(first.json);

    const twinKey = idempotencyKey();
    const twins = await Promise.all([grab(buyer, saleId, twinKey), grab(buyer, saleId, twinKey)]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(twins[0]?.json.id).toBe(twins[1]?.json.id);
    expect(await ordersOfSale(saleId)).toHaveLength(2);
    expect((await remaining(saleId)).remaining).toBe(3);
  });

  it('the per-buyer limit holds when one buyer fires many grabs at once', async () => {
    const { saleId } = await startSale({ quantity: 7, perBuyerLimit: 2 });
    const buyer = await buyerSession(database.db);
    const results = await Promise.all(Array.from({ length: 12 }, () => grab(buyer, saleId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.json.error.details.reason === 'limit_reached')).toBe(
      true,
    );
    expect(await ordersOfSale(saleId)).toHaveLength(2);
    expect((await remaining(saleId)).remaining).toBe(5);
  });

  it('sold out answers without touching the sale row; ended sales refuse; buyers only', async () => {
    const { saleId } = await startSale({ quantity: 1 });
    expect((await grab(await buyerSession(database.db), saleId)).status).toBe(201);
    const late = await grab(await buyerSession(database.db), saleId);
    expect(late.status).toBe(409);
    expect(late.json.error.details.reason).toBe('sold_out');
    // Even while something holds the sale row's lock, a sold-out answer does not wait for it.
    await database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('flashSales').select('id').where('id', '=', saleId).forUpdate().execute();
      const started = performance.now();
      const whileLocked = await grab(await buyerSession(database.db), saleId);
      expect(whileLocked.json.error.details.reason).toBe('sold_out');
      expect(performance.now() - started).toBeLessThan(2_000);
    });
    expect((await grab(world.seller.session, saleId)).status).toBe(403);
    expect((await grab(await buyerSession(database.db), '00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});

describe('flash sale: its live session', () => {
  it('once the session has ended, a grab is refused (409 session_ended) and the public reads 404', async () => {
    const { saleId, sessionId } = await startSale({ quantity: 3 });
    const buyer = await buyerSession(database.db);
    expect((await call(app, 'GET', `/api/flash-sales/${saleId}`)).status).toBe(200);
    const ended = await call(app, 'POST', `/api/live/sessions/${sessionId}/end`, {
      session: world.seller.hostSession,
    });
    expect(ended.status, ended.text).toBe(200);

    const late = await grab(buyer, saleId);
    expect(late.status, late.text).toBe(409);
    expectErrorShape(late.json, 'CONFLICT');
    expect(late.json.error.details.reason).toBe('session_ended');
    expect(await ordersOfSale(saleId)).toEqual([]);

    const publicRead = await call(app, 'GET', `/api/flash-sales/${saleId}`);
    expect(publicRead.status).toBe(404);
    expectErrorShape(publicRead.json, 'NOT_FOUND');
    expect((await call(app, 'GET', `/api/flash-sales/${saleId}`, { session: buyer })).status).toBe(404);
    // The seller still sees its own sale, as with its session.
    expect(
      (await call(app, 'GET', `/api/flash-sales/${saleId}`, { session: world.seller.session })).status,
    ).toBe(200);
  });
});

describe('flash sale: payment timeout, end and broadcasts', () => {
  it('an unpaid grab goes back on sale after the flash timeout; a paid one is a deal at the flash price', async () => {
    const { listingId, saleId } = await startSale({ stock: 4, quantity: 2 });
    const [payer, idler] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    const paid = await grab(payer, saleId);
    const unpaid = await grab(idler, saleId);
    expect((await remaining(saleId)).remaining).toBe(0);
    await payOrder(app, payer, paid.json.id);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ soldCount: 1, stock: 2 });

    // The flash timeout is 5 minutes, shorter than an ordinary order's 15.
    await sweepCommerce(sweeper(), new Date(Date.now() + 6 * 60_000));
    const detail = await call(app, 'GET', `/api/orders/${unpaid.json.id}`, { session: idler });
    expect(detail.json.order.status).toBe('cancelled');
    expect(await remaining(saleId)).toEqual({ remaining: 1, soldOutAt: null });
    // The buyer's share is free again: the same buyer may grab once more.
    expect((await grab(idler, saleId)).status).toBe(201);
    // The studio's counters, counted by the server for the stage only.
    const counts = `/api/flash-sales/${saleId}/counts`;
    const studio = await call(app, 'GET', counts, { session: world.seller.hostSession });
    expect(studio.status, studio.text).toBe(200);
    expect(studio.json).toEqual({ orders: 3, paid: 1, cancelled: 1 });
    expect((await call(app, 'GET', counts, { session: otherSeller })).status).toBe(404);
    expect((await call(app, 'GET', counts, { session: staff })).status).toBe(403);
    expect((await call(app, 'GET', counts, { session: payer })).status).toBe(403);

    const ended = await call(app, 'POST', `/api/flash-sales/${saleId}/end`, {
      session: world.seller.session,
    });
    expect(ended.json.state).toBe('ended');
    expect((await grab(await buyerSession(database.db), saleId)).json.error.details.reason).toBe('ended');
    expect(
      (await call(app, 'POST', `/api/flash-sales/${saleId}/end`, { session: world.seller.session })).status,
    ).toBe(409);
    expect((await call(app, 'POST', `/api/flash-sales/${saleId}/end`, { session: otherSeller })).status).toBe(
      404,
    );
  });

  it('a sale past its end returns its unsold rest to the listing through the sweep', async () => {
    const { listingId, saleId } = await startSale({ stock: 6, quantity: 5 });
    await grab(await buyerSession(database.db), saleId);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1 });
    const report = await sweepCommerce(sweeper(), new Date(Date.now() + 11 * 60_000));
    expect(report.flashSalesClosed).toBeGreaterThanOrEqual(1);
    // 6 = 1 left + 4 returned + 1 grabbed (its order was cancelled by the same sweep: back to the listing).
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 6 });
  });

  it('remaining stock reaches the room at most about 4 times a second, ending on the final count', async () => {
    const { saleId } = await startSale({ stock: 30, quantity: 30, perBuyerLimit: 1 });
    const startedAt = Date.now();
    const buyers = await Promise.all(Array.from({ length: 30 }, () => buyerSession(database.db)));
    const results = await Promise.all(buyers.map((buyer) => grab(buyer, saleId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(30);
    const saleUpdates = () =>
      livekit.sent.filter(
        (m) =>
          m.payload.type === 'flash_sale.updated' && m.payload.flashSaleId === saleId && m.at >= startedAt,
      );
    // The trailing update goes out within one throttle window after the last grab.
    await vi.waitFor(
      () => expect(saleUpdates().at(-1)?.payload).toMatchObject({ remaining: 0, state: 'sold_out' }),
      {
        timeout: 2_000,
        interval: 25,
      },
    );
    const updates = saleUpdates();
    const elapsed = (updates.at(-1)?.at ?? Date.now()) - startedAt;
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    for (let i = 1; i < updates.length; i++) {
      expect((updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    }
    expect(updates.at(-1)?.payload).toMatchObject({ remaining: 0, state: 'sold_out' });
  });
});
