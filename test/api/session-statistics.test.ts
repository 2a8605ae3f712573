import { refreshViewerCounts } from '@jadelive/server/features/live/presence';
import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import type { SessionStatistics } from '@jadelive/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { addStudio, admitSeller, openBase, signedInTenant } from '../support/bases';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  ensureShippingAddress,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  payOrder,
  publishedListing,
  sweepDeps,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';
import { recordingLivekit } from '../support/recording-livekit';

// GET /api/statistics/live-sessions/{id}: what a session sold (orders of every status, a payment
// after the end, a refund, a return), who watched, its giveaway entries and flags, each figure
// live → pending → final, compared with the seller's previous sessions; and who may read it.

const DAY = 86_400_000;
const BANGLE = 12_800_00;
const PENDANT = 1_800_00;

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let staff: Session;
let otherSeller: Session;
const livekit = recordingLivekit();
let sessionId: string;
let listings: { bangle: string; pendant: string };
const buyers: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g', Session> = {} as never;
let lateOrderId: string;
let unpaidOrderId: string;
const deliverLater: string[] = [];
let expectedFlags: { category: string; speakerKind: string }[];

const step = (session: Session, path: string, body: object = {}) =>
  call(app, 'POST', path, { session, body });

async function order(buyer: Session, listingId: string): Promise<string> {
  const created = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey(), liveSessionId: sessionId },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id;
}

async function expectStep(session: Session, path: string, body: object = {}) {
  const response = await step(session, path, body);
  expect(response.status, `${path}: ${response.text}`).toBe(200);
  return response;
}

const statistics = (session: Session, id = sessionId) =>
  call(app, 'GET', `/api/statistics/live-sessions/${id}`, { session });

/** An order of an earlier session, written as it stands now (history for the comparison). */
async function pastOrder(
  session: string,
  buyerUserId: string,
  totalFen: number,
  status: 'completed' | 'refunded' | 'cancelled',
  at: Date,
) {
  await database.db
    .insertInto('orders')
    .values({
      buyerUserId,
      sellerOrgId: world.seller.orgId,
      listingId: listings.pendant,
      liveSessionId: session,
      quantity: 1,
      unitPriceFen: totalFen,
      totalFen,
      customMade: false,
      status,
      createdAt: at,
      paymentDueAt: new Date(at.getTime() + 1_800_000),
      paidAt: status === 'cancelled' ? null : at,
      cancelledAt: status === 'cancelled' ? at : null,
      completedAt: status === 'completed' ? at : null,
      refundedAt: status === 'refunded' ? at : null,
    })
    .execute();
}

