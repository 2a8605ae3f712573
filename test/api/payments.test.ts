import { createHmac, randomUUID } from 'node:crypto';
import { DEFAULT_COMMERCE_CONFIG } from '@jadelive/server/features/orders/config';
import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import {
  createSandboxProvider,
  SANDBOX_SIGNATURE_HEADER,
} from '@jadelive/server/features/payments/sandbox-provider';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  dealEvents,
  ensureShippingAddress,
  idempotencyKey,
  listingFacts,
  publishedListing,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let buyer: Session;
let otherBuyer: Session;
const sandbox = createSandboxProvider(DEFAULT_COMMERCE_CONFIG.paymentSandboxSecret);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  buyer = await buyerSession(database.db);
  otherBuyer = await buyerSession(database.db);
});

afterAll(async () => {
  await database?.drop();
});

/** An unpaid order with an open sandbox payment. */
async function openPayment(priceFen = 2_000_00) {
  const listingId = await publishedListing(app, world, { stock: 1, priceFen });
  const created = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
  });
  expect(created.status, created.text).toBe(201);
  await ensureShippingAddress(app, buyer, created.json.id);
  const payment = await call(app, 'POST', `/api/orders/${created.json.id}/pay`, { session: buyer });
  expect(payment.status, payment.text).toBe(200);
  expect(payment.json).toMatchObject({ status: 'pending', provider: 'sandbox', amountFen: priceFen });
  return { listingId, orderId: created.json.id as string, paymentId: payment.json.id as string };
}

const notify = (body: string, headers: Record<string, string>) =>
  call(app, 'POST', '/api/payments/notify/sandbox', { rawBody: body, headers });

const orderStatus = async (orderId: string) =>
  (await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer })).json.order.status;

