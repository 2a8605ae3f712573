import { WHIP_TOKEN_TTL_SECONDS } from '@jadelive/shared';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape } from '../support/app';
import { type LiveApiWorld, startLiveApiWorld } from '../support/live-api-world';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// OBS ingest over WHIP: the API mints a token for livekit-server's own /whip/v1, scoped to one
// session's room as its host. A real LiveKit server checks the token and the URL.
let live: LiveApiWorld;
let verifier: TokenVerifier;

beforeAll(async () => {
  live = await startLiveApiWorld((world, buyer) => ({
    owner: world.seller.members.owner.email,
    host: world.seller.members.host.email,
    staff: world.seller.members.staff.email,
    otherSeller: world.otherSeller.members.owner.email,
    buyer,
  }));
  verifier = new TokenVerifier(live.livekit.apiKey, live.livekit.apiSecret);
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => live?.close());

const whip = (sessionId: string, who: string) =>
  call(live.app, 'POST', `/api/live/sessions/${sessionId}/ingest/whip`, { session: live.as[who] });

describe('WHIP ingest for OBS', () => {
  it("gives the host livekit-server's WHIP URL and a token that publishes only into this room", async () => {
    const session = await live.newSession();
    const response = await whip(session.id, 'host');
    expect(response.status, response.text).toBe(200);
    const hostId = live.world.seller.members.host.id;
    expect(response.json).toMatchObject({
      whipUrl: `${live.livekit.httpUrl}/whip/v1`,
      identity: `host:${hostId}:whip`,
      roomName: session.roomName,
    });
    const claims = await verifier.verify(response.json.token);
    expect(claims.sub).toBe(`host:${hostId}:whip`);
    expect(claims.video).toMatchObject({
      room: session.roomName,
      roomJoin: true,
      canPublish: true,
      canPublishData: false,
    });
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomCreate).toBeFalsy();
    const life = (claims.exp ?? 0) - Math.floor(Date.now() / 1000);
    expect(life).toBeLessThanOrEqual(WHIP_TOKEN_TTL_SECONDS);
    expect(life).toBeGreaterThan(WHIP_TOKEN_TTL_SECONDS - 60);

    // The URL is livekit-server's WHIP endpoint (it answers GET with 204), and it checks the token.
    expect((await fetch(response.json.whipUrl)).status).toBe(204);
    const forged = await fetch(response.json.whipUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/sdp', authorization: 'Bearer not-a-token' },
      body: 'v=0\r\n',
    });
    expect(forged.status).toBe(401);

    const audit = await live.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId', 'organizationId', 'details'])
      .where('targetId', '=', session.id)
      .where('action', '=', 'live_session.ingest_token_issued')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: hostId, organizationId: live.world.seller.org.id });
    expect(JSON.stringify(audit[0]?.details)).not.toContain(response.json.token);
  });

  it('the owner may; staff may not; another seller and a buyer are told the session does not exist', async () => {
    const session = await live.newSession();
    expect((await whip(session.id, 'owner')).status).toBe(200);
    const staff = await whip(session.id, 'staff');
    expect(staff.status).toBe(403);
    expectErrorShape(staff.json, 'FORBIDDEN');
    const other = await whip(session.id, 'otherSeller');
    expect(other.status).toBe(404);
    expectErrorShape(other.json, 'NOT_FOUND');
    // Buyers are not members of a seller: the route is not theirs at all.
    expect((await whip(session.id, 'buyer')).status).toBe(403);
  });

  it('not for a session that was called off', async () => {
    const session = await live.newSession();
    const cancelled = await call(live.app, 'POST', `/api/live/sessions/${session.id}/cancel`, {
      session: live.as.owner,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    const response = await whip(session.id, 'host');
    expect(response.status).toBe(409);
    expectErrorShape(response.json, 'CONFLICT');
  });
});
