import type { LiveRecap } from '@jadelive/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  publishedListing,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { recordingLivekit } from '../support/recording-livekit';

// The public summary of an ended session (GET /api/live/sessions/{id}/recap): everyone sees the
// host, the shop, when it ran and what was sold and won; only the winner sees their order to pay.

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
const livekit = recordingLivekit();

let sessionId: string;
let winner: Session;
let grabber: Session;
let buyNowBuyer: Session;
let listings: { buyNow: string; flash: string; auction: string };
let winnerOrderId: string;
let grabOrderId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId } = await liveSaleWorld(database.db, livekit.gateway));
  const host = world.seller.hostSession;
  listings = {
    buyNow: await publishedListing(app, world, { stock: 2, priceFen: 1_288_00 }),
    flash: await publishedListing(app, world, { stock: 3, priceFen: 2_000_00 }),
    auction: await publishedListing(app, world, { stock: 1, priceFen: 5_000_00 }),
  };
  sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listings.buyNow, hostUserId);
  await database.db
    .insertInto('liveSessionLineup')
    .values([
      { sessionId, listingId: listings.flash, position: 1 },
      { sessionId, listingId: listings.auction, position: 2 },
    ])
    .execute();
  await database.db
    .updateTable('liveSessions')
    .set({ startedAt: new Date(Date.now() - 3_600_000) })
    .where('id', '=', sessionId)
    .execute();
  winner = await buyerSession(database.db);
  grabber = await buyerSession(database.db);
  buyNowBuyer = await buyerSession(database.db);

  const bought = await call(app, 'POST', '/api/orders', {
    session: buyNowBuyer,
    body: {
      listingId: listings.buyNow,
      quantity: 1,
      idempotencyKey: idempotencyKey(),
      liveSessionId: sessionId,
    },
  });
  expect(bought.status, bought.text).toBe(201);

  const pin = (listingId: string) =>
    call(app, 'POST', `/api/live/sessions/${sessionId}/pin`, { session: host, body: { listingId } });
  expect((await pin(listings.flash)).status).toBe(200);
  const sale = await call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
    session: host,
    body: { quantity: 2, priceFen: 1_500_00, durationSeconds: 60, perBuyerLimit: 1 },
  });
  expect(sale.status, sale.text).toBe(201);
  const grab = await call(app, 'POST', `/api/flash-sales/${sale.json.id}/grab`, {
    session: grabber,
    body: { idempotencyKey: idempotencyKey() },
  });
  expect(grab.status, grab.text).toBe(201);
  grabOrderId = grab.json.id;
  const ended = await call(app, 'POST', `/api/flash-sales/${sale.json.id}/end`, { session: host });
  expect(ended.status, ended.text).toBe(200);

  expect((await pin(listings.auction)).status).toBe(200);
  const auction = await call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
    session: host,
    body: { startPriceFen: 4_000_00, durationSeconds: 300 },
  });
  expect(auction.status, auction.text).toBe(201);
  const auctionId = auction.json.auction.id;
  const bid = await call(app, 'POST', `/api/auctions/${auctionId}/bids`, {
    session: winner,
    body: { amountFen: 4_000_00, idempotencyKey: idempotencyKey() },
  });
  expect(bid.status, bid.text).toBe(201);
  const hammer = await call(app, 'POST', `/api/auctions/${auctionId}/close-now`, { session: host });
  expect(hammer.status, hammer.text).toBe(200);
  const won = await database.db
    .selectFrom('auctions')
    .select('winnerOrderId')
    .where('id', '=', auctionId)
    .executeTakeFirstOrThrow();
  winnerOrderId = won.winnerOrderId ?? '';
  expect(winnerOrderId).not.toBe('');

  const end = await call(app, 'POST', `/api/live/sessions/${sessionId}/end`, { session: host });
  expect(end.status, end.text).toBe(200);
});

afterAll(async () => {
  await database?.drop();
});

async function recap(id: string, session?: Session) {
  return call(app, 'GET', `/api/live/sessions/${id}/recap`, { session });
}

describe('the public summary of an ended session', () => {
  it('shows anyone the host, the shop, when it ran, what was sold and the masked auction winner', async () => {
    const response = await recap(sessionId);
    expect(response.status, response.text).toBe(200);
    const body = response.json as LiveRecap;
    expect(body.sellerOrgId).toBe(world.seller.orgId);
    expect(body.shopSlug).toMatch(/\S/);
    expect(body.hosts).toHaveLength(1);
    expect(Date.parse(body.endedAt)).toBeGreaterThan(Date.parse(body.startedAt));
    expect(body.listings.map((listing) => listing.listingId)).toEqual([
      listings.buyNow,
      listings.flash,
      listings.auction,
    ]);
    expect(body.listings[0]).toMatchObject({ soldCount: 1, dealPriceFen: 1_288_00 });
    expect(body.listings[1]).toMatchObject({ soldCount: 0, dealPriceFen: null });
    expect(body.flashSales).toEqual([
      expect.objectContaining({ listingId: listings.flash, priceFen: 1_500_00, quantity: 2, soldCount: 1 }),
    ]);
    expect(body.auctions).toEqual([
      expect.objectContaining({ listingId: listings.auction, outcome: 'sold', hammerPriceFen: 4_000_00 }),
    ]);
    expect(body.auctions[0]?.winnerAlias).toMatch(/^.\*\*·[0-9a-f]{4}$/);
    expect(body.myOrders).toEqual([]);
    // No buyer is named or identified, and no order of anyone is in the public answer.
    for (const secret of [winner.userId, grabber.userId, buyNowBuyer.userId, winnerOrderId, grabOrderId]) {
      expect(response.text).not.toContain(secret);
    }
  });

  it('shows the winner their order to pay, and another buyer only their own', async () => {
    const mine = (await recap(sessionId, winner)).json as LiveRecap;
    expect(mine.myOrders).toEqual([
      expect.objectContaining({
        orderId: winnerOrderId,
        kind: 'auction',
        status: 'pending_payment',
        totalFen: 4_000_00,
      }),
    ]);
    const theirs = await recap(sessionId, grabber);
    expect(theirs.status).toBe(200);
    expect((theirs.json as LiveRecap).myOrders.map((order) => order.kind)).toEqual(['flash_sale']);
    expect(theirs.text).not.toContain(winnerOrderId);
    const seller = await recap(sessionId, world.seller.session);
    expect((seller.json as LiveRecap).myOrders).toEqual([]);
  });

  it('stays 404 for a session that is still open, was cancelled or does not exist; a bad id is 400', async () => {
    const open = await liveSessionWithPin(database.db, world.seller.orgId, listings.buyNow, hostUserId);
    const cancelled = await liveSessionWithPin(database.db, world.seller.orgId, listings.buyNow, hostUserId);
    await database.db
      .updateTable('liveSessions')
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where('id', '=', cancelled)
      .execute();
    for (const [id, session] of [
      [open, undefined],
      [open, winner],
      [cancelled, undefined],
      [cancelled, buyNowBuyer],
      ['00000000-0000-4000-8000-000000000000', undefined],
    ] as const) {
      const response = await recap(id, session);
      expect(response.status, id).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    const bad = await recap('not-a-uuid');
    expect(bad.status).toBe(400);
    expectErrorShape(bad.json, 'VALIDATION_FAILED');
  });
});
