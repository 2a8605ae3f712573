import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  dealEvents,
  idempotencyKey,
  listingFacts,
  payOrder,
  publishedListing,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let otherSeller: Session;
let buyer: Session;
let otherBuyer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  const other = await createTenant(database.db, 'seller', ['owner']);
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  buyer = await buyerSession(database.db);
  otherBuyer = await buyerSession(database.db);
});

afterAll(async () => {
  await database?.drop();
});

const order = (session: Session, listingId: string, quantity = 1, key = idempotencyKey()) =>
  call(app, 'POST', '/api/orders', { session, body: { listingId, quantity, idempotencyKey: key } });
const sweeper = () => ({ db: database.db, livekit: null, logger: pino({ level: 'silent' }) });

describe('orders: happy path', () => {
  it('takes stock at creation, records the deal and sold count on payment, and walks the whole state machine', async () => {
    const listingId = await publishedListing(app, world, { stock: 3, priceFen: 5_000_00 });
    const created = await order(buyer, listingId, 2);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      status: 'pending_payment',
      quantity: 2,
      unitPriceFen: 5_000_00,
      totalFen: 10_000_00,
      sellerOrgId: world.seller.orgId,
      buyerUserId: buyer.userId,
    });
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1, soldCount: 0 });
    expect(await dealEvents(database.db, listingId)).toHaveLength(0);

    const paid = await payOrder(app, buyer, created.json.id);
    expect(paid.payment.status).toBe('succeeded');
    expect(paid.order.status).toBe('paid');
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1, soldCount: 2 });
    expect(await dealEvents(database.db, listingId)).toEqual([
      { priceFen: 5_000_00, quantity: 2, source: `order:${created.json.id}` },
    ]);

    const shipped = await call(app, 'POST', `/api/seller/orders/${created.json.id}/ship`, {
      session: world.seller.hostSession,
      body: { trackingNumber: 'YT9876543210', carrier: '圆通速递' },
    });
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.json.order).toMatchObject({ status: 'shipped', trackingNumber: 'YT9876543210' });
    const delivered = await call(app, 'POST', `/api/orders/${created.json.id}/confirm-delivery`, {
      session: buyer,
    });
    expect(delivered.json.order.status).toBe('delivered');
    expect(delivered.json.order.returnWindowEndsAt).not.toBeNull();

    const mine = await call(app, 'GET', '/api/orders', { session: buyer });
    expect(mine.json.orders.map((o: { id: string }) => o.id)).toContain(created.json.id);
    const sellers = await call(app, 'GET', '/api/seller/orders?status=delivered', {
      session: world.seller.session,
    });
    expect(sellers.json.orders.map((o: { id: string }) => o.id)).toContain(created.json.id);

    // Return window closes: the sweep completes the order.
    await sweepCommerce(sweeper(), new Date(Date.now() + 8 * 86_400_000));
    const detail = await call(app, 'GET', `/api/orders/${created.json.id}`, { session: buyer });
    expect(detail.json.order.status).toBe('completed');
    // Each move the server records says why as a kind; no sentence of its own is left as a note
    // (the tracking is the order's, not repeated in its history).
    expect(
      detail.json.events.map(
        (e: {
          fromStatus: string | null;
          toStatus: string;
          actor: string;
          cause: unknown;
          note: unknown;
        }) => [e.fromStatus, e.toStatus, e.actor, e.cause, e.note],
      ),
    ).toEqual([
      [null, 'pending_payment', 'buyer', null, null],
      ['pending_payment', 'paid', 'payment', { kind: 'payment_received' }, null],
      ['paid', 'shipped', 'seller', { kind: 'shipped' }, null],
      ['shipped', 'delivered', 'buyer', null, null],
      ['delivered', 'completed', 'system', { kind: 'return_window_closed' }, null],
    ]);
    expect(detail.json.order).toMatchObject({ trackingNumber: 'YT9876543210', carrier: '圆通速递' });
  });

  it('a repeated idempotency key answers with the same order, also when both arrive at once', async () => {
    const listingId = await publishedListing(app, world, { stock: 5 });
    const key = idempotencyKey();
    const first = await order(buyer, listingId, 1, key);
    const again = await order(buyer, listingId, 1, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);

    const twinKey = idempotencyKey();
    const twins = await Promise.all([
      order(buyer, listingId, 1, twinKey),
      order(buyer, listingId, 1, twinKey),
    ]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(twins[0]?.json.id).toBe(twins[1]?.json.id);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 3 });

    const reused = await order(buyer, listingId, 2, key);
    expect(reused.status).toBe(422);
    expectErrorShape(reused.json, 'UNPROCESSABLE');
  });

  it('a refund before shipping gives the money and the stock back and undoes the sold count', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const created = await order(buyer, listingId);
    expect((await listingFacts(database.db, listingId)).status).toBe('sold_out');
    await payOrder(app, buyer, created.json.id);
    const requested = await call(app, 'POST', `/api/orders/${created.json.id}/refund-request`, {
      session: buyer,
      body: { reason: '不想要了' },
    });
    expect(requested.json.order.status).toBe('refund_requested');
    // The buyer's words are kept as typed, as the buyer's refund; the event quotes them.
    expect(requested.json.order).toMatchObject({ refundReason: '不想要了', refundCause: { kind: 'buyer' } });
    expect(requested.json.events.at(-1)).toMatchObject({
      toStatus: 'refund_requested',
      actor: 'buyer',
      cause: null,
      note: '不想要了',
    });
    const approved = await call(app, 'POST', `/api/seller/orders/${created.json.id}/approve-refund`, {
      session: world.seller.session,
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.order.status).toBe('refunded');
    expect(approved.json.payments[0].status).toBe('refunded');
    expect(approved.json.order).toMatchObject({ refundReason: '不想要了', refundCause: { kind: 'buyer' } });
    expect(approved.json.events.at(-1)).toMatchObject({
      toStatus: 'refunded',
      actor: 'seller',
      cause: { kind: 'refund_approved' },
      note: null,
    });
    expect(await listingFacts(database.db, listingId)).toEqual({
      stock: 1,
      soldCount: 0,
      status: 'published',
    });
  });

  it('an unpaid order past PAYMENT_TIMEOUT_MINUTES is cancelled by the sweep and its stock released', async () => {
    const listingId = await publishedListing(app, world, { stock: 2 });
    const created = await order(buyer, listingId, 2);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 0, status: 'sold_out' });
    const early = await sweepCommerce(sweeper(), new Date(Date.now() + 60_000));
    expect(early.ran).toBe(true);
    expect(
      (await call(app, 'GET', `/api/orders/${created.json.id}`, { session: buyer })).json.order.status,
    ).toBe('pending_payment');
    await sweepCommerce(sweeper(), new Date(Date.now() + 16 * 60_000));
    const detail = await call(app, 'GET', `/api/orders/${created.json.id}`, { session: buyer });
    expect(detail.json.order.status).toBe('cancelled');
    expect(detail.json.events.at(-1)).toMatchObject({
      actor: 'system',
      cause: { kind: 'payment_timed_out' },
      note: null,
    });
    expect(detail.json.order).toMatchObject({ refundReason: null, refundCause: null });
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2, status: 'published' });
  });
});