async function pastSession(
  sellerOrgId: string,
  daysAgo: number,
  uniqueViewers: number,
  status = 'ended',
): Promise<string> {
  const endedAt = new Date(Date.now() - daysAgo * DAY);
  const row = await database.db
    .insertInto('liveSessions')
    .values({
      sellerOrgId,
      title: '往期专场',
      plannedStartAt: new Date(endedAt.getTime() - 7_200_000),
      startedAt: new Date(endedAt.getTime() - 7_200_000),
      endedAt: status === 'ended' ? endedAt : null,
      cancelledAt: status === 'cancelled' ? endedAt : null,
      status,
      createdBy: hostUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('liveSessionStats')
    .values({ sessionId: row.id, peakViewers: uniqueViewers, uniqueViewers, averageViewers: 1 })
    .execute();
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId, staff, otherSeller } = await liveSaleWorld(database.db, livekit.gateway));
  await database.db
    .updateTable('organizations')
    .set({ district: '渝中区' })
    .where('id', '=', world.seller.orgId)
    .execute();
  listings = {
    bangle: await publishedListing(app, world, { stock: 3, priceFen: BANGLE }),
    pendant: await publishedListing(app, world, { stock: 6, priceFen: PENDANT }),
  };
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const)
    buyers[key] = await buyerSession(database.db);

  // The seller's earlier sessions: GMV ¥100 / ¥200 / ¥300, orders 1 / 3 / 2, viewers 10 / 30 / 20.
  const past = [
    await pastSession(world.seller.orgId, 3, 10),
    await pastSession(world.seller.orgId, 2, 30),
    await pastSession(world.seller.orgId, 1, 20),
  ] as const;
  const someone = async () => (await buyerSession(database.db)).userId;
  // Buyer A bought before: not a first-time buyer. Buyer B only left an unpaid order: first-time.
  await pastOrder(past[0], buyers.a.userId, 100_00, 'completed', new Date(Date.now() - 3 * DAY));
  for (const status of ['completed', 'completed', 'refunded'] as const) {
    await pastOrder(past[1], await someone(), 100_00, status, new Date(Date.now() - 2 * DAY));
  }
  await pastOrder(past[2], await someone(), 150_00, 'completed', new Date(Date.now() - DAY));
  await pastOrder(past[2], await someone(), 150_00, 'completed', new Date(Date.now() - DAY));
  await pastOrder(past[2], buyers.b.userId, 150_00, 'cancelled', new Date(Date.now() - DAY));
  // Neither a cancelled session of the seller nor another seller's session is compared with.
  await pastSession(world.seller.orgId, 1, 999, 'cancelled');
  const stranger = await createTenant(database.db, 'seller', ['owner']);
  await pastSession(stranger.org.id, 1, 999);

  sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listings.bangle, hostUserId);
  await database.db
    .insertInto('liveSessionLineup')
    .values({ sessionId, listingId: listings.pendant, position: 1 })
    .execute();
  await database.db
    .updateTable('liveSessions')
    .set({ startedAt: new Date(Date.now() - 3_600_000) })
    .where('id', '=', sessionId)
    .execute();

  // Two viewers, one of them twice, and the host (not counted): peak 2, 2 unique, 3 views.
  const joinedAt = new Date(Date.now() - 1_800_000);
  await database.db
    .insertInto('livePresence')
    .values([
      { sessionId, participantSid: 'PA_1', identity: 'viewer-1', role: 'viewer', counted: true, joinedAt },
      {
        sessionId,
        participantSid: 'PA_2',
        identity: 'viewer-1',
        role: 'viewer',
        counted: true,
        joinedAt: new Date(joinedAt.getTime() - 600_000),
        leftAt: new Date(joinedAt.getTime() - 60_000),
      },
      { sessionId, participantSid: 'PA_3', identity: 'viewer-2', role: 'viewer', counted: true, joinedAt },
      { sessionId, participantSid: 'PA_4', identity: hostUserId, role: 'host', counted: false, joinedAt },
    ])
    .execute();
  await refreshViewerCounts(database.db, sessionId);

  // A: bangle and pendant, paid. B: pendant paid then refunded before shipping. C: pendant paid,
  // delivered and returned. D: cancelled unpaid. E: bangle paid after the end. F: its payment
  // arrived after the buyer cancelled (given back at once). G: never paid.
  const a1 = await order(buyers.a, listings.bangle);
  const a2 = await order(buyers.a, listings.pendant);
  await payOrder(app, buyers.a, a1);
  await payOrder(app, buyers.a, a2);
  deliverLater.push(a1, a2);
  const b = await order(buyers.b, listings.pendant);
  await payOrder(app, buyers.b, b);
  await expectStep(buyers.b, `/api/orders/${b}/refund-request`, { reason: '拍错了' });
  await expectStep(world.seller.session, `/api/seller/orders/${b}/approve-refund`);
  const c = await order(buyers.c, listings.pendant);
  await payOrder(app, buyers.c, c);
  await expectStep(world.seller.session, `/api/seller/orders/${c}/ship`, {
    trackingNumber: 'SF1234567890',
    carrier: '顺丰',
  });
  await expectStep(buyers.c, `/api/orders/${c}/confirm-delivery`);
  await expectStep(buyers.c, `/api/orders/${c}/return-request`, { reason: '尺寸不合' });
  await expectStep(world.seller.session, `/api/seller/orders/${c}/return/approve`);
  await expectStep(buyers.c, `/api/orders/${c}/return/shipment`, {
    carrier: '顺丰',
    trackingNumber: 'SF9876543210',
  });
  const received = await expectStep(world.seller.session, `/api/seller/orders/${c}/return/receipt`);
  expect(received.json.order.status).toBe('refunded');
  const d = await order(buyers.d, listings.pendant);
  await expectStep(buyers.d, `/api/orders/${d}/cancel`);
  lateOrderId = await order(buyers.e, listings.bangle);
  const f = await order(buyers.f, listings.pendant);
  await ensureShippingAddress(app, buyers.f, f);
  const payment = await expectStep(buyers.f, `/api/orders/${f}/pay`);
  await expectStep(buyers.f, `/api/orders/${f}/cancel`);
  const lateMoney = await expectStep(buyers.f, `/api/payments/sandbox/${payment.json.id}/complete`, {
    outcome: 'success',
  });
  expect(lateMoney.json.payment.status).toBe('refunded');
  unpaidOrderId = await order(buyers.g, listings.pendant);

  // Flags: the caption feed speaks for the seller; a viewer's refused chat line does not.
  const token = await step(world.seller.session, '/api/org/tokens', {
    name: '语音转写',
    permissions: ['live:captions'],
  });
  expect(token.status, token.text).toBe(201);
  const captions = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
    bearer: token.json.token,
    body: { segments: [{ text: '家人们这只手镯全网最低价，买了保证升值', speaker: '主播' }] },
  });
  expect(captions.status, captions.text).toBe(200);
  const viewer = await login(
    app,
    (
      await database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', buyers.g.userId)
        .executeTakeFirstOrThrow()
    ).email,
    TEST_PASSWORD,
  );
  const refused = await step(viewer, `/api/live/sessions/${sessionId}/chat`, {
    text: '加微信私下交易更便宜',
  });
  expect(refused.status, refused.text).toBe(422);
  expectedFlags = await database.db
    .selectFrom('complianceFlags')
    .select(['category', 'speakerKind'])
    .where('sessionId', '=', sessionId)
    .execute();
  expect(expectedFlags.map((flag) => flag.speakerKind).sort()).toEqual(
    expect.arrayContaining(['caption_feed', 'viewer']),
  );

  // A giveaway two viewers entered.
  const giveaway = await step(world.seller.hostSession, `/api/live/sessions/${sessionId}/giveaways`, {
    prizeTitle: '和田玉平安扣',
    prizeValueFen: 880_00,
    winnerCount: 1,
    entryCondition: 'join',
    drawAt: new Date(Date.now() + 600_000).toISOString(),
    description: '直播间点击参与',
  });
  expect(giveaway.status, giveaway.text).toBe(201);
  for (const buyer of [buyers.a, buyers.d]) {
    const entered = await step(buyer, `/api/giveaways/${giveaway.json.id}/entries`);
    expect(entered.status, entered.text).toBe(201);
  }
});

