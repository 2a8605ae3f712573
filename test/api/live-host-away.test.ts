import { reconcileLiveSessions } from '@jadelive/server/features/live/reconcile';
import { HOST_AWAY_GRACE_SECONDS, type LiveSession } from '@jadelive/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session, type TestApp } from '../support/app';
import { sweepDeps } from '../support/commerce-fixtures';
import type { TestDatabase } from '../support/database';
import { TEST_PASSWORD } from '../support/fixtures';
import { type LiveWebhookWorld, startLiveWebhookWorld } from '../support/live-webhook-world';
import { joinSignal, LIVEKIT_HOOK_TIMEOUT, waitForParticipant } from '../support/livekit';

// A host whose browser died: the session says 主播暂时离开 (hostAwaySince) at once and leaves the
// public list HOST_AWAY_GRACE_SECONDS later, whether LiveKit's webhook or reconciliation saw it.

let live: LiveWebhookWorld;
let database: TestDatabase;
let app: TestApp;
let host: Session;

beforeAll(async () => {
  live = await startLiveWebhookWorld();
  ({ database, app } = live);
  host = await login(app, live.world.seller.members.host.email, TEST_PASSWORD);
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => live?.close());

const newSession = () => live.newSession();

async function hook(event: Parameters<LiveWebhookWorld['signedWebhook']>[0]) {
  const response = await live.signedWebhook(event);
  expect(response.status, response.text).toBe(200);
}

/** The session as the public list shows it, or undefined when the list leaves it out. */
async function inPublicList(sessionId: string): Promise<LiveSession | undefined> {
  const list = await call(app, 'GET', '/api/live/sessions');
  expect(list.status).toBe(200);
  return (list.json.sessions as LiveSession[]).find((session) => session.id === sessionId);
}

/** The session's clock moved on by `seconds`: its start and every presence interval are that much older. */
async function clockMovesOn(sessionId: string, seconds: number) {
  const shift = sql<Date>`make_interval(secs => ${seconds})`;
  await database.db
    .updateTable('livePresence')
    .set({ joinedAt: sql`joined_at - ${shift}`, leftAt: sql`left_at - ${shift}` })
    .where('sessionId', '=', sessionId)
    .execute();
  await database.db
    .updateTable('liveSessions')
    .set({ startedAt: sql`started_at - ${shift}` })
    .where('id', '=', sessionId)
    .execute();
}

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('a live session whose host is gone', () => {
  it('webhooks: away at once when the host leaves, back when they return, off the public list after the grace', async () => {
    const session = await newSession();
    const hostIdentity = `host:${live.world.seller.members.host.id}`;
    await hook({
      event: 'track_published',
      roomName: session.roomName,
      createdAt: ago(100),
      participant: { sid: 'PA_h1', identity: hostIdentity },
      track: { sid: 'TR_cam', source: 'CAMERA' },
    });
    // Live, but no host has joined in all this time (their join never came): not on the list.
    expect(await inPublicList(session.id)).toBeUndefined();

    await hook({
      event: 'participant_joined',
      roomName: session.roomName,
      createdAt: ago(90),
      participant: { sid: 'PA_h1', identity: hostIdentity, joinedAt: ago(90) },
    });
    expect(await inPublicList(session.id)).toMatchObject({ status: 'live', hostAwaySince: null });

    // A viewer leaving changes nothing; the host leaving makes the room say 主播暂时离开.
    await hook({
      event: 'participant_joined',
      roomName: session.roomName,
      createdAt: ago(80),
      participant: { sid: 'PA_v1', identity: 'viewer:00000000-0000-4000-8000-000000000001' },
    });
    await hook({
      event: 'participant_left',
      roomName: session.roomName,
      createdAt: ago(70),
      participant: { sid: 'PA_v1', identity: 'viewer:00000000-0000-4000-8000-000000000001' },
    });
    expect((await inPublicList(session.id))?.hostAwaySince).toBeNull();
    const leftAt = ago(5);
    await hook({
      event: 'participant_connection_aborted',
      roomName: session.roomName,
      createdAt: leftAt,
      participant: { sid: 'PA_h1', identity: hostIdentity },
    });
    const away = await inPublicList(session.id);
    expect(away?.hostAwaySince).not.toBeNull();
    expect(Math.abs(Date.parse(away?.hostAwaySince ?? '') - leftAt.getTime())).toBeLessThan(1000);

    // Back (a reload): no longer away.
    await hook({
      event: 'participant_joined',
      roomName: session.roomName,
      createdAt: ago(4),
      participant: { sid: 'PA_h2', identity: hostIdentity, joinedAt: ago(4) },
    });
    expect((await inPublicList(session.id))?.hostAwaySince).toBeNull();

    // Gone for longer than the grace: off the public list, still readable and on the seller's own list.
    await hook({
      event: 'participant_left',
      roomName: session.roomName,
      createdAt: ago(1),
      participant: { sid: 'PA_h2', identity: hostIdentity },
    });
    await clockMovesOn(session.id, HOST_AWAY_GRACE_SECONDS + 1);
    expect(await inPublicList(session.id)).toBeUndefined();
    const read = await call(app, 'GET', `/api/live/sessions/${session.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ status: 'live', hostAwaySince: expect.any(String) });
    const mine = await call(app, 'GET', '/api/live/sessions?view=mine', { session: host });
    expect(mine.json.sessions.map((s: LiveSession) => s.id)).toContain(session.id);
  });

  it('reconciliation: a host whose connection died is away once LiveKit no longer lists them', async () => {
    const session = await newSession();
    const started = await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: host });
    expect(started.status, started.text).toBe(200);
    const token = await call(app, 'POST', `/api/live/sessions/${session.id}/token`, {
      session: host,
      body: { role: 'host' },
    });
    expect(token.status, token.text).toBe(200);
    const connection = await joinSignal(token.json.url, token.json.token);
    await waitForParticipant(live.gateway, session.roomName, token.json.identity);
    const deps = { ...sweepDeps(database.db), livekit: live.gateway };
    expect((await reconcileLiveSessions(deps)).ran).toBe(true);
    expect(await inPublicList(session.id)).toMatchObject({ hostAwaySince: null });

    // The host's browser dies: LiveKit drops them; reconciliation notices.
    connection.close();
    const deadline = Date.now() + 30_000;
    while (
      (await live.gateway.listParticipants(session.roomName)).some((p) => p.identity === token.json.identity)
    ) {
      if (Date.now() > deadline) throw new Error('LiveKit kept the closed host connection for 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await reconcileLiveSessions(deps);
    expect((await inPublicList(session.id))?.hostAwaySince).toEqual(expect.any(String));

    await clockMovesOn(session.id, HOST_AWAY_GRACE_SECONDS + 1);
    expect(await inPublicList(session.id)).toBeUndefined();
  });
});
