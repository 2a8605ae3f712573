import { sweepAuctions } from '@jadelive/server/features/auctions/sweep';
import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import { DEFAULT_BID_LADDER, minimumNextBidFen } from '@jadelive/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  listingFacts,
  liveSaleWorld,
  liveSessionWithPin,
  payOrder,
  publishedListing,
  sweepDeps,
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
const jobDeps = () => sweepDeps(database.db);
/** Everything the public API answered in these tests, to prove the reserve never leaks. */
const publicAnswers: string[] = [];
const RESERVE_FEN = 987_65;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId, staff, otherSeller } = await liveSaleWorld(database.db, livekit.gateway));
});

afterAll(async () => {
  await database?.drop();
});

interface AuctionSetup {
  listingId: string;
  sessionId: string;
  auctionId: string;
}

async function startAuction(body: Record<string, unknown> = {}, stock = 2): Promise<AuctionSetup> {
  const listingId = await publishedListing(app, world, { stock, priceFen: 2_000_00 });
  const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
  const created = await call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
    session: world.seller.hostSession,
    body: { startPriceFen: 100_00, durationSeconds: 300, ...body },
  });
  expect(created.status, created.text).toBe(201);
  publicAnswers.push(created.text);
  return { listingId, sessionId, auctionId: created.json.auction.id };
}

async function bid(session: Session, auctionId: string, amountFen: number, key = idempotencyKey()) {
  const response = await call(app, 'POST', `/api/auctions/${auctionId}/bids`, {
    session,
    body: { amountFen, idempotencyKey: key },
  });
  publicAnswers.push(response.text);
  return response;
}

async function detail(auctionId: string, session?: Session) {
  const response = await call(app, 'GET', `/api/auctions/${auctionId}`, { session });
  expect(response.status, response.text).toBe(200);
  publicAnswers.push(response.text);
  return response.json;
}

/** The auction's clock moved on: it ends `seconds` from now (negative: ended that long ago). */
async function endIn(auctionId: string, seconds: number) {
  await database.db
    .updateTable('auctions')
    .set({
      startsAt: sql`now() - interval '10 minutes'`,
      endsAt: sql`now() + make_interval(secs => ${seconds})`,
    })
    .where('id', '=', auctionId)
    .execute();
}

async function storedBids(auctionId: string) {
  return database.db
    .selectFrom('auctionBids')
    .select(['id', 'bidderUserId', 'amountFen', 'previousPriceFen', 'placedAt', 'endsAtAfter', 'extended'])
    .where('auctionId', '=', auctionId)
    .orderBy('id')
    .execute();
}

async function auctionRow(auctionId: string) {
  return database.db.selectFrom('auctions').selectAll().where('id', '=', auctionId).executeTakeFirstOrThrow();
}

async function ordersOfAuction(auctionId: string) {
  return database.db
    .selectFrom('orders')
    .select(['id', 'buyerUserId', 'unitPriceFen', 'totalFen', 'liveSessionId', 'status'])
    .where('auctionId', '=', auctionId)
    .execute();
}

