import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';
import { createLiveWorld, type LiveWorld, sessionBody } from '../support/live';
import { joinSignal, LIVEKIT_HOOK_TIMEOUT, startTestLivekit, waitForParticipant } from '../support/livekit';

let database: TestDatabase;
let livekit: RunningLivekit;
let gateway: LiveKitGateway;
let app: TestApp;
let world: LiveWorld;
let verifier: TokenVerifier;
const as: Record<string, Session> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  livekit = await startTestLivekit();
  gateway = createLiveKitGateway(livekit);
  verifier = new TokenVerifier(livekit.apiKey, livekit.apiSecret);
  app = createTestApp(database.db, {}, { livekit: gateway }).app;
  world = await createLiveWorld(database.db);
  const buyer = await createBuyer(database.db);
  const logins: Record<string, string> = {
    owner: world.seller.members.owner.email,
    host: world.seller.members.host.email,
    staff: world.seller.members.staff.email,
    otherSeller: world.otherSeller.members.owner.email,
    otherHost: world.otherSeller.members.host.email,
    operator: world.operator.members.owner.email,
    otherOperator: world.otherOperator.members.owner.email,
    regulator: world.regulator.members.owner.email,
    farRegulator: world.farRegulator.members.owner.email,
    cityRegulator: world.cityRegulator.members.owner.email,
    buyer: buyer.email,
  };
  for (const [name, email] of Object.entries(logins)) as[name] = await login(app, email, TEST_PASSWORD);
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(async () => {
  await livekit?.stop();
  await database?.drop();
});

