import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import { reconcileLiveSessions } from '@jadelive/server/features/live/reconcile';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session, type TestApp } from '../support/app';
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
import { createTenant, TEST_PASSWORD } from '../support/fixtures';
import { expectLedgerConsistent } from '../support/holds';
import { signWebhook, webhookBody } from '../support/livekit';
import { recordingLivekit } from '../support/recording-livekit';

const credentials = {
  url: 'ws://127.0.0.1:1',
  apiKey: 'APIsettle',
  apiSecret: 'settlement-test-secret-0123456789abcdef',
};
let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let operator: Session;
const recording = recordingLivekit();
// LiveKit as far as these paths reach it: room data is recorded, webhooks are verified by the
// real SDK receiver, and no room exists any more (reconciliation finds none).
const gateway = {
  ...recording.gateway,
  receiveWebhook: createLiveKitGateway(credentials).receiveWebhook,
  deleteRoom: async () => {},
  listRooms: async () => [],
  listParticipants: async () => [],
};
const RESERVE_FEN = 500_00;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId } = await liveSaleWorld(database.db, gateway));
  // The operator of a base the seller is admitted to: may force-end its sessions.
  const op = await createTenant(database.db, 'cluster_operator', ['owner']);
  const base = await database.db
    .insertInto('bases')
    .values({
      operatorOrgId: op.org.id,
      name: '解放碑基地',
      address: '解放碑',
      district: '渝中区',
      kind: 'trade_centre',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('baseMemberships')
    .values({ baseId: base.id, sellerOrgId: world.seller.orgId, status: 'admitted' })
    .execute();
  operator = await login(app, op.members.owner.email, TEST_PASSWORD);
});

afterAll(async () => {
  await database?.drop();
});

/** A POST as the session's host, or as `session`. */
const stage = {
  post: (path: string, body?: unknown, session?: Session) =>
    call(app, 'POST', path, { session: session ?? world.seller.hostSession, body }),
};

/**
 * A live room with everything running at once: a flash sale (2 of 3 pieces, one grabbed and
 * unpaid), an auction of a one-piece listing with a bid above or below its reserve, a giveaway
 * with an entry and one not started yet.
 */
async function busyRoom(bidFen: number) {
  const flashListing = await publishedListing(app, world, { stock: 3, priceFen: 1_000_00 });
  const auctionListing = await publishedListing(app, world, { stock: 1, priceFen: 2_000_00 });
  const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, flashListing, hostUserId);
  const sale = await stage.post(`/api/live/sessions/${sessionId}/flash-sales`, {
    quantity: 2,
    priceFen: 699_00,
    durationSeconds: 600,
    perBuyerLimit: 1,
  });
  expect(sale.status, sale.text).toBe(201);
  const grabbed = await stage.post(
    `/api/flash-sales/${sale.json.id}/grab`,
    { idempotencyKey: idempotencyKey() },
    await buyerSession(database.db),
  );
  expect(grabbed.status, grabbed.text).toBe(201);

  await database.db
    .updateTable('liveSessions')
    .set({ pinnedListingId: auctionListing })
    .where('id', '=', sessionId)
    .execute();
  const auction = await stage.post(`/api/live/sessions/${sessionId}/auctions`, {
    startPriceFen: 100_00,
    reservePriceFen: RESERVE_FEN,
    durationSeconds: 600,
  });
  expect(auction.status, auction.text).toBe(201);
  const bidder = await buyerSession(database.db);
  const bid = await stage.post(
    `/api/auctions/${auction.json.auction.id}/bids`,
    { amountFen: bidFen, idempotencyKey: idempotencyKey() },
    bidder,
  );
  expect(bid.status, bid.text).toBe(201);

  const giveaway = (startsInMinutes: number) =>
    stage.post(`/api/live/sessions/${sessionId}/giveaways`, {
      prizeTitle: '和田玉平安扣',
      prizeValueFen: 300_00,
      winnerCount: 1,
      entryCondition: 'join',
      startsAt: new Date(Date.now() + startsInMinutes * 60_000).toISOString(),
      drawAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      description: '关注直播间即可参与',
    });
  const running = await giveaway(0);
  expect(running.status, running.text).toBe(201);
  const entered = await stage.post(
    `/api/giveaways/${running.json.id}/entries`,
    {},
    await buyerSession(database.db),
  );
  expect(entered.status, entered.text).toBe(201);
  const later = await giveaway(30);
  expect(later.status, later.text).toBe(201);
  return {
    sessionId,
    flashListing,
    auctionListing,
    saleId: sale.json.id as string,
    auctionId: auction.json.auction.id as string,
    bidderId: bidder.userId,
    runningGiveaway: running.json.id as string,
    laterGiveaway: later.json.id as string,
  };
}

async function settledFacts(room: Awaited<ReturnType<typeof busyRoom>>) {
  const db = database.db;
  const auction = await db
    .selectFrom('auctions')
    .select(['outcome', 'closeCause', 'winnerOrderId', 'hammerPriceFen'])
    .where('id', '=', room.auctionId)
    .executeTakeFirstOrThrow();
  const sale = await db
    .selectFrom('flashSales')
    .select(['endCause', 'returnedQuantity', 'stockReturnedAt'])
    .where('id', '=', room.saleId)
    .executeTakeFirstOrThrow();
  const giveaways = await db
    .selectFrom('giveaways')
    .select(['id', 'drawnBy', 'entryCount', 'cancelledAt'])
    .where('id', 'in', [room.runningGiveaway, room.laterGiveaway])
    .execute();
  return {
    auction,
    sale,
    running: giveaways.find((row) => row.id === room.runningGiveaway),
    later: giveaways.find((row) => row.id === room.laterGiveaway),
  };
}