describe('auctions: concurrent bidding', () => {
  it('12 buyers over 4 rounds: one strictly increasing sequence, each step at least the ladder step, extended in the last seconds', async () => {
    const { auctionId } = await startAuction();
    const buyers = await Promise.all(Array.from({ length: 12 }, () => buyerSession(database.db)));
    const accepted: number[] = [];
    let bidsBeforeLastRound = 0;
    for (let round = 0; round < 4; round++) {
      // The last round happens in the anti-sniping window.
      if (round === 3) {
        await endIn(auctionId, 5);
        bidsBeforeLastRound = (await storedBids(auctionId)).length;
      }
      const { auction } = await detail(auctionId);
      // Round 0: everyone bids the very same minimum; later rounds spread over three amounts.
      const results = await Promise.all(
        buyers.map((buyer, i) =>
          bid(buyer, auctionId, auction.minimumNextBidFen + (round === 0 ? 0 : (i % 3) * 50_00)),
        ),
      );
      const won = results.filter((r) => r.status === 201);
      if (round === 0) expect(won).toHaveLength(1);
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const refused of results.filter((r) => r.status !== 201)) {
        expect(refused.status, refused.text).toBe(409);
        expectErrorShape(refused.json, 'CONFLICT');
        expect(['too_low', 'already_leading']).toContain(refused.json.error.details.reason);
      }
      accepted.push(...won.map((r) => r.json.bid.amountFen));
    }

    const bids = await storedBids(auctionId);
    expect(bids.map((b) => b.amountFen).sort((a, b) => a - b)).toEqual([...accepted].sort((a, b) => a - b));
    expect(new Set(bids.map((b) => b.amountFen)).size).toBe(bids.length);
    expect(bids[0]?.amountFen).toBeGreaterThanOrEqual(100_00);
    for (let i = 1; i < bids.length; i++) {
      const previous = bids[i - 1] as (typeof bids)[number];
      const current = bids[i] as (typeof bids)[number];
      expect(current.previousPriceFen).toBe(previous.amountFen);
      expect(current.amountFen).toBeGreaterThanOrEqual(
        minimumNextBidFen(previous.amountFen, 100_00, DEFAULT_BID_LADDER),
      );
      expect(current.amountFen).toBeGreaterThanOrEqual(previous.amountFen + 50_00);
      expect(current.bidderUserId).not.toBe(previous.bidderUserId);
      // The test moved the end before the last round; from then on the end only moves later.
      if (i > bidsBeforeLastRound) {
        expect(current.extended).toBe(true);
        expect(current.endsAtAfter.getTime()).toBeGreaterThan(previous.endsAtAfter.getTime());
      }
    }
    const row = await auctionRow(auctionId);
    const last = bids.at(-1) as (typeof bids)[number];
    expect(row.currentPriceFen).toBe(Math.max(...bids.map((b) => b.amountFen)));
    expect(row.currentPriceFen).toBe(last.amountFen);
    expect(row.leaderUserId).toBe(last.bidderUserId);
    expect(row.bidCount).toBe(bids.length);
    // The last round's bids fell in the last 30 s: the end moved to 30 s after the latest of them.
    expect(last.extended).toBe(true);
    expect(row.endsAt.getTime()).toBe(last.placedAt.getTime() + 30_000);
    expect(row.endsAt.getTime()).toBe(last.endsAtAfter.getTime());
    const { auction } = await detail(auctionId);
    expect(auction).toMatchObject({ state: 'open', currentPriceFen: last.amountFen, bidCount: bids.length });
    expect(
      livekit.sent.some((m) => m.payload.type === 'auction.updated' && m.payload.auctionId === auctionId),
    ).toBe(true);
  });

  it('a bid outside the window leaves the end alone; one inside extends it, never shortening it', async () => {
    const { auctionId } = await startAuction({ antiSnipeSeconds: 20, antiSnipeExtensionSeconds: 15 });
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => buyerSession(database.db)));
    const planned = (await auctionRow(auctionId)).endsAt;
    const early = await bid(a as Session, auctionId, 100_00);
    expect(early.status, early.text).toBe(201);
    expect(early.json.bid.extended).toBe(false);
    expect((await auctionRow(auctionId)).endsAt.getTime()).toBe(planned.getTime());

    await endIn(auctionId, 3);
    const late = await bid(b as Session, auctionId, 150_00);
    expect(late.json.bid.extended).toBe(true);
    const [stored] = (await storedBids(auctionId)).slice(-1);
    expect((await auctionRow(auctionId)).endsAt.getTime()).toBe((stored?.placedAt.getTime() ?? 0) + 15_000);

    // Inside the window again but the end is already further than 15 s away: it stays.
    await endIn(auctionId, 18);
    const before = (await auctionRow(auctionId)).endsAt;
    const third = await bid(c as Session, auctionId, 200_00);
    expect(third.json.bid.extended).toBe(false);
    expect((await auctionRow(auctionId)).endsAt.getTime()).toBe(before.getTime());
  });
});