async function newSession(): Promise<{ id: string; roomName: string }> {
  const created = await call(app, 'POST', '/api/live/sessions', {
    session: as.owner,
    body: sessionBody(world),
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

const token = (sessionId: string, who: string, role: string) =>
  call(app, 'POST', `/api/live/sessions/${sessionId}/token`, { session: as[who], body: { role } });

describe('tokens carry the least each role needs', () => {
  it('host: camera, microphone and screen share; nobody may publish data', async () => {
    const session = await newSession();
    const response = await token(session.id, 'host', 'host');
    expect(response.status, response.text).toBe(200);
    expect(response.json.identity).toBe(`host:${world.seller.members.host.id}`);
    expect(response.json.url).toBe(livekit.url);
    const claims = await verifier.verify(response.json.token);
    expect(claims.video).toMatchObject({
      room: session.roomName,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
    });
    // The SDK writes track sources into the JWT by name.
    expect(claims.video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomCreate).toBeFalsy();
    // A short life: ten minutes to connect.
    expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
    expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeGreaterThan(500);
  });

  it('viewer: subscribe only, and the real server admits them without publish rights', async () => {
    const session = await newSession();
    const response = await token(session.id, 'buyer', 'viewer');
    expect(response.status, response.text).toBe(200);
    const claims = await verifier.verify(response.json.token);
    expect(claims.video).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: false });
    expect(claims.video?.canPublishSources).toEqual([]);
    expect(claims.video?.hidden).toBeFalsy();

    const connection = await joinSignal(response.json.url, response.json.token);
    try {
      const viewer = await waitForParticipant(gateway, session.roomName, response.json.identity);
      expect(viewer).toMatchObject({
        canPublish: false,
        canPublishData: false,
        canSubscribe: true,
        hidden: false,
      });
    } finally {
      connection.close();
    }
  });

  it('monitor (base operator) and observer (regulator of the district) are hidden, on the real server too', async () => {
    const session = await newSession();
    for (const [who, role] of [
      ['operator', 'monitor'],
      ['regulator', 'observer'],
      ['cityRegulator', 'observer'],
    ] as const) {
      const response = await token(session.id, who, role);
      expect(response.status, `${who} ${response.text}`).toBe(200);
      const claims = await verifier.verify(response.json.token);
      expect(claims.video).toMatchObject({
        hidden: true,
        canPublish: false,
        canSubscribe: true,
        canPublishData: false,
      });
      const connection = await joinSignal(response.json.url, response.json.token);
      try {
        expect(await waitForParticipant(gateway, session.roomName, response.json.identity)).toMatchObject({
          hidden: true,
          canPublish: false,
        });
      } finally {
        connection.close();
      }
    }
  });

  it('an anonymous guest gets a random subscribe-only identity', async () => {
    const session = await newSession();
    const first = await call(app, 'POST', `/api/live/sessions/${session.id}/guest-token`);
    const second = await call(app, 'POST', `/api/live/sessions/${session.id}/guest-token`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.identity).toMatch(/^guest:/);
    expect(first.json.identity).not.toBe(second.json.identity);
    const claims = await verifier.verify(first.json.token);
    expect(claims.video).toMatchObject({ canPublish: false, canPublishData: false, canSubscribe: true });
  });

  it('a co-host publishes only while invited on stage', async () => {
    const session = await newSession();
    expect((await token(session.id, 'buyer', 'cohost')).status).toBe(403);
    const invite = await call(app, 'POST', `/api/live/sessions/${session.id}/cohosts`, {
      session: as.host,
      body: { userId: as.buyer!.userId },
    });
    expect(invite.status, invite.text).toBe(200);
    const response = await token(session.id, 'buyer', 'cohost');
    expect(response.status).toBe(200);
    const claims = await verifier.verify(response.json.token);
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    const off = await call(app, 'DELETE', `/api/live/sessions/${session.id}/cohosts/${as.buyer!.userId}`, {
      session: as.host,
    });
    expect(off.status).toBe(200);
    expect((await token(session.id, 'buyer', 'cohost')).status).toBe(403);
  });
});

describe('who may get which token', () => {
  it("a seller cannot obtain a host token for another seller's session (404)", async () => {
    const session = await newSession();
    for (const who of ['otherSeller', 'otherHost']) {
      const response = await token(session.id, who, 'host');
      expect(response.status).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
  });

  it('a member of the seller who is not a listed host gets 403; a buyer asking to host gets 404', async () => {
    const session = await newSession();
    expect((await token(session.id, 'staff', 'host')).status).toBe(403);
    expect((await token(session.id, 'owner', 'host')).status).toBe(403);
    expect((await token(session.id, 'buyer', 'host')).status).toBe(404);
  });

  it('monitor only for operators admitting the seller; observer only in the jurisdiction', async () => {
    const session = await newSession();
    expect((await token(session.id, 'otherOperator', 'monitor')).status).toBe(404);
    expect((await token(session.id, 'farRegulator', 'observer')).status).toBe(404);
    expect((await token(session.id, 'buyer', 'monitor')).status).toBe(403);
    expect((await token(session.id, 'operator', 'observer')).status).toBe(403);
  });

  it('no tokens for ended or cancelled sessions, and none anonymously except as guest', async () => {
    const session = await newSession();
    const anonymous = await call(app, 'POST', `/api/live/sessions/${session.id}/token`, {
      body: { role: 'viewer' },
    });
    expect(anonymous.status).toBe(401);
    const cancelled = await call(app, 'POST', `/api/live/sessions/${session.id}/cancel`, {
      session: as.host,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    const response = await token(session.id, 'host', 'host');
    expect(response.status).toBe(409);
    expectErrorShape(response.json, 'CONFLICT');
    // A cancelled session is no longer public at all.
    expect((await token(session.id, 'buyer', 'viewer')).status).toBe(404);
  });

  it('without LiveKit the API says streaming is unavailable instead of failing', async () => {
    const session = await newSession();
    const offline = createTestApp(database.db).app;
    expect((await call(offline, 'GET', '/api/live/status')).json).toEqual({ available: false });
    expect((await call(app, 'GET', '/api/live/status')).json).toEqual({ available: true, url: livekit.url });
    const buyer = await login(offline, (await createBuyer(database.db)).email, TEST_PASSWORD);
    const response = await call(offline, 'POST', `/api/live/sessions/${session.id}/token`, {
      session: buyer,
      body: { role: 'viewer' },
    });
    expect(response.status).toBe(503);
    expectErrorShape(response.json, 'SERVICE_UNAVAILABLE');
  });
});

describe("moderation: only the room's host side or its base operator", () => {
  async function liveSessionWithMessage() {
    const session = await newSession();
    const started = await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: as.host });
    expect(started.status, started.text).toBe(200);
    const posted = await call(app, 'POST', `/api/live/sessions/${session.id}/chat`, {
      session: as.buyer,
      body: { text: '这个镯子有证书吗？' },
    });
    expect(posted.status, posted.text).toBe(201);
    return { session, messageId: posted.json.message.id as string };
  }

  it('the host and the base operator delete messages, mute, set slow mode and remove viewers', async () => {
    for (const who of ['host', 'operator']) {
      const { session, messageId } = await liveSessionWithMessage();
      const base = `/api/live/sessions/${session.id}`;
      const deleted = await call(app, 'DELETE', `${base}/chat/${messageId}`, { session: as[who] });
      expect(deleted.status, `${who} ${deleted.text}`).toBe(200);
      const history = await call(app, 'GET', `${base}/chat`);
      expect(history.json.messages.map((m: { id: string }) => m.id)).not.toContain(messageId);
      const muted = await call(app, 'POST', `${base}/mutes`, {
        session: as[who],
        body: { userId: as.buyer!.userId },
      });
      expect(muted.status).toBe(200);
      const slow = await call(app, 'PUT', `${base}/slow-mode`, { session: as[who], body: { seconds: 30 } });
      expect(slow.status).toBe(200);
      const removed = await call(app, 'POST', `${base}/removals`, {
        session: as[who],
        body: { identity: `viewer:${as.buyer!.userId}` },
      });
      expect(removed.status, removed.text).toBe(200);
      expect((await token(session.id, 'buyer', 'viewer')).status).toBe(403);
    }
  });

  it('others are refused: other sellers and operators 404, buyers, regulators and non-host staff 403', async () => {
    const { session, messageId } = await liveSessionWithMessage();
    const path = `/api/live/sessions/${session.id}/chat/${messageId}`;
    const expected: Record<string, number> = {
      otherSeller: 404,
      otherOperator: 404,
      buyer: 403,
      regulator: 403,
      staff: 403,
    };
    for (const [who, status] of Object.entries(expected)) {
      const response = await call(app, 'DELETE', path, { session: as[who] });
      expect(response.status, who).toBe(status);
      const slow = await call(app, 'PUT', `/api/live/sessions/${session.id}/slow-mode`, {
        session: as[who],
        body: { seconds: 5 },
      });
      expect(slow.status, who).toBe(status);
    }
    const history = await call(app, 'GET', `/api/live/sessions/${session.id}/chat`);
    expect(history.json.messages.map((m: { id: string }) => m.id)).toContain(messageId);
  });

  it('the base operator may end a broadcast that breaks the rules; another operator cannot see it', async () => {
    const { session } = await liveSessionWithMessage();
    const end = (who: string) =>
      call(app, 'POST', `/api/live/sessions/${session.id}/end`, { session: as[who] });
    expect((await end('otherOperator')).status).toBe(404);
    expect((await end('regulator')).status).toBe(403);
    const ended = await end('operator');
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.status).toBe('ended');
  });
});
