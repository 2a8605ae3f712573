import type { AppConfig } from '@jadelive/server/deps';
import { sweepFollowUps } from '@jadelive/server/features/follow-ups/sweep';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { admitSeller, openBase, signedInTenant } from '../support/bases';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
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
let baseLab: { orgId: string; session: Session };
let regulator: Session;
let otherSeller: Session;
let buyer: Session;
let otherBuyer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  const lab = await createTenant(database.db, 'lab', ['owner']);
  baseLab = { orgId: lab.org.id, session: await login(app, lab.members.owner.email, TEST_PASSWORD) };
  // The seller is admitted to a base whose operator named `baseLab` as its inspection lab.
  const operator = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
  const baseId = await openBase(app, operator.session);
  await admitSeller(app, operator.session, baseId, {
    org: { id: world.seller.orgId },
    session: world.seller.session,
  });
  const named = await call(app, 'PUT', `/api/bases/${baseId}/inspection-lab`, {
    session: operator.session,
    body: { labOrgId: baseLab.orgId },
  });
  expect(named.status, named.text).toBe(200);
  const base = await call(app, 'GET', `/api/bases/${baseId}`);
  expect(base.json.inspectionLab).toEqual({ id: baseLab.orgId, name: lab.org.name });
  const city = await createTenant(database.db, 'regulator', ['owner']);
  regulator = await login(app, city.members.owner.email, TEST_PASSWORD);
  const other = await createTenant(database.db, 'seller', ['owner']);
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  buyer = await buyerSession(database.db);
  otherBuyer = await buyerSession(database.db);
});

afterAll(async () => {
  await database?.drop();
});

async function orderOf(catalog: CatalogWorld, options: { pay: boolean }) {
  const listingId = await publishedListing(app, catalog, { stock: 1 });
  const created = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
  });
  expect(created.status, created.text).toBe(201);
  if (options.pay) await payOrder(app, buyer, created.json.id);
  return { orderId: created.json.id as string, listingId };
}

const requestInspection = (orderId: string, session = buyer) =>
  call(app, 'POST', `/api/orders/${orderId}/inspection`, { session });
const ship = (orderId: string, session = world.seller.hostSession) =>
  call(app, 'POST', `/api/seller/orders/${orderId}/ship`, {
    session,
    body: { trackingNumber: 'SF1234567890', carrier: '顺丰' },
  });
const recordResult = (inspectionId: string, session: Session, body: object) =>
  call(app, 'POST', `/api/lab/inspections/${inspectionId}/result`, { session, body });

describe('inspection before shipping: match', () => {
  it('holds the shipment until the base’s lab answers, then ships with the result attached', async () => {
    const { orderId } = await orderOf(world, { pay: true });
    const requested = await requestInspection(orderId);
    expect(requested.status, requested.text).toBe(201);
    expect(requested.json).toMatchObject({
      orderId,
      status: 'requested',
      labOrgId: baseLab.orgId,
      labChosenBy: 'base',
      certificate: { identification: '翡翠（A货）手镯', weightMg: 36_800 },
      result: null,
    });

    const blocked = await ship(orderId);
    expect(blocked.status, blocked.text).toBe(409);
    expectErrorShape(blocked.json, 'CONFLICT');
    expect(blocked.json.error.details).toMatchObject({ reason: 'inspection_pending' });

    const queue = await call(app, 'GET', '/api/lab/inspections?status=requested', {
      session: baseLab.session,
    });
    expect(queue.status, queue.text).toBe(200);
    expect(queue.json.inspections.map((row: { id: string }) => row.id)).toContain(requested.json.id);

    const matched = await recordResult(requested.json.id, baseLab.session, {
      outcome: 'match',
      identification: '翡翠（A货）手镯',
      weightMg: 36_790,
      note: '折射率 1.66，红外光谱未见充填',
    });
    expect(matched.status, matched.text).toBe(200);
    expect(matched.json).toMatchObject({ status: 'matched', settledAt: null });

    const shipped = await ship(orderId);
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.json.order.status).toBe('shipped');
    for (const [path, session] of [
      [`/api/orders/${orderId}/inspection`, buyer],
      [`/api/seller/orders/${orderId}/inspection`, world.seller.session],
    ] as const) {
      const attached = await call(app, 'GET', path, { session });
      expect(attached.status, attached.text).toBe(200);
      expect(attached.json.result).toMatchObject({ identification: '翡翠（A货）手镯', weightMg: 36_790 });
    }
    const late = await requestInspection(orderId);
    expect(late.status, late.text).toBe(409);
  });
});