describe('auctions: closing', () => {
  it('below the reserve nobody wins: no order, the piece back on the listing', async () => {
    const { auctionId, listingId } = await startAuction({ reservePriceFen: RESERVE_FEN }, 2);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1 });
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    expect((await bid(a, auctionId, 100_00)).status).toBe(201);
    expect((await bid(b, auctionId, 500_00)).status).toBe(201);
    expect((await detail(auctionId)).auction).toMatchObject({ hasReserve: true, reserveMet: false });
    await endIn(auctionId, -1);
    const report = await sweepAuctions(jobDeps());
    expect(report).toMatchObject({ ran: true });
    expect(report.auctionsClosed).toBeGreaterThanOrEqual(1);
    const { auction } = await detail(auctionId);
    expect(auction).toMatchObject({ state: 'closed', outcome: 'unsold', hammerPriceFen: null });
    expect(await ordersOfAuction(auctionId)).toHaveLength(0);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2, status: 'published' });
    expect((await bid(a, auctionId, 1_000_00)).json.error.details.reason).toBe('ended');
  });

  it('reserve met: exactly one order at the hammer price for the leader, closed lazily on read', async () => {
    const { auctionId, listingId, sessionId } = await startAuction({ reservePriceFen: RESERVE_FEN }, 1);
    // The last piece is under the hammer: nobody can order it meanwhile.
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 0, status: 'sold_out' });
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    await bid(a, auctionId, 500_00);
    const winning = await bid(b, auctionId, 990_00);
    expect(winning.json.auction).toMatchObject({
      reserveMet: true,
      leaderAlias: winning.json.bid.bidderAlias,
    });
    await endIn(auctionId, -1);
    // Nobody swept: the first read after the end closes it.
    const closed = await detail(auctionId, b);
    expect(closed.auction).toMatchObject({ state: 'closed', outcome: 'sold', hammerPriceFen: 990_00 });
    const orders = await ordersOfAuction(auctionId);
    expect(orders).toEqual([
      expect.objectContaining({
        buyerUserId: b.userId,
        unitPriceFen: 990_00,
        totalFen: 990_00,
        liveSessionId: sessionId,
        status: 'pending_payment',
      }),
    ]);
    expect(closed.viewer).toMatchObject({ isLeader: true, wonOrderId: orders[0]?.id });
    expect((await detail(auctionId, a)).viewer).toMatchObject({ isLeader: false, wonOrderId: null });
    // A second close (sweeper, stage) changes nothing.
    await sweepAuctions(jobDeps(), new Date(Date.now() + 60_000));
    expect(await ordersOfAuction(auctionId)).toHaveLength(1);
    const again = await call(app, 'POST', `/api/auctions/${auctionId}/close-now`, {
      session: world.seller.session,
    });
    expect(again.status).toBe(409);

    const orderId = orders[0]?.id as string;
    const own = await call(app, 'GET', `/api/orders/${orderId}`, { session: b });
    expect(own.status).toBe(200);
    expect(own.json.order).toMatchObject({ auctionId, flashSaleId: null });
    const foreign = await call(app, 'GET', `/api/orders/${orderId}`, { session: a });
    expect(foreign.status).toBe(404);
    expectErrorShape(foreign.json, 'NOT_FOUND');
    // The order opens with the hammer as its cause, the price as its fact; which auction is the order's.
    expect(own.json.events).toEqual([
      {
        fromStatus: null,
        toStatus: 'pending_payment',
        actor: 'system',
        actorUserId: null,
        cause: { kind: 'auction_won', hammerPriceFen: 990_00 },
        note: null,
        occurredAt: expect.any(String),
      },
    ]);
    await payOrder(app, b, orderId);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 0, soldCount: 1 });
  });

  it('the stage hammers early or cancels; another seller gets 404, staff 403', async () => {
    const { auctionId, listingId } = await startAuction({}, 3);
    const buyer = await buyerSession(database.db);
    await bid(buyer, auctionId, 300_00);
    for (const path of ['close-now', 'cancel']) {
      const foreign = await call(app, 'POST', `/api/auctions/${auctionId}/${path}`, { session: otherSeller });
      expect(foreign.status).toBe(404);
      expectErrorShape(foreign.json, 'NOT_FOUND');
      expect((await call(app, 'POST', `/api/auctions/${auctionId}/${path}`, { session: staff })).status).toBe(
        403,
      );
    }
    const hammered = await call(app, 'POST', `/api/auctions/${auctionId}/close-now`, {
      session: world.seller.hostSession,
    });
    expect(hammered.status, hammered.text).toBe(200);
    expect(hammered.json.auction).toMatchObject({ outcome: 'sold', hammerPriceFen: 300_00 });
    expect(await ordersOfAuction(auctionId)).toHaveLength(1);

    const second = await startAuction({}, 1);
    await bid(buyer, second.auctionId, 300_00);
    const cancelled = await call(app, 'POST', `/api/auctions/${second.auctionId}/cancel`, {
      session: world.seller.session,
    });
    expect(cancelled.json.auction).toMatchObject({ outcome: 'cancelled', state: 'closed' });
    expect(await ordersOfAuction(second.auctionId)).toHaveLength(0);
    expect(await listingFacts(database.db, second.listingId)).toMatchObject({
      stock: 1,
      status: 'published',
    });
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2 });
  });
});