describe('payment notifications', () => {
  it('a signed notification pays the order once; its duplicate changes nothing', async () => {
    const { listingId, orderId, paymentId } = await openPayment();
    const signed = sandbox.signNotification({ paymentId, outcome: 'success', amountFen: 2_000_00 });
    const first = await notify(signed.body, signed.headers);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ ok: true, outcome: 'applied' });
    const again = await notify(signed.body, signed.headers);
    expect(again.json).toEqual({ ok: true, outcome: 'duplicate' });
    // Several deliveries at once: still one effect.
    const burst = await Promise.all([1, 2, 3].map(() => notify(signed.body, signed.headers)));
    expect(burst.map((r) => r.json.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    expect(await orderStatus(orderId)).toBe('paid');
    expect(await dealEvents(database.db, listingId)).toHaveLength(1);
    expect((await listingFacts(database.db, listingId)).soldCount).toBe(1);
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    // The payment is in the order's payments; its event says only that the money arrived.
    expect(detail.json.events.filter((e: { toStatus: string }) => e.toStatus === 'paid')).toEqual([
      expect.objectContaining({ actor: 'payment', cause: { kind: 'payment_received' }, note: null }),
    ]);
    expect(detail.json.payments).toEqual([expect.objectContaining({ id: paymentId, status: 'succeeded' })]);

    // A second, different notification for the settled payment is ignored.
    const late = sandbox.signNotification({ paymentId, outcome: 'success', amountFen: 2_000_00 });
    expect((await notify(late.body, late.headers)).json.outcome).toBe('ignored');
    expect((await listingFacts(database.db, listingId)).soldCount).toBe(1);
  });

  it('forged, unsigned, wrongly keyed and stale notifications answer 401 and change nothing', async () => {
    const { listingId, orderId, paymentId } = await openPayment();
    const signed = sandbox.signNotification({ paymentId, outcome: 'success', amountFen: 2_000_00 });
    const tampered = signed.body.replace('"success"', '"success" ').replace('200000', '1');
    const forger = createSandboxProvider('not-the-secret-of-this-server');
    const forged = forger.signNotification({ paymentId, outcome: 'success', amountFen: 2_000_00 });
    const stale = sandbox.signNotification(
      { paymentId, outcome: 'success', amountFen: 2_000_00 },
      new Date(Date.now() - 3_600_000),
    );
    const attempts: [string, Record<string, string>][] = [
      [tampered, signed.headers],
      [signed.body, { 'content-type': 'application/json' }],
      [signed.body, { [SANDBOX_SIGNATURE_HEADER]: 't=abc,v1=zz' }],
      [forged.body, forged.headers],
      [stale.body, stale.headers],
    ];
    for (const [body, headers] of attempts) {
      const response = await notify(body, headers);
      expect(response.status, response.text).toBe(401);
      expectErrorShape(response.json, 'UNAUTHENTICATED');
    }
    expect(await orderStatus(orderId)).toBe('pending_payment');
    expect(await dealEvents(database.db, listingId)).toHaveLength(0);
    // Refused notifications are not remembered: the genuine one still applies.
    expect((await notify(signed.body, signed.headers)).json.outcome).toBe('applied');
  });

  it('a genuine but unreadable notification is 400; an amount mismatch is ignored', async () => {
    const { orderId, paymentId } = await openPayment();
    // Correctly signed (as the gateway signs: HMAC-SHA256 of "t.body"), but not a notification.
    const t = Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', DEFAULT_COMMERCE_CONFIG.paymentSandboxSecret)
      .update(`${t}.not json`)
      .digest('hex');
    const malformed = await notify('not json', { [SANDBOX_SIGNATURE_HEADER]: `t=${t},v1=${mac}` });
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.json, 'BAD_REQUEST');

    const headers = sandbox.signNotification({ paymentId, outcome: 'success', amountFen: 1 });
    const mismatch = await notify(headers.body, headers.headers);
    expect(mismatch.json.outcome).toBe('ignored');
    expect(await orderStatus(orderId)).toBe('pending_payment');
  });

  it('a failed payment leaves the order unpaid; the buyer can pay again', async () => {
    const { orderId, paymentId } = await openPayment();
    const failed = await call(app, 'POST', `/api/payments/sandbox/${paymentId}/complete`, {
      session: buyer,
      body: { outcome: 'fail' },
    });
    expect(failed.status, failed.text).toBe(200);
    expect(failed.json.payment.status).toBe('failed');
    expect(failed.json.order.status).toBe('pending_payment');
    const twice = await call(app, 'POST', `/api/payments/sandbox/${paymentId}/complete`, {
      session: buyer,
      body: { outcome: 'success' },
    });
    expect(twice.status).toBe(409);
    const retry = await call(app, 'POST', `/api/orders/${orderId}/pay`, { session: buyer });
    expect(retry.json.id).not.toBe(paymentId);
    const paid = await call(app, 'POST', `/api/payments/sandbox/${retry.json.id}/complete`, {
      session: buyer,
      body: { outcome: 'success' },
    });
    expect(paid.json.order.status).toBe('paid');
  });

  it('money arriving after the payment timeout cancelled the order is refunded at once', async () => {
    const { listingId, orderId, paymentId } = await openPayment();
    await sweepCommerce(
      { db: database.db, livekit: null, logger: pino({ level: 'silent' }) },
      new Date(Date.now() + 20 * 60_000),
    );
    expect(await orderStatus(orderId)).toBe('cancelled');
    const signed = sandbox.signNotification({ paymentId, outcome: 'success', amountFen: 2_000_00 });
    expect((await notify(signed.body, signed.headers)).json.outcome).toBe('applied');
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order.status).toBe('cancelled');
    expect(detail.json.payments[0].status).toBe('refunded');
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1, soldCount: 0 });
    expect(await dealEvents(database.db, listingId)).toHaveLength(0);
  });

  it("another buyer's payment is 404 on the sandbox page; an unknown payment id is ignored", async () => {
    const { paymentId } = await openPayment();
    const response = await call(app, 'POST', `/api/payments/sandbox/${paymentId}/complete`, {
      session: otherBuyer,
      body: { outcome: 'success' },
    });
    expect(response.status).toBe(404);
    expectErrorShape(response.json, 'NOT_FOUND');
    const unknown = sandbox.signNotification({ paymentId: randomUUID(), outcome: 'success', amountFen: 100 });
    expect((await notify(unknown.body, unknown.headers)).json.outcome).toBe('ignored');
  });
});