afterAll(async () => {
  await database?.drop();
});

const values = (body: SessionStatistics) =>
  Object.fromEntries(Object.entries(body.figures).map(([name, figure]) => [name, figure.value]));
const statuses = (body: SessionStatistics) => new Set(Object.values(body.figures).map((f) => f.status));

describe('a session’s figures, live → pending → final', () => {
  it('while live: what is paid so far, every figure live', async () => {
    const response = await statistics(world.seller.session);
    expect(response.status, response.text).toBe(200);
    const body = response.json as SessionStatistics;
    expect(body.sessionStatus).toBe('live');
    expect(statuses(body)).toEqual(new Set(['live']));
    // Paid: A's bangle and pendant, B's and C's pendants (both given back). E has not paid yet.
    const paid = BANGLE + 3 * PENDANT;
    const refunded = 2 * PENDANT;
    expect(values(body)).toMatchObject({
      orders: 4,
      refundedOrders: 2,
      buyers: 3,
      paidFen: paid,
      refundedFen: refunded,
      gmvFen: paid - refunded,
      peakViewers: 2,
      views: 3,
      giveawayEntries: 2,
    });
  });

  it('after the end: a late payment counts, sales pending while orders are open, exact figures', async () => {
    const ended = await step(world.seller.hostSession, `/api/live/sessions/${sessionId}/end`);
    expect(ended.status, ended.text).toBe(200);
    await payOrder(app, buyers.e, lateOrderId);
    deliverLater.push(lateOrderId);

    const response = await statistics(world.seller.session);
    expect(response.status, response.text).toBe(200);
    const body = response.json as SessionStatistics;
    expect(body.sessionStatus).toBe('ended');
    // Paid: A 12,800 + 1,800; B 1,800; C 1,800; E 12,800 = 31,000 元; B and C refunded 3,600 元.
    const paid = 31_000_00;
    const gmv = 27_400_00;
    const againstSeller = expectedFlags.filter((flag) => flag.speakerKind !== 'viewer').length;
    expect(values(body)).toEqual({
      orders: 5,
      refundedOrders: 2,
      buyers: 4,
      firstTimeBuyers: 3,
      paidFen: paid,
      refundedFen: 3_600_00,
      gmvFen: gmv,
      averageOrderValueFen: Math.round(gmv / 3),
      peakViewers: 2,
      uniqueViewers: 2,
      views: 3,
      gpmFen: Math.round((gmv * 1000) / 3),
      giveawayEntries: 2,
      flags: expectedFlags.length,
      flagsAgainstSeller: againstSeller,
    });
    expect(body.figures.gmvFen.status).toBe('pending');
    expect(body.figures.orders.status).toBe('pending');
    expect(body.figures.uniqueViewers.status).toBe('final');
    expect(body.figures.flags.status).toBe('final');
    expect(body.flagsBySpeaker).toContainEqual(
      expect.objectContaining({ speakerKind: 'viewer', againstSeller: false }),
    );
    expect(body.flagsBySpeaker).toContainEqual(
      expect.objectContaining({ speakerKind: 'caption_feed', againstSeller: true }),
    );
    const offPlatform = expectedFlags.filter((flag) => flag.category === 'off_platform');
    expect(body.flagsByCategory).toContainEqual({
      category: 'off_platform',
      count: offPlatform.length,
      againstSeller: offPlatform.filter((flag) => flag.speakerKind !== 'viewer').length,
    });
    expect(body.comparison).toEqual({ sessions: 3, gmvFen: 200_00, orders: 2, uniqueViewers: 20 });
  });

  it('final once every order is completed, refunded or cancelled', async () => {
    for (const id of deliverLater) {
      const buyer = id === lateOrderId ? buyers.e : buyers.a;
      await expectStep(world.seller.session, `/api/seller/orders/${id}/ship`, {
        trackingNumber: 'SF1234567890',
        carrier: '顺丰',
      });
      await expectStep(buyer, `/api/orders/${id}/confirm-delivery`);
    }
    const stillPending = (await statistics(world.seller.session)).json as SessionStatistics;
    expect(stillPending.figures.gmvFen.status).toBe('pending');
    // Eight days on: the return windows closed and G's payment timed out.
    await sweepCommerce(sweepDeps(database.db), new Date(Date.now() + 8 * DAY));
    const unpaid = await database.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', unpaidOrderId)
      .executeTakeFirstOrThrow();
    expect(unpaid.status).toBe('cancelled');
    const body = (await statistics(world.seller.session)).json as SessionStatistics;
    expect(statuses(body)).toEqual(new Set(['final']));
    expect(body.figures.gmvFen.value).toBe(27_400_00);
  });
});

