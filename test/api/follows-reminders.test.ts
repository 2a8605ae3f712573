import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { reconcileLiveSessions } from '@jadelive/server/features/live/reconcile';
import { applyWebhook } from '@jadelive/server/features/live/webhook-events';
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
import { recordingLivekit } from '../support/recording-livekit';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let otherSeller: Session;
let shopSlug: string;
let otherShopSlug: string;

// LiveKit is an outside service: rooms are "created" by the recorder, room data is recorded.
const recorder = recordingLivekit();
const rooms = new Set<string>();
const livekit: LiveKitGateway = {
  ...recorder.gateway,
  async createRoom(options) {
    rooms.add(options.name);
    return {
      name: options.name,
      sid: `RM_${options.name}`,
      numParticipants: 0,
      createdAt: new Date(),
      metadata: '',
    };
  },
  // Reconciliation asks what LiveKit runs: the rooms made here, each with its host on air.
  async listRooms() {
    return [...rooms].map((name) => ({
      name,
      sid: `RM_${name}`,
      numParticipants: 1,
      createdAt: new Date(),
      metadata: '',
    }));
  },
  async listParticipants() {
    return [
      {
        sid: 'PA_host',
        identity: `host:${hostUserId}`,
        state: 'active' as const,
        joinedAt: new Date(),
        hidden: false,
        canPublish: true,
        canPublishData: false,
        canSubscribe: true,
        publishedTracks: 2,
      },
    ];
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId, otherSeller } = await liveSaleWorld(database.db, livekit));
  const slugOf = async (id: string) =>
    (
      await database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).slug;
  shopSlug = await slugOf(world.seller.orgId);
  otherShopSlug = await slugOf(await otherSellerOrg());
});

afterAll(async () => {
  await database?.drop();
});

async function otherSellerOrg() {
  const row = await database.db
    .selectFrom('users')
    .select('organizationId')
    .where('id', '=', otherSeller.userId)
    .executeTakeFirstOrThrow();
  return row.organizationId ?? '';
}

const follow = (session: Session | undefined, slug = shopSlug) =>
  call(app, 'PUT', `/api/follows/${slug}`, { session });
const unfollow = (session: Session, slug = shopSlug) =>
  call(app, 'DELETE', `/api/follows/${slug}`, { session });
const followed = async (session: Session) => {
  const response = await call(app, 'GET', '/api/follows', { session });
  expect(response.status, response.text).toBe(200);
  return (response.json.shops as { shop: { slug: string }; liveSessionId: string | null }[]).map((row) => ({
    slug: row.shop.slug,
    liveSessionId: row.liveSessionId,
  }));
};
const remind = (session: Session, sessionId: string) =>
  call(app, 'PUT', `/api/reminders/${sessionId}`, { session });
const reminders = async (session: Session) => {
  const response = await call(app, 'GET', '/api/reminders', { session });
  expect(response.status, response.text).toBe(200);
  return response.json.reminders as { session: { id: string; status: string }; shop: { slug: string } }[];
};
const notifications = async (session: Session) => {
  const response = await call(app, 'GET', '/api/me/notifications', { session });
  expect(response.status, response.text).toBe(200);
  return response.json.notifications as {
    id: string;
    kind: string;
    subjectId: string;
    details: { sessionId: string; title: string; shopSlug: string; reminded: boolean };
  }[];
};
const storefront = async (slug = shopSlug) => {
  const response = await call(app, 'GET', `/api/storefronts/${slug}`);
  expect(response.status, response.text).toBe(200);
  return response.json;
};

