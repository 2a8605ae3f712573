import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app';
import { demoSellerAndHost, LAPTOP, PHONE, scheduleDemoSession } from '../support/demo-live-session';
import { type LiveBrowserWorld, PAGE_TIMEOUT, startLiveBrowserWorld } from '../support/live-browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// OBS ingest without OBS: the host takes the WHIP URL and token from the studio's set-up panel,
// and a browser page with Chromium's fake camera acts as the WHIP client (its SDP offer POSTed to
// livekit-server's /whip/v1 with the bearer token). The session goes live from LiveKit's webhook
// and a phone viewer decodes the stream in the ordinary viewer room.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld();
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => world?.close());

/** A WHIP client as OBS is one: send-only camera and microphone, H.264 preferred, no trickle ICE. */
const whipPublish = (whipUrl: string, token: string) => `(async () => {
  const media = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true });
  const pc = new RTCPeerConnection();
  for (const track of media.getTracks()) {
    const transceiver = pc.addTransceiver(track, { direction: 'sendonly' });
    if (track.kind === 'video') {
      const codecs = RTCRtpSender.getCapabilities('video').codecs;
      const h264 = codecs.filter((c) => c.mimeType === 'video/H264');
      if (h264.length > 0) transceiver.setCodecPreferences([...h264, ...codecs.filter((c) => c.mimeType !== 'video/H264')]);
    }
  }
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const started = Date.now();
  const response = await fetch(${JSON.stringify(whipUrl)}, {
    method: 'POST',
    headers: { 'content-type': 'application/sdp', authorization: 'Bearer ' + ${JSON.stringify(token)} },
    body: pc.localDescription.sdp,
  });
  const answer = await response.text();
  if (response.status !== 201) return { status: response.status, answer, started };
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  window.whip = pc;
  const video = answer.split('\\n').find((line) => line.startsWith('a=rtpmap:') && /H264|VP8|VP9|AV1/.test(line));
  return { status: response.status, location: response.headers.get('location'), codec: video?.trim(), started };
})()`;

const REMOTE_VIDEO = `(() => {
  const video = document.querySelector('video[data-testid="remote-video"]');
  return video && video.readyState >= 2 && video.videoWidth > 0
    ? { width: video.videoWidth, height: video.videoHeight, at: Date.now() }
    : null;
})()`;

/** The WHIP client's connection is gone (LiveKit closed it). */
const DROPPED = `['failed', 'closed', 'disconnected'].includes(window.whip.connectionState)`;

/** Who is in the room over WHIP, as LiveKit lists them (none when the room is gone). */
async function whipParticipants(roomName: string): Promise<string[]> {
  const gateway = world.server.gateway;
  if (!gateway) throw new Error('no LiveKit');
  const participants = await gateway.listParticipants(roomName).catch(() => []);
  return participants.map((p) => p.identity).filter((identity) => identity.endsWith(':whip'));
}

async function takeWhipDetails(host: Page) {
  await host.getByTestId('whip-issue').click();
  const details = host.getByTestId('whip-details');
  await details.waitFor(PAGE_TIMEOUT);
  const whipUrl = await details.getAttribute('data-whip-url');
  const token = await host.locator('[data-testid="whip-token"] input').inputValue();
  if (!whipUrl || !token) throw new Error('the panel shows no WHIP URL or token');
  return { whipUrl, token };
}

describe('OBS ingest over WHIP', () => {
  it("a WHIP publisher with the studio panel's token goes live and a viewer sees it", async () => {
    const { db } = world.database;
    const { sellerOrgId, hostUserId } = await demoSellerAndHost(db);
    const listing = await db
      .selectFrom('listings')
      .select('id')
      .where('sellerOrgId', '=', sellerOrgId)
      .where('status', '=', 'published')
      .orderBy('createdAt')
      .executeTakeFirstOrThrow();
    const session = await scheduleDemoSession(world, [listing.id], 'OBS 推流');

    const host = await world.signIn('host@jadelive.test', LAPTOP);
    await host.goto(`${world.server.baseUrl}/studio/${session.id}`);
    await host.locator('[data-page="studio"][data-status="scheduled"]').waitFor(PAGE_TIMEOUT);
    const { whipUrl, token } = await takeWhipDetails(host);
    expect(whipUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/whip\/v1$/);

    // The encoder (OBS's place): another tab that only holds the URL and the token.
    const encoder = await host.context().newPage();
    await encoder.goto(`${world.server.baseUrl}/login`);
    const published = (await encoder.evaluate(whipPublish(whipUrl, token))) as {
      status: number;
      answer?: string;
      location?: string;
      codec?: string;
      started: number;
    };
    expect(published.status, published.answer).toBe(201);
    expect(published.location).toMatch(/^\/whip\/v1\/PA_/);

    // LiveKit's track_published webhook for host:<id>:whip starts the session.
    await host.locator('[data-page="studio"][data-status="live"]').waitFor(PAGE_TIMEOUT);
    const liveAfter = Date.now() - published.started;
    const row = await db
      .selectFrom('liveSessions')
      .select(['status', 'roomName'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('live');

    const viewer = await world.signIn('buyer@jadelive.test', PHONE);
    const opened = Date.now();
    await viewer.goto(`${world.server.baseUrl}/live/${session.id}`);
    await viewer.locator('[data-page="viewer-room"]').waitFor(PAGE_TIMEOUT);
    const frame = (await (
      await viewer.waitForFunction(REMOTE_VIDEO, undefined, { timeout: 45_000, polling: 100 })
    ).jsonValue()) as { width: number; height: number; at: number };
    expect(frame.width).toBeGreaterThan(0);
    process.stderr.write(
      `[whip] ${published.codec}; POST → studio shows live ${liveAfter} ms; ` +
        `viewer opens the room → first frame ${frame.at - opened} ms (${frame.width}×${frame.height})\n`,
    );
    const presence = await db
      .selectFrom('livePresence')
      .select('identity')
      .where('sessionId', '=', session.id)
      .execute();
    expect(presence.map((p) => p.identity)).toContain(`host:${hostUserId}:whip`);

    // Ending the session closes the room and cuts the encoder off.
    const ended = await call(world.server.app, 'POST', `/api/live/sessions/${session.id}/end`, {
      session: session.owner,
    });
    expect(ended.status, ended.text).toBe(200);
    const endedAt = Date.now();
    await encoder.waitForFunction(DROPPED, undefined, { timeout: 60_000, polling: 200 });
    const droppedAfter = Date.now() - endedAt;
    // LiveKit's WHIP endpoint admits the still valid token again (it opens rooms without checking
    // auto_create), and the API's participant_joined webhook puts it out of the over session's room.
    const again = (await encoder.evaluate(whipPublish(whipUrl, token))) as { status: number };
    expect(again.status).toBe(201);
    await encoder.waitForFunction(DROPPED, undefined, { timeout: 30_000, polling: 200 });
    expect(await whipParticipants(row.roomName)).toEqual([]);
    process.stderr.write(`[whip] end → encoder dropped after ${droppedAfter} ms\n`);
    expect(world.pageErrors).toEqual([]);
  });
});