describe('who reads a session’s sales', () => {
  it('the seller’s members, the district’s regulator, the studio’s base operator and platform admins', async () => {
    const near = await createTenant(database.db, 'regulator', ['owner'], { district: '渝中区' });
    const platform = await createTenant(database.db, 'platform', ['admin']);
    const operator = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
    const baseId = await openBase(app, operator.session);
    const studioId = await addStudio(app, operator.session, baseId);
    const booking = await database.db
      .insertInto('studioBookings')
      .values({
        studioId,
        baseId,
        sellerOrgId: world.seller.orgId,
        during: `[${new Date(Date.now() - 7_200_000).toISOString()},${new Date().toISOString()})`,
        status: 'approved',
        createdBy: hostUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('liveSessions')
      .set({ studioBookingId: booking.id })
      .where('id', '=', sessionId)
      .execute();
    for (const reader of [
      staff,
      world.seller.hostSession,
      await login(app, near.members.owner.email, TEST_PASSWORD),
      operator.session,
      await login(app, platform.members.admin.email, TEST_PASSWORD),
    ]) {
      const response = await statistics(reader);
      expect(response.status, response.text).toBe(200);
      expect(response.json.figures.gmvFen.value).toBe(27_400_00);
    }
  });

  it('another seller, a far regulator and a base that did not host the stream get 404', async () => {
    const far = await createTenant(database.db, 'regulator', ['owner'], { district: '江津区' });
    const otherOperator = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
    const otherBase = await openBase(app, otherOperator.session);
    await admitSeller(app, otherOperator.session, otherBase, {
      org: { id: world.seller.orgId },
      session: world.seller.session,
    });
    for (const reader of [
      otherSeller,
      await login(app, far.members.owner.email, TEST_PASSWORD),
      otherOperator.session,
    ]) {
      const response = await statistics(reader);
      expect(response.status, response.text).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
  });

  it('buyers get no figures; the public recap shows no money figures', async () => {
    const response = await statistics(buyers.a);
    expect(response.status).toBe(403);
    expectErrorShape(response.json, 'FORBIDDEN');
    const recap = await call(app, 'GET', `/api/live/sessions/${sessionId}/recap`, { session: buyers.b });
    expect(recap.status, recap.text).toBe(200);
    for (const figure of ['gmvFen', 'paidFen', 'refundedFen', 'firstTimeBuyers', 'comparison']) {
      expect(recap.text).not.toContain(figure);
    }
  });

  it('a session that never went live is 404 and a malformed id 400', async () => {
    const planned = await database.db
      .insertInto('liveSessions')
      .values({
        sellerOrgId: world.seller.orgId,
        title: '预告',
        plannedStartAt: new Date(Date.now() + DAY),
        createdBy: hostUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await statistics(world.seller.session, planned.id)).status).toBe(404);
    const malformed = await statistics(world.seller.session, 'not-a-uuid');
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.json, 'VALIDATION_FAILED');
  });

  it('is tagged statistics in the OpenAPI document, with its access', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    const operation = doc.paths['/api/statistics/live-sessions/{id}'].get;
    expect(operation.tags).toEqual(['statistics']);
    expect(operation['x-access']).toContain('seller');
  });
});