/** A session of the world's seller planned an hour ahead, hosted by its host, through the API. */
async function plannedSession(title = '冰种翡翠专场') {
  const created = await call(app, 'POST', '/api/live/sessions', {
    session: world.seller.session,
    body: {
      title,
      hostUserIds: [hostUserId],
      plannedStartAt: new Date(Date.now() + 3_600_000).toISOString(),
      listingIds: [],
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json as { id: string; roomName: string };
}

describe('follows (关注)', () => {
  it('following and unfollowing are idempotent, and the shop sees its follower count', async () => {
    const buyer = await buyerSession(database.db);
    const before = (await storefront()).followerCount as number;

    for (let i = 0; i < 2; i++) {
      const response = await follow(buyer);
      expect(response.status, response.text).toBe(200);
      expect(response.json).toEqual({ following: true, followerCount: before + 1 });
    }
    expect(await followed(buyer)).toEqual([{ slug: shopSlug, liveSessionId: null }]);
    expect((await storefront()).followerCount).toBe(before + 1);
    const own = await call(app, 'GET', '/api/follows/followers', { session: world.seller.hostSession });
    expect(own.status, own.text).toBe(200);
    expect(own.json).toEqual({ followerCount: before + 1 });
    const others = await call(app, 'GET', '/api/follows/followers', { session: otherSeller });
    expect(others.json).toEqual({ followerCount: 0 });

    for (let i = 0; i < 2; i++) {
      const response = await unfollow(buyer);
      expect(response.status, response.text).toBe(200);
      expect(response.json).toEqual({ following: false, followerCount: before });
    }
    expect(await followed(buyer)).toEqual([]);
  });

  it('each buyer sees only their own follows; signed-out, organisation members and unknown shops are refused', async () => {
    const buyer = await buyerSession(database.db);
    const otherBuyer = await buyerSession(database.db);
    expect((await follow(buyer)).status).toBe(200);
    expect((await follow(otherBuyer, otherShopSlug)).status).toBe(200);
    expect((await followed(buyer)).map((row) => row.slug)).toEqual([shopSlug]);
    expect((await followed(otherBuyer)).map((row) => row.slug)).toEqual([otherShopSlug]);

    const signedOut = await follow(undefined);
    expect(signedOut.status).toBe(401);
    expectErrorShape(signedOut.json, 'UNAUTHENTICATED');
    const member = await follow(otherSeller);
    expect(member.status).toBe(403);
    expectErrorShape(member.json, 'FORBIDDEN');
    const sellersList = await call(app, 'GET', '/api/follows', { session: otherSeller });
    expect(sellersList.status).toBe(403);
    const unknown = await follow(buyer, 'no-such-shop');
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.json, 'NOT_FOUND');
    const malformed = await follow(buyer, 'Not A Slug!');
    expect(malformed.status).toBe(400);
    const buyerAsShop = await call(app, 'GET', '/api/follows/followers', { session: buyer });
    expect(buyerAsShop.status).toBe(403);
  });
});

describe('reminders (预约) and going live', () => {
  it('a reminder is idempotent, listed for its buyer only, and refused once the session is live or gone', async () => {
    const buyer = await buyerSession(database.db);
    const otherBuyer = await buyerSession(database.db);
    const planned = await plannedSession('和田玉专场');
    for (let i = 0; i < 2; i++) {
      const response = await remind(buyer, planned.id);
      expect(response.status, response.text).toBe(200);
      expect(response.json).toEqual({ reminded: true });
    }
    const mine = await reminders(buyer);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      session: { id: planned.id, status: 'scheduled' },
      shop: { slug: shopSlug },
    });
    expect(await reminders(otherBuyer)).toEqual([]);

    const shop = await storefront();
    expect(shop.upcomingSessions.map((session: { id: string }) => session.id)).toContain(planned.id);

    for (let i = 0; i < 2; i++) {
      const response = await call(app, 'DELETE', `/api/reminders/${planned.id}`, { session: buyer });
      expect(response.status, response.text).toBe(200);
      expect(response.json).toEqual({ reminded: false });
    }
    expect(await reminders(buyer)).toEqual([]);

    const started = await call(app, 'POST', `/api/live/sessions/${planned.id}/start`, {
      session: world.seller.hostSession,
    });
    expect(started.status, started.text).toBe(200);
    const late = await remind(otherBuyer, planned.id);
    expect(late.status).toBe(409);
    expectErrorShape(late.json, 'CONFLICT');
    expect(late.json.error.details).toEqual({ reason: 'session_status', status: 'live' });

    const cancelled = await plannedSession('取消的专场');
    await call(app, 'POST', `/api/live/sessions/${cancelled.id}/cancel`, { session: world.seller.session });
    const gone = await remind(buyer, cancelled.id);
    expect(gone.status).toBe(404);
    const nonsense = await remind(buyer, 'not-a-uuid');
    expect(nonsense.status).toBe(400);
    const member = await remind(otherSeller, planned.id);
    expect(member.status).toBe(403);
  });

  it('going live tells reminded buyers and followers once each, however often it is reported', async () => {
    const reminded = await buyerSession(database.db);
    const follower = await buyerSession(database.db);
    const both = await buyerSession(database.db);
    const elsewhere = await buyerSession(database.db);
    const planned = await plannedSession('翡翠晚场');
    expect((await remind(reminded, planned.id)).status).toBe(200);
    expect((await remind(both, planned.id)).status).toBe(200);
    expect((await follow(follower)).status).toBe(200);
    expect((await follow(both)).status).toBe(200);
    expect((await follow(elsewhere, otherShopSlug)).status).toBe(200);

    // Reconciliation finds the host on air in the session's room and moves it live; then LiveKit
    // reports the host's camera twice (a reconnect republishes) and the host presses start: four
    // reports of one go-live.
    rooms.add(planned.roomName);
    const reconciled = await reconcileLiveSessions({ ...sweepDeps(database.db), livekit });
    expect(reconciled.started).toBe(1);
    for (const id of ['EV_publish_1', 'EV_publish_2']) {
      await applyWebhook(sweepDeps(database.db), {
        id: `${id}_${planned.id}`,
        event: 'track_published',
        createdAt: new Date(),
        room: { name: planned.roomName, sid: `RM_${planned.roomName}` },
        participant: { sid: 'PA_host', identity: `host:${hostUserId}`, hidden: false, joinedAt: new Date() },
        track: { sid: 'TR_cam', source: 'camera' },
      });
    }
    const again = await call(app, 'POST', `/api/live/sessions/${planned.id}/start`, {
      session: world.seller.hostSession,
    });
    expect(again.status).toBe(409);

    const told = async (session: Session) =>
      (await notifications(session)).filter((n) => n.kind === 'session_live' && n.subjectId === planned.id);
    const remindedNews = await told(reminded);
    expect(remindedNews).toHaveLength(1);
    expect(remindedNews[0]?.details).toEqual({
      sessionId: planned.id,
      title: '翡翠晚场',
      shopName: expect.any(String),
      shopSlug,
      reminded: true,
    });
    expect((await told(follower)).map((n) => n.details.reminded)).toEqual([false]);
    expect((await told(both)).map((n) => n.details.reminded)).toEqual([true]);
    expect(await told(elsewhere)).toEqual([]);
    // The follower's list of shops shows where to watch now.
    expect(await followed(follower)).toEqual([{ slug: shopSlug, liveSessionId: planned.id }]);

    // A notification is read by its buyer only.
    const id = remindedNews[0]?.id ?? '';
    const stranger = await call(app, 'POST', `/api/me/notifications/${id}/read`, { session: follower });
    expect(stranger.status).toBe(404);
    expectErrorShape(stranger.json, 'NOT_FOUND');
    const read = await call(app, 'POST', `/api/me/notifications/${id}/read`, { session: reminded });
    expect(read.status, read.text).toBe(200);
    expect((await told(reminded))[0]).toMatchObject({ readAt: expect.any(String) });
    const orgRead = await call(app, 'GET', '/api/me/notifications', { session: otherSeller });
    expect(orgRead.status).toBe(403);
  });
});

