import { announceListingUpdate } from '@jadelive/server/features/live/listing-events';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import type { ChatHook } from '@jadelive/server/features/live/message-hook';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';
import { createLiveWorld, type LiveWorld, sessionBody } from '../support/live';
import { joinSignal, LIVEKIT_HOOK_TIMEOUT, startTestLivekit } from '../support/livekit';

let database: TestDatabase;
let livekit: RunningLivekit;
let gateway: LiveKitGateway;
let app: TestApp;
let world: LiveWorld;
const as: Record<string, Session> = {};
const hookCalls: Parameters<ChatHook>[] = [];

// Stands in for the compliance engine: refuses one absolute term, flags what it saw.
const chatHook: ChatHook = async (message, context) => {
  hookCalls.push([message, context]);
  return message.text.includes('国家级')
    ? { allow: false, flags: [{ rule: 'ad-law-9-3', term: '国家级' }] }
    : { allow: true, flags: [] };
};

beforeAll(async () => {
  database = await createTestDatabase();
  livekit = await startTestLivekit();
  gateway = createLiveKitGateway(livekit);
  app = createTestApp(database.db, {}, { livekit: gateway }).app;
  world = await createLiveWorld(database.db);
  const emails: Record<string, string> = {
    owner: world.seller.members.owner.email,
    host: world.seller.members.host.email,
    otherSeller: world.otherSeller.members.owner.email,
    operator: world.operator.members.owner.email,
    regulator: world.regulator.members.owner.email,
    farRegulator: world.farRegulator.members.owner.email,
    buyer: (await createBuyer(database.db)).email,
    buyer2: (await createBuyer(database.db)).email,
  };
  for (const [name, email] of Object.entries(emails)) as[name] = await login(app, email, TEST_PASSWORD);
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(async () => {
  await livekit?.stop();
  await database?.drop();
});

async function liveSession() {
  const created = await call(app, 'POST', '/api/live/sessions', {
    session: as.owner,
    body: sessionBody(world),
  });
  expect(created.status, created.text).toBe(201);
  const started = await call(app, 'POST', `/api/live/sessions/${created.json.id}/start`, {
    session: as.host,
  });
  expect(started.status, started.text).toBe(200);
  return created.json as { id: string; roomName: string };
}

describe('scheduling', () => {
  it('creates a session with hosts and a lineup of published listings, listed publicly and as mine', async () => {
    const created = await call(app, 'POST', '/api/live/sessions', {
      session: as.owner,
      body: sessionBody(world),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      status: 'scheduled',
      hostUserIds: [world.seller.members.host.id],
      roomName: `jl-${created.json.id}`,
      pinned: null,
    });
    expect(created.json.lineup.map((item: { listingId: string }) => item.listingId)).toEqual(
      world.listings.map((listing) => listing.id),
    );
    const ids = (r: { json: { sessions: { id: string }[] } }) => r.json.sessions.map((s) => s.id);
    expect(ids(await call(app, 'GET', '/api/live/sessions'))).toContain(created.json.id);
    expect(ids(await call(app, 'GET', '/api/live/sessions?view=mine', { session: as.owner }))).toContain(
      created.json.id,
    );
    expect(ids(await call(app, 'GET', '/api/live/sessions?view=mine', { session: as.operator }))).toContain(
      created.json.id,
    );
    expect(ids(await call(app, 'GET', '/api/live/sessions?view=mine', { session: as.regulator }))).toContain(
      created.json.id,
    );
    expect(
      ids(await call(app, 'GET', '/api/live/sessions?view=mine', { session: as.otherSeller })),
    ).not.toContain(created.json.id);
    expect((await call(app, 'GET', '/api/live/sessions?view=mine', { session: as.buyer })).status).toBe(403);
  });

  it('refuses drafts, other sellers’ listings and hosts, and unknown fields', async () => {
    const cases = [
      sessionBody(world, { listingIds: [world.draft.id] }),
      sessionBody(world, { listingIds: [world.foreignListing.id] }),
      sessionBody(world, { hostUserIds: [world.otherSeller.members.host.id] }),
      sessionBody(world, { hostUserIds: [world.seller.members.staff.id] }),
    ];
    for (const body of cases) {
      const response = await call(app, 'POST', '/api/live/sessions', { session: as.owner, body });
      expect(response.status, response.text).toBe(422);
      expectErrorShape(response.json, 'UNPROCESSABLE');
    }
    const junk = await call(app, 'POST', '/api/live/sessions', {
      session: as.owner,
      body: sessionBody(world, { status: 'live' }),
    });
    expect(junk.status).toBe(400);
    expect(
      (await call(app, 'POST', '/api/live/sessions', { session: as.host, body: sessionBody(world) })).status,
    ).toBe(403);
  });

  it('another seller sees a public session but cannot start, end or pin it (404)', async () => {
    const session = await liveSession();
    for (const [method, path, body] of [
      ['POST', 'end', undefined],
      ['POST', 'pin', { listingId: world.listings[0]!.id }],
      ['PUT', 'lineup', { listingIds: [] }],
    ] as const) {
      const response = await call(app, method, `/api/live/sessions/${session.id}/${path}`, {
        session: as.otherSeller,
        body,
      });
      expect(response.status, path).toBe(404);
    }
  });
});

describe('pinned product card', () => {
  it('the host pins a lineup listing; the card carries price and certificate; late joiners get it', async () => {
    const session = await liveSession();
    const listing = world.listings[0]!;
    const viewer = await call(app, 'POST', `/api/live/sessions/${session.id}/token`, {
      session: as.buyer,
      body: { role: 'viewer' },
    });
    const connection = await joinSignal(viewer.json.url, viewer.json.token);
    try {
      const pinned = await call(app, 'POST', `/api/live/sessions/${session.id}/pin`, {
        session: as.host,
        body: { listingId: listing.id },
      });
      expect(pinned.status, pinned.text).toBe(200);
      expect(pinned.json.delivered).toBe(true);
      expect(pinned.json.card).toMatchObject({
        listingId: listing.id,
        title: listing.title,
        priceFen: listing.priceFen,
        comparisonPriceFen: 158_000_00,
        certificate: { id: world.certificate.id, number: world.certificate.number, status: 'verified' },
      });
    } finally {
      connection.close();
    }
    const late = await call(app, 'GET', `/api/live/sessions/${session.id}`);
    expect(late.json.pinned.listingId).toBe(listing.id);

    const outside = await call(app, 'POST', `/api/live/sessions/${session.id}/pin`, {
      session: as.host,
      body: { listingId: world.foreignListing.id },
    });
    expect(outside.status).toBe(422);
    const unpinned = await call(app, 'DELETE', `/api/live/sessions/${session.id}/pin`, { session: as.host });
    expect(unpinned.json.card).toBeNull();
    expect((await call(app, 'GET', `/api/live/sessions/${session.id}`)).json.pinned).toBeNull();
    const summary = await call(app, 'GET', `/api/live/sessions/${session.id}/summary`, { session: as.owner });
    expect(summary.json.pins).toBe(1);
  });

  it('price and stock changes reach the rooms whose lineup holds the listing', async () => {
    const session = await liveSession();
    const listing = world.listings[1]!;
    await database.db
      .updateTable('listings')
      .set({ priceFen: 99_000_00 })
      .where('id', '=', listing.id)
      .execute();
    const told = await announceListingUpdate(
      { db: database.db, livekit: gateway, logger: pino({ level: 'silent' }) },
      listing.id,
    );
    expect(told).toContain(session.roomName);
  });
});

describe('chat', () => {
  it('delivers through LiveKit, keeps history, and enforces length, mutes and slow mode', async () => {
    const session = await liveSession();
    const base = `/api/live/sessions/${session.id}`;
    const posted = await call(app, 'POST', `${base}/chat`, {
      session: as.buyer,
      body: { text: '  种水怎么样？ ' },
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json).toMatchObject({
      delivered: true,
      message: { text: '种水怎么样？', userId: as.buyer!.userId },
    });
    const history = await call(app, 'GET', `${base}/chat`);
    expect(history.json.messages[0].id).toBe(posted.json.message.id);

    const long = await call(app, 'POST', `${base}/chat`, {
      session: as.buyer,
      body: { text: '玉'.repeat(201) },
    });
    expect(long.status).toBe(400);
    expect((await call(app, 'POST', `${base}/chat`, { body: { text: 'hi' } })).status).toBe(401);

    expect(
      (await call(app, 'PUT', `${base}/slow-mode`, { session: as.host, body: { seconds: 60 } })).status,
    ).toBe(200);
    const first = await call(app, 'POST', `${base}/chat`, { session: as.buyer2, body: { text: '第一条' } });
    expect(first.status).toBe(201);
    const second = await call(app, 'POST', `${base}/chat`, { session: as.buyer2, body: { text: '第二条' } });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(50);
    // The console words it from the reason and its facts, not from the English message.
    expect(second.json.error.details).toMatchObject({ reason: 'slow_mode', waitSeconds: expect.any(Number) });
    expect(second.json.error.details.waitSeconds).toBeGreaterThan(50);
    // The host is not slowed down.
    expect(
      (await call(app, 'POST', `${base}/chat`, { session: as.host, body: { text: '欢迎' } })).status,
    ).toBe(201);
    expect(
      (await call(app, 'POST', `${base}/chat`, { session: as.host, body: { text: '再次欢迎' } })).status,
    ).toBe(201);

    await call(app, 'POST', `${base}/mutes`, { session: as.host, body: { userId: as.buyer!.userId } });
    const muted = await call(app, 'POST', `${base}/chat`, { session: as.buyer, body: { text: '还在吗' } });
    expect(muted.status).toBe(403);
    expect(muted.json.error.details).toEqual({ reason: 'muted', until: null });
    await call(app, 'POST', `${base}/mutes`, {
      session: as.host,
      body: { userId: as.buyer!.userId, minutes: 10 },
    });
    const mutedForAWhile = await call(app, 'POST', `${base}/chat`, {
      session: as.buyer,
      body: { text: '还在吗' },
    });
    expect(mutedForAWhile.json.error.details.reason).toBe('muted');
    const until = Date.parse(mutedForAWhile.json.error.details.until);
    expect(until - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(
      (await call(app, 'DELETE', `${base}/mutes/${as.buyer!.userId}`, { session: as.host })).status,
    ).toBe(200);
  });

  it('a message the content rules refuse names each refused phrase with the rule’s own words', async () => {
    const session = await liveSession();
    const refused = await call(app, 'POST', `/api/live/sessions/${session.id}/chat`, {
      session: as.host,
      body: { text: '国家级大师雕刻，保证升值' },
    });
    expect(refused.status).toBe(422);
    const { details } = refused.json.error;
    expect(details.reason).toBe('content_refused');
    expect(details.phrases.map((phrase: { phrase: string }) => phrase.phrase)).toEqual(
      expect.arrayContaining(['国家级', '升值']),
    );
    for (const phrase of details.phrases) {
      expect(phrase.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(phrase.message.en).toMatch(/[a-z]/);
    }
  });

  it('every message passes the chat hook; refused ones are kept for the record but not delivered', async () => {
    const session = await liveSession();
    // The same API with the stand-in compliance hook plugged in through its dependencies.
    const appWithHook = createTestApp(database.db, {}, { livekit: gateway, chatHook }).app;
    const base = `/api/live/sessions/${session.id}`;
    const ok = await call(appWithHook, 'POST', `${base}/chat`, {
      session: as.buyer2,
      body: { text: '好看' },
    });
    expect(ok.status, ok.text).toBe(201);
    const refused = await call(appWithHook, 'POST', `${base}/chat`, {
      session: as.host,
      body: { text: '国家级大师雕刻' },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.flags).toEqual([{ rule: 'ad-law-9-3', term: '国家级' }]);
    expect(hookCalls.at(-1)?.[1]).toMatchObject({ sessionId: session.id, senderRole: 'host' });
    const stored = await database.db
      .selectFrom('chatMessages')
      .select(['text', 'status', 'flags'])
      .where('sessionId', '=', session.id)
      .where('status', '=', 'blocked')
      .execute();
    expect(stored).toEqual([
      { text: '国家级大师雕刻', status: 'blocked', flags: [{ rule: 'ad-law-9-3', term: '国家级' }] },
    ]);
    const history = await call(app, 'GET', `${base}/chat`);
    expect(history.json.messages.map((m: { text: string }) => m.text)).toEqual(['好看']);
  });
});

describe('summary access', () => {
  it('seller, its base operator and the district regulator; others 404 or 403', async () => {
    const session = await liveSession();
    const path = `/api/live/sessions/${session.id}/summary`;
    for (const who of ['owner', 'operator', 'regulator']) {
      const response = await call(app, 'GET', path, { session: as[who] });
      expect(response.status, who).toBe(200);
      expect(response.json).toMatchObject({ sessionId: session.id, status: 'live' });
    }
    expect((await call(app, 'GET', path, { session: as.otherSeller })).status).toBe(404);
    expect((await call(app, 'GET', path, { session: as.farRegulator })).status).toBe(404);
    expect((await call(app, 'GET', path, { session: as.buyer })).status).toBe(403);
  });
});