describe('inspection before shipping: mismatch', () => {
  it('an inspection mismatch refunds and suspends, and raises a flag for the regulator', async () => {
    const { orderId, listingId } = await orderOf(world, { pay: true });
    const requested = await requestInspection(orderId);
    expect(requested.status, requested.text).toBe(201);

    const mismatched = await recordResult(requested.json.id, baseLab.session, {
      outcome: 'mismatch',
      identification: '翡翠（处理）手镯',
      weightMg: 36_800,
      note: '红外光谱见树脂充填',
    });
    expect(mismatched.status, mismatched.text).toBe(200);
    expect(mismatched.json.status).toBe('mismatched');
    expect(mismatched.json.settledAt).not.toBeNull();

    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order.status).toBe('refunded');
    expect(detail.json.payments.map((payment: { status: string }) => payment.status)).toEqual(['refunded']);
    const systemMoves = detail.json.events
      .filter((event: { actor: string }) => event.actor === 'system')
      .map((event: { toStatus: string; cause: unknown; note: string | null }) => [
        event.toStatus,
        event.cause,
        event.note,
      ]);
    expect(systemMoves).toEqual([
      ['refund_requested', { kind: 'inspection_mismatch' }, null],
      ['refunded', { kind: 'inspection_mismatch' }, null],
    ]);
    // Nobody typed a reason: the refund carries the mismatch's facts, for each console to word.
    const refund = {
      refundReason: null,
      refundCause: {
        kind: 'inspection_mismatch',
        identification: '翡翠（处理）手镯',
        certificateNumber: requested.json.certificate.number,
        certificateIdentification: '翡翠（A货）手镯',
      },
    };
    expect(detail.json.order).toMatchObject(refund);
    const sellers = await call(app, 'GET', `/api/seller/orders/${orderId}`, {
      session: world.seller.session,
    });
    expect(sellers.status, sellers.text).toBe(200);
    expect(sellers.json.order).toMatchObject(refund);
    // Suspended, and the piece that failed its certificate is not back on sale.
    expect(await listingFacts(database.db, listingId)).toEqual({
      status: 'suspended',
      stock: 0,
      soldCount: 0,
    });
    const suspended = await call(app, 'GET', `/api/listings/${listingId}`, { session: world.seller.session });
    expect(suspended.status, suspended.text).toBe(200);
    const certificateNumber = suspended.json.listing.certificate.number;
    expect(suspended.json.listing.statusReason).toEqual({
      kind: 'inspection_mismatch',
      identification: '翡翠（处理）手镯',
      certificateNumber,
      certificateIdentification: '翡翠（A货）手镯',
    });

    const flags = await call(app, 'GET', '/api/compliance/flags?source=inspection', { session: regulator });
    expect(flags.status, flags.text).toBe(200);
    const flag = flags.json.flags.find((row: { listingId: string }) => row.listingId === listingId);
    expect(flag).toMatchObject({
      category: 'certificate_mismatch',
      severity: 'block',
      seller: { id: world.seller.orgId },
      facts: {
        certificate: { identification: '翡翠（A货）手镯', number: expect.stringMatching(/^NGTC-/) },
        listing: { id: listingId, title: '冰种飘花翡翠手镯' },
        inspection: { identification: '翡翠（处理）手镯', orderId, labName: expect.any(String) },
      },
    });

    const notices = await call(app, 'GET', '/api/notifications', { session: world.seller.session });
    const kinds = notices.json.notifications
      .filter((row: { subjectId: string }) => row.subjectId === listingId || row.subjectId === orderId)
      .map((row: { kind: string }) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['listing_suspended_inspection', 'inspection_mismatched']));
    const suspensionNotice = notices.json.notifications.find(
      (row: { kind: string; subjectId: string }) =>
        row.kind === 'listing_suspended_inspection' && row.subjectId === listingId,
    );
    expect(suspensionNotice.details).toEqual({
      title: '冰种飘花翡翠手镯',
      identification: '翡翠（处理）手镯',
      certificateNumber,
      certificateIdentification: '翡翠（A货）手镯',
    });

    const again = await recordResult(requested.json.id, baseLab.session, {
      outcome: 'match',
      identification: '翡翠（A货）手镯',
      note: 'second thoughts',
    });
    expect(again.status, again.text).toBe(409);
  });

  it('without a base lab, the certificate’s lab inspects; an unpaid order is cancelled', async () => {
    const unbased = await createCatalogWorld(database.db, app);
    const { orderId, listingId } = await orderOf(unbased, { pay: false });
    const requested = await requestInspection(orderId);
    expect(requested.status, requested.text).toBe(201);
    expect(requested.json).toMatchObject({ labOrgId: unbased.lab.orgId, labChosenBy: 'certificate' });

    const mismatched = await recordResult(requested.json.id, unbased.lab.session, {
      outcome: 'mismatch',
      identification: '玻璃手镯',
      note: '仿翡翠玻璃',
    });
    expect(mismatched.status, mismatched.text).toBe(200);
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order).toMatchObject({ status: 'cancelled', refundReason: null, refundCause: null });
    expect(detail.json.events.at(-1)).toMatchObject({
      toStatus: 'cancelled',
      actor: 'system',
      cause: { kind: 'inspection_mismatch' },
      note: null,
    });
    expect(await listingFacts(database.db, listingId)).toMatchObject({ status: 'suspended', stock: 0 });
    const suspended = await call(app, 'GET', `/api/listings/${listingId}`, {
      session: unbased.seller.session,
    });
    expect(suspended.json.listing.statusReason).toEqual({
      kind: 'inspection_mismatch',
      identification: '玻璃手镯',
      certificateNumber: suspended.json.listing.certificate.number,
      certificateIdentification: '翡翠（A货）手镯',
    });
  });

  it('a refund the provider did not complete is finished by the sweeper', async () => {
    const { orderId } = await orderOf(world, { pay: true });
    const requested = await requestInspection(orderId);
    // The state a failed provider call leaves behind: result recorded, order refund_requested.
    await database.db
      .updateTable('orderInspections')
      .set({
        status: 'mismatched',
        resultIdentification: '翡翠（处理）手镯',
        resultNote: 'B货',
        resultRecordedAt: new Date(),
      })
      .where('id', '=', requested.json.id)
      .execute();
    await database.db
      .updateTable('orders')
      .set({ status: 'refund_requested', refundFromStatus: 'paid' })
      .where('id', '=', orderId)
      .execute();

    const report = await sweepFollowUps({
      db: database.db,
      config: {} as AppConfig,
      logger: pino({ level: 'silent' }),
      livekit: null,
    });
    expect(report.inspectionRefundsSettled).toBeGreaterThanOrEqual(1);
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order.status).toBe('refunded');
    expect(detail.json.payments[0].status).toBe('refunded');
    expect(detail.json.events.at(-1)).toMatchObject({
      toStatus: 'refunded',
      cause: { kind: 'inspection_mismatch' },
    });
    const settled = await call(app, 'GET', `/api/orders/${orderId}/inspection`, { session: buyer });
    expect(settled.json.settledAt).not.toBeNull();
  });

  it('a buyer who asked for a refund before the result keeps their own words', async () => {
    const { orderId } = await orderOf(world, { pay: true });
    const requested = await requestInspection(orderId);
    expect(requested.status, requested.text).toBe(201);
    const asked = await call(app, 'POST', `/api/orders/${orderId}/refund-request`, {
      session: buyer,
      body: { reason: 'Changed my mind — 不要了 <b>{{x}}</b>' },
    });
    expect(asked.status, asked.text).toBe(200);

    const mismatched = await recordResult(requested.json.id, baseLab.session, {
      outcome: 'mismatch',
      identification: '翡翠（处理）手镯',
      note: '红外光谱见树脂充填',
    });
    expect(mismatched.status, mismatched.text).toBe(200);
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order).toMatchObject({
      status: 'refunded',
      refundReason: 'Changed my mind — 不要了 <b>{{x}}</b>',
      refundCause: { kind: 'buyer' },
    });
    expect(
      detail.json.events.map((event: { toStatus: string; actor: string; cause: unknown }) => [
        event.toStatus,
        event.actor,
        event.cause,
      ]),
    ).toEqual([
      ['pending_payment', 'buyer', null],
      ['paid', 'payment', { kind: 'payment_received' }],
      ['refund_requested', 'buyer', null],
      ['refunded', 'system', { kind: 'inspection_mismatch' }],
    ]);
    expect(detail.json.events[2].note).toBe('Changed my mind — 不要了 <b>{{x}}</b>');
  });
});