describe('auctions: refused bids and access', () => {
  it('too low answers the minimum; the seller’s accounts, an ended or unstarted auction refuse', async () => {
    const { auctionId, sessionId } = await startAuction();
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    const belowStart = await bid(a, auctionId, 99_00);
    expect(belowStart.status).toBe(409);
    expect(belowStart.json.error.details).toMatchObject({ reason: 'too_low', minimumFen: 100_00 });
    expect((await bid(a, auctionId, 100_00)).status).toBe(201);
    const sameAgain = await bid(b, auctionId, 100_00);
    expect(sameAgain.json.error.details).toMatchObject({
      reason: 'too_low',
      minimumFen: 150_00,
      currentPriceFen: 100_00,
    });
    expect((await bid(a, auctionId, 200_00)).json.error.details.reason).toBe('already_leading');
    for (const member of [world.seller.session, world.seller.hostSession, otherSeller]) {
      const own = await bid(member, auctionId, 500_00);
      expect(own.status).toBe(403);
      expectErrorShape(own.json, 'FORBIDDEN');
    }
    expect((await bid(a, '00000000-0000-4000-8000-000000000000', 500_00)).status).toBe(404);
    const refusals = await database.db
      .selectFrom('auctionBidRefusals')
      .select(['reason', 'minimumFen'])
      .where('auctionId', '=', auctionId)
      .execute();
    expect(refusals.map((r) => r.reason).sort()).toEqual(['already_leading', 'too_low', 'too_low']);

    await endIn(auctionId, -1);
    const late = await bid(b, auctionId, 1_000_00);
    expect(late.status).toBe(409);
    expect(late.json.error.details.reason).toBe('ended');
    expect((await auctionRow(auctionId)).outcome).toBe('sold');

    // One open auction per session: the next one may start once this one closed.
    const next = await call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
      session: world.seller.hostSession,
      body: { startPriceFen: 100_00, durationSeconds: 60 },
    });
    expect(next.status, next.text).toBe(201);
  });

  it('a scheduled auction refuses bids until it starts; only one open auction per session', async () => {
    const listingId = await publishedListing(app, world, { stock: 3 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const path = `/api/live/sessions/${sessionId}/auctions`;
    const body = {
      startPriceFen: 100_00,
      durationSeconds: 60,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const created = await call(app, 'POST', path, { session: world.seller.hostSession, body });
    expect(created.status, created.text).toBe(201);
    expect(created.json.auction.state).toBe('scheduled');
    const early = await bid(await buyerSession(database.db), created.json.auction.id, 100_00);
    expect(early.json.error.details.reason).toBe('not_started');
    const twice = await call(app, 'POST', path, { session: world.seller.hostSession, body });
    expect(twice.status).toBe(409);
    expect(twice.json.error.details.reason).toBe('auction_open');
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2 });
  });

  it('only the stage starts auctions: another seller 404, staff and buyers 403, nothing reserved', async () => {
    const listingId = await publishedListing(app, world, { stock: 2 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const path = `/api/live/sessions/${sessionId}/auctions`;
    const body = { startPriceFen: 100_00, durationSeconds: 60 };
    const foreign = await call(app, 'POST', path, { session: otherSeller, body });
    expect(foreign.status).toBe(404);
    expectErrorShape(foreign.json, 'NOT_FOUND');
    expect((await call(app, 'POST', path, { session: staff, body })).status).toBe(403);
    expect((await call(app, 'POST', path, { session: await buyerSession(database.db), body })).status).toBe(
      403,
    );
    const badLadder = await call(app, 'POST', path, {
      session: world.seller.session,
      body: { ...body, ladder: [{ fromFen: 10, stepFen: 5 }] },
    });
    expect(badLadder.status).toBe(400);
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 2 });
    const listed = await call(app, 'GET', path);
    expect(listed.json.auctions).toEqual([]);
  });

  it('a repeated idempotency key is the same bid, also when both arrive at once', async () => {
    const { auctionId } = await startAuction();
    const buyer = await buyerSession(database.db);
    const key = idempotencyKey();
    const first = await bid(buyer, auctionId, 100_00, key);
    const retry = await bid(buyer, auctionId, 100_00, key);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.json.bid.id).toBe(first.json.bid.id);
    expect((await bid(buyer, auctionId, 150_00, key)).status).toBe(422);

    const other = await buyerSession(database.db);
    const twinKey = idempotencyKey();
    const twins = await Promise.all([
      bid(other, auctionId, 200_00, twinKey),
      bid(other, auctionId, 200_00, twinKey),
    ]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(twins[0]?.json.bid.id).toBe(twins[1]?.json.bid.id);
    expect(await storedBids(auctionId)).toHaveLength(2);
    expect((await auctionRow(auctionId)).bidCount).toBe(2);
  });
});