describe('buying outside the live room', () => {
  it('an order from the listing page takes the piece with the same rules: idempotent key, payment window, holds', async () => {
    const buyer = await buyerSession(database.db);
    const otherBuyer = await buyerSession(database.db);
    const listingId = await publishedListing(app, world, { stock: 1, priceFen: 3_800_00 });
    const listing = await call(app, 'GET', `/api/catalog/${listingId}`);
    expect(listing.json).toMatchObject({ status: 'published', stock: 1, auctionRunning: false });

    const key = idempotencyKey();
    const body = { listingId, quantity: 1, idempotencyKey: key };
    const first = await call(app, 'POST', '/api/orders', { session: buyer, body });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ status: 'pending_payment', liveSessionId: null, totalFen: 3_800_00 });
    const due = new Date(first.json.paymentDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(10 * 60_000);
    expect(due).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    const replay = await call(app, 'POST', '/api/orders', { session: buyer, body });
    expect(replay.status).toBe(200);
    expect(replay.json.id).toBe(first.json.id);

    // The one piece is held by that order: nobody else gets it.
    const second = await call(app, 'POST', '/api/orders', {
      session: otherBuyer,
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    expect(second.status).toBe(409);
    expect(second.json.error.details).toMatchObject({ reason: 'out_of_stock' });
  });

  it('a piece an auction holds shows the auction on the listing and the shop, and buy-now is refused', async () => {
    const buyer = await buyerSession(database.db);
    const listingId = await publishedListing(app, world, { stock: 1, priceFen: 2_000_00 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const auction = await call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
      session: world.seller.hostSession,
      body: { startPriceFen: 100_00, durationSeconds: 300 },
    });
    expect(auction.status, auction.text).toBe(201);

    expect((await call(app, 'GET', `/api/catalog/${listingId}`)).json.auctionRunning).toBe(true);
    expect((await storefront()).auctionListingIds).toContain(listingId);
    const refused = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    expect(refused.status).toBe(409);
    expectErrorShape(refused.json, 'CONFLICT');
    expect(refused.json.error.details).toMatchObject({ reason: 'auction_running' });
  });
});