describe('orders: refusals', () => {
  it('invalid transitions answer 409', async () => {
    const listingId = await publishedListing(app, world, { stock: 2 });
    const created = await order(buyer, listingId);
    const id = created.json.id;
    const shipUnpaid = await call(app, 'POST', `/api/seller/orders/${id}/ship`, {
      session: world.seller.session,
      body: { trackingNumber: 'SF000111', carrier: '顺丰速运' },
    });
    expect(shipUnpaid.status).toBe(409);
    expectErrorShape(shipUnpaid.json, 'CONFLICT');
    expect((await call(app, 'POST', `/api/orders/${id}/confirm-delivery`, { session: buyer })).status).toBe(
      409,
    );
    expect(
      (await call(app, 'POST', `/api/seller/orders/${id}/approve-refund`, { session: world.seller.session }))
        .status,
    ).toBe(409);
    const cancelled = await call(app, 'POST', `/api/orders/${id}/cancel`, { session: buyer });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.events.at(-1)).toMatchObject({
      toStatus: 'cancelled',
      actor: 'buyer',
      actorUserId: buyer.userId,
      cause: { kind: 'buyer_cancelled' },
      note: null,
    });
    const payCancelled = await call(app, 'POST', `/api/orders/${id}/pay`, { session: buyer });
    expect(payCancelled.status).toBe(409);
    expectErrorShape(payCancelled.json, 'CONFLICT');
    expect((await call(app, 'POST', `/api/orders/${id}/cancel`, { session: buyer })).status).toBe(409);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2 });
  });

  it('out of stock is 409, an unpublished or unknown listing 404', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const tooMany = await order(buyer, listingId, 2);
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.error.details).toMatchObject({ reason: 'out_of_stock', stock: 1 });
    expect((await order(buyer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('approving refunds needs an owner or admin; hosts may ship but not refund', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const created = await order(buyer, listingId);
    await payOrder(app, buyer, created.json.id);
    await call(app, 'POST', `/api/orders/${created.json.id}/refund-request`, {
      session: buyer,
      body: { reason: '拍错了' },
    });
    const byHost = await call(app, 'POST', `/api/seller/orders/${created.json.id}/approve-refund`, {
      session: world.seller.hostSession,
    });
    expect(byHost.status).toBe(403);
  });
});

describe('orders: tenancy', () => {
  it("another buyer's or another seller's order answers 404", async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const created = await order(buyer, listingId);
    const id = created.json.id;
    for (const [method, path] of [
      ['GET', `/api/orders/${id}`],
      ['POST', `/api/orders/${id}/pay`],
      ['POST', `/api/orders/${id}/cancel`],
      ['POST', `/api/orders/${id}/confirm-delivery`],
    ] as const) {
      const response = await call(app, method, path, { session: otherBuyer });
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    expect((await call(app, 'GET', '/api/orders', { session: otherBuyer })).json.orders).toEqual([]);
    expect((await call(app, 'GET', `/api/seller/orders/${id}`, { session: otherSeller })).status).toBe(404);
    const ship = await call(app, 'POST', `/api/seller/orders/${id}/ship`, {
      session: otherSeller,
      body: { trackingNumber: 'SF0000001', carrier: '顺丰速运' },
    });
    expect(ship.status).toBe(404);
    expect((await call(app, 'GET', '/api/seller/orders', { session: otherSeller })).json.orders).toEqual([]);
  });

  it('organisation members cannot buy as buyers, buyers cannot use seller routes, anonymous is 401', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const bySeller = await order(world.seller.session, listingId);
    expect(bySeller.status).toBe(403);
    expectErrorShape(bySeller.json, 'FORBIDDEN');
    expect((await call(app, 'GET', '/api/seller/orders', { session: buyer })).status).toBe(403);
    const anonymous = await call(app, 'POST', '/api/orders', {
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    expect(anonymous.status).toBe(401);
    const withoutCsrf = await call(app, 'POST', '/api/orders', {
      session: buyer,
      omitCsrf: true,
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    expect(withoutCsrf.status).toBe(403);
    expect((await listingFacts(database.db, listingId)).stock).toBe(1);
  });
});