describe('auctions: deposits (保证金)', () => {
  async function payDeposit(buyer: Session, auctionId: string, outcome: 'success' | 'fail' = 'success') {
    const opened = await call(app, 'POST', `/api/auctions/${auctionId}/deposit`, { session: buyer });
    expect([200, 201]).toContain(opened.status);
    const paid = await call(app, 'POST', opened.json.payUrl, { session: buyer, body: { outcome } });
    expect(paid.status, paid.text).toBe(200);
    return paid.json;
  }

  it('no bid without a held deposit; losers refunded at close, the winner once the order is paid', async () => {
    const { auctionId } = await startAuction({ depositFen: 1_000_00 });
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    const refused = await bid(a, auctionId, 100_00);
    expect(refused.json.error.details).toMatchObject({ reason: 'deposit_required', depositFen: 1_000_00 });

    const opened = await call(app, 'POST', `/api/auctions/${auctionId}/deposit`, { session: a });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json).toMatchObject({ status: 'pending', amountFen: 1_000_00 });
    const reopened = await call(app, 'POST', `/api/auctions/${auctionId}/deposit`, { session: a });
    expect([reopened.status, reopened.json.id]).toEqual([200, opened.json.id]);
    // Someone else's deposit page is not theirs to complete.
    expect(
      (await call(app, 'POST', opened.json.payUrl, { session: b, body: { outcome: 'success' } })).status,
    ).toBe(404);
    // A forged notification changes nothing.
    const forged = await call(app, 'POST', '/api/auctions/deposits/notify/sandbox', {
      rawBody: JSON.stringify({
        notificationId: 'n-1',
        paymentId: opened.json.id,
        outcome: 'success',
        amountFen: 1_000_00,
      }),
      headers: { 'x-sandbox-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
    expect((await bid(a, auctionId, 100_00)).json.error.details.reason).toBe('deposit_required');

    expect(await payDeposit(a, auctionId)).toMatchObject({ status: 'held' });
    expect((await bid(a, auctionId, 100_00)).status).toBe(201);
    expect((await detail(auctionId, a)).viewer.deposit).toMatchObject({ status: 'held' });
    await payDeposit(b, auctionId);
    expect((await bid(b, auctionId, 150_00)).status).toBe(201);

    await endIn(auctionId, -1);
    await sweepAuctions(jobDeps());
    const deposits = async () =>
      Object.fromEntries(
        (
          await database.db
            .selectFrom('auctionDeposits')
            .select(['buyerUserId', 'status'])
            .where('auctionId', '=', auctionId)
            .execute()
        ).map((d) => [d.buyerUserId, d.status]),
      );
    expect(await deposits()).toEqual({ [a.userId]: 'refunded', [b.userId]: 'held' });
    const [order] = await ordersOfAuction(auctionId);
    await payOrder(app, b, order?.id as string);
    const report = await sweepAuctions(jobDeps());
    expect(report.depositsSettled).toBeGreaterThanOrEqual(1);
    expect(await deposits()).toEqual({ [a.userId]: 'refunded', [b.userId]: 'refunded' });
  });

  it('a deposit paid after the auction ended is refunded at once', async () => {
    const { auctionId } = await startAuction({ depositFen: 800_00 });
    const late = await buyerSession(database.db);
    const opened = await call(app, 'POST', `/api/auctions/${auctionId}/deposit`, { session: late });
    expect(opened.status, opened.text).toBe(201);
    await endIn(auctionId, -1);
    const paid = await call(app, 'POST', opened.json.payUrl, { session: late, body: { outcome: 'success' } });
    expect(paid.status, paid.text).toBe(200);
    const deposit = await database.db
      .selectFrom('auctionDeposits')
      .select(['status', 'paidAt'])
      .where('id', '=', opened.json.id)
      .executeTakeFirstOrThrow();
    expect(deposit.status).toBe('refunded');
    expect(deposit.paidAt).not.toBeNull();
  });

  it('a winner who does not pay forfeits the deposit; the piece goes back to the listing', async () => {
    const { auctionId, listingId } = await startAuction({ depositFen: 500_00 }, 1);
    const winner = await buyerSession(database.db);
    await payDeposit(winner, auctionId);
    await bid(winner, auctionId, 100_00);
    await endIn(auctionId, -1);
    await sweepAuctions(jobDeps());
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 0 });
    await sweepCommerce(jobDeps(), new Date(Date.now() + 16 * 60_000));
    await sweepAuctions(jobDeps());
    const deposit = await database.db
      .selectFrom('auctionDeposits')
      .select('status')
      .where('auctionId', '=', auctionId)
      .executeTakeFirstOrThrow();
    expect(deposit.status).toBe('forfeited');
    expect(await listingFacts(database.db, listingId)).toMatchObject({ stock: 1, status: 'published' });
  });
});

describe('auctions: the reserve stays secret', () => {
  it('no public answer or room message carries the reserve amount', async () => {
    const { auctionId, sessionId } = await startAuction({ reservePriceFen: RESERVE_FEN });
    await bid(await buyerSession(database.db), auctionId, 100_00);
    publicAnswers.push((await call(app, 'GET', `/api/live/sessions/${sessionId}/auctions`)).text);
    await detail(auctionId);
    expect(publicAnswers.length).toBeGreaterThan(20);
    for (const text of [...publicAnswers, ...livekit.sent.map((m) => JSON.stringify(m.payload))]) {
      expect(text).not.toContain(String(RESERVE_FEN));
      expect(text).not.toMatch(/reservePrice/i);
    }
  });
});
