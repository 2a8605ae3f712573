import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createFlagFeed, type FlagFeed } from '@jadelive/server/features/compliance/feed';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../support/app';
import { createCatalogWorld, createListing, issueCertificate } from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, createTenant, TEST_PASSWORD } from '../support/fixtures';
import { openEventStream } from '../support/sse';

let database: TestDatabase;
let app: TestApp;
let feed: FlagFeed;
let server: ReturnType<typeof serve>;
let baseUrl: string;
let seller: { orgId: string; session: Session; hostSession: Session; captionToken: string };
let regulator: Session;
let farRegulator: Session;
let sessionId: string;
let listingId: string;
let listingTitle: string;
let certificateNo: string;
let hostUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  feed = createFlagFeed(database.url, pino({ level: 'silent' }));
  app = createTestApp(database.db, {}, { flagFeed: feed }).app;
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const world = await createCatalogWorld(database.db, app);
  await database.db
    .updateTable('organizations')
    .set({ district: '渝中区' })
    .where('id', '=', world.seller.orgId)
    .execute();
  const nearby = await createTenant(database.db, 'regulator', ['owner'], { district: '渝中区' });
  const far = await createTenant(database.db, 'regulator', ['owner'], { district: '江津区' });
  regulator = await login(app, nearby.members.owner.email, TEST_PASSWORD);
  farRegulator = await login(app, far.members.owner.email, TEST_PASSWORD);
  const token = await call(app, 'POST', '/api/org/tokens', {
    session: world.seller.session,
    body: { name: '语音转写', permissions: ['live:captions'] },
  });
  seller = { ...world.seller, captionToken: token.json.token };

  const certificate = await issueCertificate(app, world, { identification: '翡翠（处理）手镯' });
  const listing = await createListing(app, world.seller.session, {
    certificateId: certificate.id,
    description: '证书鉴定结果为翡翠（处理）手镯。',
  });
  expect(
    (await call(app, 'POST', `/api/listings/${listing.id}/publish`, { session: world.seller.session }))
      .status,
  ).toBe(200);
  listingId = listing.id;
  listingTitle = '冰种飘花翡翠手镯';
  certificateNo = certificate.number;
  const creator = await database.db
    .selectFrom('users')
    .select('id')
    .where('organizationId', '=', world.seller.orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  hostUserId = world.seller.hostSession.userId;
  const row = await database.db
    .insertInto('liveSessions')
    .values({
      sellerOrgId: world.seller.orgId,
      title: '翡翠专场',
      plannedStartAt: new Date(),
      status: 'live',
      pinnedListingId: listing.id,
      createdBy: creator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  sessionId = row.id;
  await database.db
    .insertInto('liveSessionLineup')
    .values({ sessionId, listingId: listing.id, position: 0 })
    .execute();
  await database.db.insertInto('liveSessionHosts').values({ sessionId, userId: hostUserId }).execute();
});

afterAll(async () => {
  await feed?.close();
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

const cookieHeaders = (session: Session) => ({ cookie: session.cookie });

describe('live captions through the claim engine', () => {
  it('"A货" over a 处理 certificate reaches the host studio feed and the regulator feed within a second', async () => {
    const hostFeed = openEventStream(
      `${baseUrl}/api/compliance/stream?sessionId=${sessionId}`,
      cookieHeaders(seller.hostSession),
    );
    const regulatorFeed = openEventStream(`${baseUrl}/api/compliance/stream`, cookieHeaders(regulator));
    await hostFeed.waitFor((event) => event.event === 'ready', 5_000);
    await regulatorFeed.waitFor((event) => event.event === 'ready', 5_000);

    const sentAt = performance.now();
    const ingest = await fetch(`${baseUrl}/api/compliance/sessions/${sessionId}/captions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seller.captionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ segments: [{ text: '家人们这只手镯是A货，放心拍', speaker: '主播' }] }),
    });
    expect(ingest.status).toBe(200);
    const ingested = (await ingest.json()) as { results: { flags: { category: string }[] }[] };
    expect(ingested.results[0]?.flags.map((flag) => flag.category)).toContain('false_treatment');

    const isFalseTreatment = (event: { event: string; data: string }) =>
      event.event === 'flag' && JSON.parse(event.data).category === 'false_treatment';
    const [atHost, atRegulator] = await Promise.all([
      hostFeed.waitFor(isFalseTreatment, 1_000),
      regulatorFeed.waitFor(isFalseTreatment, 1_000),
    ]);
    const flag = JSON.parse(atRegulator.data);
    expect(flag).toMatchObject({
      sessionId,
      listingId,
      source: 'caption',
      speaker: { kind: 'caption_feed', userId: null, name: '主播' },
      severity: 'block',
    });
    expect(flag.facts.certificate).toMatchObject({
      identification: '翡翠（处理）手镯',
      number: certificateNo,
    });
    expect(flag.facts.listing).toMatchObject({ id: listingId, title: listingTitle, stock: 1, soldCount: 0 });
    console.log(
      `caption → host feed ${(atHost.receivedAt - sentAt).toFixed(0)} ms, → regulator feed ${(atRegulator.receivedAt - sentAt).toFixed(0)} ms`,
    );
    await Promise.all([hostFeed.close(), regulatorFeed.close()]);
  });

  it('honest disclosure is not flagged', async () => {
    const response = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
      bearer: seller.captionToken,
      body: {
        segments: [{ text: '这不是A货，证书写的是处理，价格也是按处理件定的', kind: 'talking_point' }],
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.results[0].flags).toEqual([]);
  });

  it('regulators filter flags, see only their district, and mark them reviewed', async () => {
    const listed = await call(
      app,
      'GET',
      `/api/compliance/flags?category=false_treatment&sessionId=${sessionId}`,
      {
        session: regulator,
      },
    );
    expect(listed.status).toBe(200);
    expect(listed.json.flags.length).toBeGreaterThan(0);
    const far = await call(app, 'GET', '/api/compliance/flags', { session: farRegulator });
    expect(far.json.flags).toEqual([]);
    const id = listed.json.flags[0].id;
    const review = await call(app, 'POST', `/api/compliance/flags/${id}/review`, {
      session: regulator,
      body: { note: '已通知商家整改' },
    });
    expect(review.status).toBe(200);
    const reviewed = await call(app, 'GET', '/api/compliance/flags?reviewed=true', { session: regulator });
    expect(reviewed.json.flags[0].review.note).toBe('已通知商家整改');
    const farReview = await call(app, 'POST', `/api/compliance/flags/${id}/review`, {
      session: farRegulator,
      body: { note: 'x' },
    });
    expect(farReview.status).toBe(404);
    const sellerReview = await call(app, 'POST', `/api/compliance/flags/${id}/review`, {
      session: seller.session,
      body: { note: 'x' },
    });
    expect(sellerReview.status).toBe(403);
  });

  it("a viewer's refused chat line is that viewer's moderation event, about no listing, and filters apart", async () => {
    const viewer = await createBuyer(database.db);
    await database.db
      .updateTable('users')
      .set({ displayName: '翡翠迷小王' })
      .where('id', '=', viewer.id)
      .execute();
    const viewerSession = await login(app, viewer.email, TEST_PASSWORD);
    const refused = await call(app, 'POST', `/api/live/sessions/${sessionId}/chat`, {
      session: viewerSession,
      body: { text: '加微信私下交易更便宜' },
    });
    expect(refused.status, refused.text).toBe(422);

    const viewers = await call(
      app,
      'GET',
      `/api/compliance/flags?sessionId=${sessionId}&speakerKind=viewer`,
      {
        session: regulator,
      },
    );
    expect(viewers.status).toBe(200);
    const viewerFlags: { id: string; speaker: unknown }[] = viewers.json.flags;
    expect(viewerFlags.length).toBeGreaterThan(0);
    for (const flag of viewerFlags) {
      expect(flag).toMatchObject({
        source: 'chat',
        category: 'off_platform',
        listingId: null,
        speaker: { kind: 'viewer', userId: viewer.id, name: '翡翠迷小王' },
        facts: {},
      });
    }
    const viewerFlagIds = viewerFlags.map((flag) => flag.id).sort();
    // The seller's own queue shows them as the viewer's (the host panel reads the same feed).
    const atSeller = await call(app, 'GET', '/api/compliance/flags?speakerKind=viewer', {
      session: seller.session,
    });
    expect(atSeller.json.flags.map((flag: { id: string }) => flag.id).sort()).toEqual(viewerFlagIds);
    const hostsOnly = await call(
      app,
      'GET',
      `/api/compliance/flags?sessionId=${sessionId}&speakerKind=host`,
      {
        session: regulator,
      },
    );
    expect(
      hostsOnly.json.flags.every((flag: { speaker: { kind: string } }) => flag.speaker.kind === 'host'),
    ).toBe(true);
    expect(hostsOnly.json.flags.some((flag: { id: string }) => flag.id === viewers.json.flags[0].id)).toBe(
      false,
    );
  });

  it("a host's chat claim is the seller's, named by the host, with the pinned listing's facts", async () => {
    const said = await call(app, 'POST', `/api/live/sessions/${sessionId}/chat`, {
      session: seller.hostSession,
      body: { text: '这只手镯是天然A货' },
    });
    expect(said.status, said.text).toBe(422);
    const hosts = await call(app, 'GET', `/api/compliance/flags?sessionId=${sessionId}&speakerKind=host`, {
      session: regulator,
    });
    const flag = hosts.json.flags[0];
    expect(flag).toMatchObject({ listingId, speaker: { kind: 'host', userId: hostUserId } });
    expect(flag.speaker.name).toMatch(/^host /);
    expect(flag.facts.certificate).toMatchObject({
      identification: '翡翠（处理）手镯',
      number: certificateNo,
    });
    expect(flag.facts.certificate.labName).toMatch(/^lab /);
    expect(flag.facts.listing).toMatchObject({ id: listingId, title: listingTitle, priceFen: 1_288_00 });
  });

  it('refuses an unknown speaker kind', async () => {
    const response = await call(app, 'GET', '/api/compliance/flags?speakerKind=seller', {
      session: regulator,
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('a review is written to the audit log with the flag, in the same transaction', async () => {
    const listed = await call(app, 'GET', `/api/compliance/flags?sessionId=${sessionId}&reviewed=false`, {
      session: regulator,
    });
    const id = listed.json.flags[0].id;
    const review = await call(app, 'POST', `/api/compliance/flags/${id}/review`, {
      session: regulator,
      body: { note: '观众引导私下交易，已提醒平台处置' },
    });
    expect(review.status).toBe(200);
    const entries = await database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'compliance_flag.reviewed')
      .where('targetId', '=', id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: regulator.userId, targetType: 'compliance_flag' });
    expect(entries[0]?.details).toMatchObject({ note: '观众引导私下交易，已提醒平台处置' });
    const refusedReview = await call(app, 'POST', `/api/compliance/flags/${id}/review`, {
      session: farRegulator,
      body: { note: 'x' },
    });
    expect(refusedReview.status).toBe(404);
    const afterRefusal = await database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'compliance_flag.reviewed')
      .where('targetId', '=', id)
      .execute();
    expect(afterRefusal).toHaveLength(1);
  });

  it("another seller's token cannot speak for this session; a listing outside the lineup is refused", async () => {
    const other = await createCatalogWorld(database.db, app);
    const token = await call(app, 'POST', '/api/org/tokens', {
      session: other.seller.session,
      body: { name: 'x', permissions: ['live:captions'] },
    });
    const foreign = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
      bearer: token.json.token,
      body: { segments: [{ text: '你好' }] },
    });
    expect(foreign.status).toBe(404);
    const outside = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
      bearer: seller.captionToken,
      body: { segments: [{ text: '你好', listingId: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(outside.status).toBe(422);
    const withoutPermission = await call(app, 'POST', '/api/org/tokens', {
      session: seller.session,
      body: { name: 'read only', permissions: ['org:read'] },
    });
    const refused = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
      bearer: withoutPermission.json.token,
      body: { segments: [{ text: '你好' }] },
    });
    expect(refused.status).toBe(403);
  });

  it("another tenant's refused calls do not use up the session's caption budget", async () => {
    const other = await createCatalogWorld(database.db, app);
    const token = await call(app, 'POST', '/api/org/tokens', {
      session: other.seller.session,
      body: { name: 'x', permissions: ['live:captions'] },
    });
    // One more call than the session's per-minute budget (600), inside one fixed minute window;
    // a burst that straddles a minute boundary is retried once.
    const burst = async () => {
      const startedMinute = Math.floor(Date.now() / 60_000);
      const statuses = new Set<number>();
      for (let i = 0; i < 601; i++) {
        const foreign = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
          bearer: token.json.token,
          body: { segments: [{ text: '你好' }] },
        });
        statuses.add(foreign.status);
      }
      const own = await call(app, 'POST', `/api/compliance/sessions/${sessionId}/captions`, {
        bearer: seller.captionToken,
        body: { segments: [{ text: '这只手镯是天然翡翠' }] },
      });
      return { statuses, own, sameWindow: startedMinute === Math.floor(Date.now() / 60_000) };
    };
    let result = await burst();
    if (!result.sameWindow) result = await burst();
    expect([...result.statuses]).toEqual([404]);
    expect(result.own.status, result.own.text).toBe(200);
  }, 60_000);
});