async function expectSaleAndGiveawaysSettled(room: Awaited<ReturnType<typeof busyRoom>>) {
  const facts = await settledFacts(room);
  // The flash sale ended with the room and gave back the piece nobody grabbed; the grabbed one
  // stays with its unpaid order.
  expect(facts.sale).toMatchObject({ endCause: 'session_ended', returnedQuantity: 1 });
  expect(facts.sale.stockReturnedAt).not.toBeNull();
  expect(await expectLedgerConsistent(database.db, room.flashListing)).toMatchObject({
    held: 1,
    stock: 2,
  });
  // The started giveaway is drawn among its entries; the one not started is called off.
  expect(facts.running).toMatchObject({ drawnBy: 'session_ended', entryCount: 1, cancelledAt: null });
  expect(facts.later?.drawnBy).toBeNull();
  expect(facts.later?.cancelledAt).not.toBeNull();
  const winners = await database.db
    .selectFrom('giveawayWinners')
    .select('rank')
    .where('giveawayId', '=', room.runningGiveaway)
    .execute();
  expect(winners).toHaveLength(1);
  return facts;
}

describe('ending a session settles what runs in it', () => {
  it('operator force-end: the auction hammers (reserve met), the sale ends, giveaways draw or cancel', async () => {
    const room = await busyRoom(RESERVE_FEN + 100_00);
    const ended = await stage.post(`/api/live/sessions/${room.sessionId}/end`, undefined, operator);
    expect(ended.status, ended.text).toBe(200);

    const facts = await expectSaleAndGiveawaysSettled(room);
    expect(facts.auction).toMatchObject({ outcome: 'sold', closeCause: 'session_ended' });
    const order = await database.db
      .selectFrom('orders')
      .select(['id', 'buyerUserId', 'status', 'unitPriceFen'])
      .where('id', '=', facts.auction.winnerOrderId as string)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      buyerUserId: room.bidderId,
      status: 'pending_payment',
      unitPriceFen: RESERVE_FEN + 100_00,
    });
    const events = await database.db
      .selectFrom('orderEvents')
      .select(['cause', 'causeDetails'])
      .where('orderId', '=', order.id)
      .execute();
    expect(events).toEqual([
      { cause: 'auction_won', causeDetails: { hammerPriceFen: RESERVE_FEN + 100_00 } },
    ]);
    expect(await expectLedgerConsistent(database.db, room.auctionListing)).toMatchObject({
      held: 1,
      stock: 0,
    });
    // The room heard the outcome.
    expect(
      recording.sent.some(
        (m) => m.payload.type === 'auction.updated' && m.payload.auctionId === room.auctionId,
      ),
    ).toBe(true);
  });

  it('LiveKit room_finished webhook: below the reserve the auction is unsold and its piece back on sale', async () => {
    const room = await busyRoom(RESERVE_FEN - 100_00);
    const { roomName } = await database.db
      .selectFrom('liveSessions')
      .select('roomName')
      .where('id', '=', room.sessionId)
      .executeTakeFirstOrThrow();
    const body = webhookBody({ event: 'room_finished', roomName });
    const finished = await call(app, 'POST', '/api/live/webhooks', {
      rawBody: body,
      headers: {
        'content-type': 'application/webhook+json',
        authorization: await signWebhook(credentials.apiKey, credentials.apiSecret, body),
      },
    });
    expect(finished.status, finished.text).toBe(200);

    const facts = await expectSaleAndGiveawaysSettled(room);
    expect(facts.auction).toMatchObject({
      outcome: 'unsold',
      closeCause: 'session_ended',
      winnerOrderId: null,
    });
    expect(await expectLedgerConsistent(database.db, room.auctionListing)).toMatchObject({
      held: 0,
      stock: 1,
    });
    const listing = await database.db
      .selectFrom('listings')
      .select('status')
      .where('id', '=', room.auctionListing)
      .executeTakeFirstOrThrow();
    expect(listing.status).toBe('published');
  });

  it('reconciliation ends a live session whose room is gone and settles it the same way', async () => {
    const room = await busyRoom(RESERVE_FEN);
    // On air for a while, nobody left in its room.
    await database.db
      .updateTable('liveSessions')
      .set({ startedAt: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', room.sessionId)
      .execute();
    const report = await reconcileLiveSessions({
      ...sweepDeps(database.db),
      livekit: gateway,
      logger: pino({ level: 'silent' }),
    });
    expect(report.ran).toBe(true);
    const session = await database.db
      .selectFrom('liveSessions')
      .select('status')
      .where('id', '=', room.sessionId)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('ended');
    const facts = await expectSaleAndGiveawaysSettled(room);
    // A bid exactly at the reserve meets it.
    expect(facts.auction).toMatchObject({
      outcome: 'sold',
      closeCause: 'session_ended',
      hammerPriceFen: RESERVE_FEN,
    });
  });

  it('reconciliation finishes the settlement of a session that ended without it (a crash in between)', async () => {
    const room = await busyRoom(RESERVE_FEN + 100_00);
    // Ended, but nothing of what ran in it was settled.
    await database.db
      .updateTable('liveSessions')
      .set({ status: 'ended', endedAt: new Date(), pinnedListingId: null })
      .where('id', '=', room.sessionId)
      .execute();
    await reconcileLiveSessions({
      ...sweepDeps(database.db),
      livekit: gateway,
      logger: pino({ level: 'silent' }),
    });
    const facts = await expectSaleAndGiveawaysSettled(room);
    expect(facts.auction).toMatchObject({ outcome: 'sold', closeCause: 'session_ended' });
    expect(await expectLedgerConsistent(database.db, room.auctionListing)).toMatchObject({
      held: 1,
      stock: 0,
    });
  });
});