describe('inspection asked for at ordering', () => {
  it('opens the inspection with the order, and the paid order waits for it', async () => {
    const listingId = await publishedListing(app, world, { stock: 1 });
    const created = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey(), inspection: true },
    });
    expect(created.status, created.text).toBe(201);
    const inspection = await call(app, 'GET', `/api/orders/${created.json.id}/inspection`, {
      session: buyer,
    });
    expect(inspection.status, inspection.text).toBe(200);
    expect(inspection.json).toMatchObject({ status: 'requested', labOrgId: baseLab.orgId });
    await payOrder(app, buyer, created.json.id);
    expect((await ship(created.json.id)).status).toBe(409);
  });
});

describe('inspection before shipping: tenants and bad input', () => {
  it('another buyer, another seller and another lab get 404; bad results are 4xx', async () => {
    const { orderId } = await orderOf(world, { pay: true });
    const strangers = await requestInspection(orderId, otherBuyer);
    expect(strangers.status, strangers.text).toBe(404);
    expectErrorShape(strangers.json, 'NOT_FOUND');

    const requested = await requestInspection(orderId);
    expect(requested.status, requested.text).toBe(201);
    const twice = await requestInspection(orderId);
    expect(twice.status, twice.text).toBe(409);

    expect(
      (await call(app, 'GET', `/api/orders/${orderId}/inspection`, { session: otherBuyer })).status,
    ).toBe(404);
    const otherSellers = await call(app, 'GET', `/api/seller/orders/${orderId}/inspection`, {
      session: otherSeller,
    });
    expect(otherSellers.status).toBe(404);
    // The certificate's issuer is not the lab asked here: the request is not theirs to see or answer.
    const issuer = world.lab.session;
    expect(
      (await call(app, 'GET', `/api/lab/inspections/${requested.json.id}`, { session: issuer })).status,
    ).toBe(404);
    const foreign = await recordResult(requested.json.id, issuer, {
      outcome: 'mismatch',
      identification: '翡翠（处理）手镯',
      note: 'not ours',
    });
    expect(foreign.status, foreign.text).toBe(404);
    const issuerQueue = await call(app, 'GET', '/api/lab/inspections', { session: issuer });
    expect(issuerQueue.json.inspections.map((row: { id: string }) => row.id)).not.toContain(
      requested.json.id,
    );

    for (const body of [
      { outcome: 'maybe', identification: '翡翠（A货）手镯', note: 'x' },
      { outcome: 'match', identification: '', note: 'x' },
      { outcome: 'match', identification: '翡翠（A货）手镯', weightMg: -1, note: 'x' },
      { outcome: 'match', identification: '翡翠（A货）手镯' },
    ]) {
      const bad = await recordResult(requested.json.id, baseLab.session, body);
      expect(bad.status, bad.text).toBe(400);
      expectErrorShape(bad.json, 'VALIDATION_FAILED');
    }
    const sellerAsLab = await recordResult(requested.json.id, world.seller.session, {
      outcome: 'match',
      identification: '翡翠（A货）手镯',
      note: 'self-certified',
    });
    expect(sellerAsLab.status).toBe(403);
    const still = await call(app, 'GET', `/api/lab/inspections/${requested.json.id}`, {
      session: baseLab.session,
    });
    expect(still.json).toMatchObject({ status: 'requested', result: null });
    const notAnOrder = await requestInspection('00000000-0000-4000-8000-000000000000');
    expect(notAnOrder.status).toBe(404);
  });
});
