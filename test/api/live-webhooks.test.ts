import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import { ROOM_LOST_GRACE_SECONDS, reconcileLiveSessions } from '@jadelive/server/features/live/reconcile';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { sweepDeps } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';
import { createLiveWorld, type LiveWorld, sessionBody } from '../support/live';
import {
  joinSignal,
  LIVEKIT_HOOK_TIMEOUT,
  signWebhook,
  startTestLivekit,
  waitForParticipant,
  webhookBody,
} from '../support/livekit';

// The app serves real HTTP so the real LiveKit server can post its webhooks to it.
let database: TestDatabase;
let livekit: RunningLivekit;
let gateway: LiveKitGateway;
let app: TestApp;
let server: ReturnType<typeof serve>;
let world: LiveWorld;
let host: Session;
let buyer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  livekit = await startTestLivekit(`http://127.0.0.1:${port}/api/live/webhooks`);
  gateway = createLiveKitGateway(livekit);
  app = createTestApp(database.db, {}, { livekit: gateway }).app;
  world = await createLiveWorld(database.db);
  host = await login(app, world.seller.members.host.email, TEST_PASSWORD);
  buyer = await login(app, (await createBuyer(database.db)).email, TEST_PASSWORD);
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(async () => {
  await livekit?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

async function newSession(): Promise<{ id: string; roomName: string }> {
  const owner = await login(app, world.seller.members.owner.email, TEST_PASSWORD);
  const created = await call(app, 'POST', '/api/live/sessions', { session: owner, body: sessionBody(world) });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

async function postWebhook(body: string, authorization?: string) {
  return call(app, 'POST', '/api/live/webhooks', {
    rawBody: body,
    headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
  });
}

async function signedWebhook(event: Parameters<typeof webhookBody>[0]) {
  const body = webhookBody(event);
  return postWebhook(body, await signWebhook(livekit.apiKey, livekit.apiSecret, body));
}

const sessionRow = (id: string) =>
  database.db
    .selectFrom('liveSessions')
    .innerJoin('liveSessionStats', 'liveSessionStats.sessionId', 'liveSessions.id')
    .select(['status', 'roomSid', 'currentViewers', 'peakViewers', 'startedAt', 'endedAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** Everybody's time in the session's room moved `seconds` into the past. */
async function agePresence(sessionId: string, seconds: number) {
  await sql`update live_presence
               set joined_at = joined_at - make_interval(secs => ${seconds}),
                   left_at = left_at - make_interval(secs => ${seconds})
             where session_id = ${sessionId}`.execute(database.db);
}

/** Polls until `done`; fails the test after `ms` (a wait that silently gives up proves nothing). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not done after ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('signed webhooks move the session and count viewers', () => {
  it('track_published by the host goes live; joins and leaves keep current and peak; room_finished ends', async () => {
    const session = await newSession();
    const hostIdentity = `host:${world.seller.members.host.id}`;
    const started = new Date(Date.now() - 60_000);
    const published = await signedWebhook({
      event: 'track_published',
      roomName: session.roomName,
      createdAt: started,
      participant: { sid: 'PA_host', identity: hostIdentity },
      track: { sid: 'TR_cam', source: 'CAMERA' },
    });
    expect(published.status, published.text).toBe(200);
    expect(published.json.outcome).toBe('applied');
    expect((await sessionRow(session.id)).status).toBe('live');

    const join = (sid: string, identity: string, extra: { hidden?: boolean; id?: string } = {}) =>
      signedWebhook({
        id: extra.id,
        event: 'participant_joined',
        roomName: session.roomName,
        createdAt: new Date(Date.now() - 30_000),
        participant: { sid, identity, hidden: extra.hidden },
      });
    await join('PA_host', hostIdentity);
    await join('PA_v1', 'viewer:00000000-0000-4000-8000-000000000001');
    await join('PA_g1', 'guest:abc');
    // Hidden monitors and the host are not viewers.
    await join('PA_m1', `monitor:${world.operator.members.owner.id}`, { hidden: true });
    expect(await sessionRow(session.id)).toMatchObject({ currentViewers: 2, peakViewers: 2 });

    const left = await signedWebhook({
      event: 'participant_left',
      roomName: session.roomName,
      participant: { sid: 'PA_g1', identity: 'guest:abc' },
    });
    expect(left.json.outcome).toBe('applied');
    expect(await sessionRow(session.id)).toMatchObject({ currentViewers: 1, peakViewers: 2 });

    const finished = await signedWebhook({ event: 'room_finished', roomName: session.roomName });
    expect(finished.status).toBe(200);
    const row = await sessionRow(session.id);
    expect(row).toMatchObject({ status: 'ended', currentViewers: 0, peakViewers: 2 });

    const owner = await login(app, world.seller.members.owner.email, TEST_PASSWORD);
    const summary = await call(app, 'GET', `/api/live/sessions/${session.id}/summary`, { session: owner });
    expect(summary.status, summary.text).toBe(200);
    expect(summary.json).toMatchObject({ status: 'ended', peakViewers: 2, uniqueViewers: 2 });
    expect(summary.json.liveMinutes).toBeGreaterThanOrEqual(0.9);
    // Two viewers for the last ~30 s of a ~60 s broadcast, one leaving early: about one on average.
    expect(summary.json.averageViewers).toBeGreaterThan(0.5);
    expect(summary.json.averageViewers).toBeLessThan(1.5);
  });

  it('a duplicate event id changes nothing twice, nor does the same participant under a new id', async () => {
    const session = await newSession();
    const body = webhookBody({
      id: 'EV_duplicate_once',
      event: 'participant_joined',
      roomName: session.roomName,
      participant: { sid: 'PA_dup', identity: 'viewer:00000000-0000-4000-8000-000000000002' },
    });
    const signature = await signWebhook(livekit.apiKey, livekit.apiSecret, body);
    expect((await postWebhook(body, signature)).json.outcome).toBe('applied');
    const again = await postWebhook(body, signature);
    expect(again.status).toBe(200);
    expect(again.json.outcome).toBe('duplicate');
    await signedWebhook({
      event: 'participant_joined',
      roomName: session.roomName,
      participant: { sid: 'PA_dup', identity: 'viewer:00000000-0000-4000-8000-000000000002' },
    });
    expect(await sessionRow(session.id)).toMatchObject({ currentViewers: 1, peakViewers: 1 });
    const stored = await database.db
      .selectFrom('livePresence')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('sessionId', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(1);
  });
});

describe('forged and stale webhooks are refused with 401', () => {
  it('wrong secret, tampered body, no signature, expired signature, stale event: 401 and no change', async () => {
    const session = await newSession();
    const body = webhookBody({
      event: 'participant_joined',
      roomName: session.roomName,
      participant: { sid: 'PA_forged', identity: 'viewer:00000000-0000-4000-8000-000000000003' },
    });
    const good = await signWebhook(livekit.apiKey, livekit.apiSecret, body);
    const oldBody = webhookBody({
      event: 'participant_joined',
      roomName: session.roomName,
      createdAt: new Date(Date.now() - 60 * 60_000),
      participant: { sid: 'PA_old', identity: 'viewer:00000000-0000-4000-8000-000000000004' },
    });
    const attempts: [string, RegExp][] = [
      ['forged', /signature/],
      ['other key', /iss/],
      ['tampered', /sha256/],
      ['unsigned', /missing/],
      ['expired', /exp/],
      ['stale', /stale/],
    ];
    const responses = [
      await postWebhook(body, await signWebhook(livekit.apiKey, 'x'.repeat(43), body)),
      await postWebhook(body, await signWebhook('otherkey', livekit.apiSecret, body)),
      await postWebhook(body.replace('PA_forged', 'PA_forgeX'), good),
      await postWebhook(body),
      await postWebhook(body, await signWebhook(livekit.apiKey, livekit.apiSecret, body, '-10 minutes')),
      await postWebhook(oldBody, await signWebhook(livekit.apiKey, livekit.apiSecret, oldBody)),
    ];
    responses.forEach((response, i) => {
      const [what, reason] = attempts[i]!;
      expect(response.status, `${what}: ${response.text}`).toBe(401);
      expectErrorShape(response.json, 'UNAUTHENTICATED');
      expect(response.json.error.message, what).toMatch(reason);
    });
    expect(await sessionRow(session.id)).toMatchObject({ currentViewers: 0, peakViewers: 0 });
    // The genuine one still works afterwards.
    expect((await postWebhook(body, good)).json.outcome).toBe('applied');
  });

  it('an app without LiveKit cannot verify, so refuses', async () => {
    const offline = createTestApp(database.db).app;
    const response = await call(offline, 'POST', '/api/live/webhooks', { rawBody: '{}' });
    expect(response.status).toBe(401);
  });
});

describe('with the real LiveKit server', () => {
  it('creating the room sends a real, verified room_started; ending sends room_finished', async () => {
    const session = await newSession();
    const start = await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: host });
    expect(start.status, start.text).toBe(200);
    const started = await eventually(
      () => sessionRow(session.id),
      (row) => row.roomSid !== null,
    );
    expect(started.roomSid).toMatch(/^RM_/);
    const end = await call(app, 'POST', `/api/live/sessions/${session.id}/end`, { session: host });
    expect(end.status, end.text).toBe(200);
    const events = await eventually(
      () =>
        database.db
          .selectFrom('livekitWebhookEvents')
          .select('event')
          .where('roomName', '=', session.roomName)
          .execute(),
      (rows) => rows.some((row) => row.event === 'room_finished'),
    );
    expect(events.map((row) => row.event)).toEqual(expect.arrayContaining(['room_started', 'room_finished']));
    expect((await sessionRow(session.id)).status).toBe('ended');
  });

  it('reconciliation counts a viewer whose join no webhook announced, and ends sessions whose room is gone', async () => {
    const session = await newSession();
    expect(
      (await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: host })).status,
    ).toBe(200);
    const viewerToken = await call(app, 'POST', `/api/live/sessions/${session.id}/token`, {
      session: buyer,
      body: { role: 'viewer' },
    });
    // Signalling only: LiveKit admits the viewer but sends no participant_joined (no media yet).
    const connection = await joinSignal(viewerToken.json.url, viewerToken.json.token);
    await waitForParticipant(gateway, session.roomName, viewerToken.json.identity);
    const deps = { ...sweepDeps(database.db), livekit: gateway };
    try {
      const report = await reconcileLiveSessions(deps);
      expect(report.ran).toBe(true);
      expect(await sessionRow(session.id)).toMatchObject({ currentViewers: 1, peakViewers: 1 });
    } finally {
      connection.close();
    }

    // The room closes; pretend its room_finished was lost: once the real one has been handled,
    // put the session back to live as if it never arrived.
    await gateway.deleteRoom(session.roomName);
    await eventually(
      () =>
        database.db
          .selectFrom('livekitWebhookEvents')
          .select('event')
          .where('roomName', '=', session.roomName)
          .where('event', '=', 'room_finished')
          .execute(),
      (rows) => rows.length > 0,
    );
    await eventually(
      () => sessionRow(session.id),
      (row) => row.status === 'ended',
    );
    await database.db
      .updateTable('liveSessions')
      .set({ status: 'live', endedAt: null })
      .where('id', '=', session.id)
      .execute();
    // The viewer left seconds ago: the room may have been lost under them (a LiveKit restart),
    // so the session waits ROOM_LOST_GRACE_SECONDS for them to come back.
    const waiting = await reconcileLiveSessions(deps);
    expect(waiting.waiting).toBeGreaterThanOrEqual(1);
    expect((await sessionRow(session.id)).status).toBe('live');
    await agePresence(session.id, ROOM_LOST_GRACE_SECONDS + 1);
    const report = await reconcileLiveSessions(deps);
    expect(report.ended).toBeGreaterThanOrEqual(1);
    expect(await sessionRow(session.id)).toMatchObject({
      status: 'ended',
      currentViewers: 0,
      peakViewers: 1,
    });
  });

  it('a LiveKit restart loses the room under a viewer: reconciliation waits for the rejoin, then counts again', async () => {
    const session = await newSession();
    expect(
      (await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: host })).status,
    ).toBe(200);
    const deps = { ...sweepDeps(database.db), livekit: gateway };
    const join = async () => {
      const token = await call(app, 'POST', `/api/live/sessions/${session.id}/token`, {
        session: buyer,
        body: { role: 'viewer' },
      });
      expect(token.status, token.text).toBe(200);
      const connection = await joinSignal(token.json.url, token.json.token);
      await waitForParticipant(gateway, session.roomName, token.json.identity);
      return connection;
    };
    const first = await join();
    await reconcileLiveSessions(deps);
    expect(await sessionRow(session.id)).toMatchObject({ status: 'live', currentViewers: 1 });

    // livekit-server crashes and comes back on the same ports: the room and the viewer are gone.
    await livekit.restart();
    first.close();
    expect((await gateway.listRooms()).some((room) => room.name === session.roomName)).toBe(false);
    const gap = await reconcileLiveSessions(deps);
    expect(gap.waiting).toBeGreaterThanOrEqual(1);
    expect(await sessionRow(session.id)).toMatchObject({ status: 'live', currentViewers: 0 });

    // The viewer's client rejoins with a fresh token, which recreates the room.
    const second = await join();
    try {
      await reconcileLiveSessions(deps);
      expect(await sessionRow(session.id)).toMatchObject({ status: 'live', currentViewers: 1 });
    } finally {
      second.close();
    }

    // Lost again and nobody comes back: the session ends once the grace has passed.
    await livekit.restart();
    expect((await reconcileLiveSessions(deps)).waiting).toBeGreaterThanOrEqual(1);
    expect((await sessionRow(session.id)).status).toBe('live');
    await agePresence(session.id, ROOM_LOST_GRACE_SECONDS + 1);
    expect((await reconcileLiveSessions(deps)).ended).toBeGreaterThanOrEqual(1);
    expect(await sessionRow(session.id)).toMatchObject({
      status: 'ended',
      currentViewers: 0,
      peakViewers: 1,
    });
  });

  it('only one instance reconciles at a time (advisory lock)', async () => {
    const deps = { ...sweepDeps(database.db), livekit: gateway };
    await database.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${0x6a6c_6c76})`.execute(conn);
      try {
        expect((await reconcileLiveSessions(deps)).ran).toBe(false);
      } finally {
        await sql`select pg_advisory_unlock(${0x6a6c_6c76})`.execute(conn);
      }
    });
    expect((await reconcileLiveSessions(deps)).ran).toBe(true);
  });
});
