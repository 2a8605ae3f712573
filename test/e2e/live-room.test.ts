import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app';
import { demoSellerAndHost, goLive, LAPTOP, PHONE, scheduleDemoSession } from '../support/demo-live-session';
import {
  type LiveBrowserWorld,
  startLiveBrowserWorld,
  PAGE_TIMEOUT as TIMEOUT,
} from '../support/live-browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// A real LiveKit server (webhooks back to the API on its real port), real PostgreSQL and two
// Chromium contexts with the fake camera: a host on a laptop and a viewer on a phone.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld();
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => world?.close());

const signIn = (email: string, viewport: { width: number; height: number }) => world.signIn(email, viewport);

/** A session of the demo jade shop scheduled through the API by its owner, hosted by the demo host. */
async function scheduleSession() {
  const { db } = world.database;
  const { sellerOrgId } = await demoSellerAndHost(db);
  // Certified pieces first, so the pinned card carries a certificate badge.
  const listings = await db
    .selectFrom('listings')
    .select(['id', 'title', 'certificateId'])
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', '=', 'published')
    .orderBy('certificateId', (ob) => ob.asc().nullsLast())
    .orderBy('createdAt')
    .limit(3)
    .execute();
  expect(listings.length).toBeGreaterThanOrEqual(2);
  const { id, owner } = await scheduleDemoSession(
    world,
    listings.map((listing) => listing.id),
    '端到端直播',
  );
  return { id, listings, owner };
}

// Page-side checks as strings: this package is type-checked without the DOM library.
/** The remote video really plays: decoded frames with a size (not just a connected room). */
const REMOTE_VIDEO_SIZE = `(() => {
  const video = document.querySelector('video[data-testid="remote-video"]');
  return video && video.readyState >= 2 && video.videoWidth > 0
    ? { width: video.videoWidth, height: video.videoHeight }
    : null;
})()`;

/** The studio's peak viewer figure, as the page shows it (polled from the API). */
const PEAK_AT_LEAST_ONE = `Number(document.querySelector('[data-testid="viewer-count"]')?.getAttribute('data-peak') ?? 0) >= 1`;

async function waitForRemoteFrames(page: Page): Promise<{ width: number; height: number }> {
  const handle = await page.waitForFunction(REMOTE_VIDEO_SIZE, undefined, { timeout: 45_000, polling: 200 });
  return (await handle.jsonValue()) as { width: number; height: number };
}

describe('live room: a host goes live from the studio and a phone viewer watches, buys and chats', () => {
  it('video, pinned card, chat both ways, end notice, viewer figures from webhooks', async () => {
    const { status } = await call(world.server.app, 'GET', '/api/live/status');
    expect(status).toBe(200);
    const session = await scheduleSession();
    const [pinnedListing] = session.listings;
    if (!pinnedListing) throw new Error('no listing to pin');

    // The host lands on the seller home, whose first card is the live studio.
    const host = await signIn('host@jadelive.test', LAPTOP);
    await host.locator('[data-nav="live-studio"]').first().waitFor(TIMEOUT);
    const firstCard = host.locator('[data-testid="home-ready"] [data-card]').first();
    expect(await firstCard.getAttribute('data-card')).toBe('liveStudio');
    await firstCard.click();
    await host.locator(`[data-session="${session.id}"] [data-testid="open-studio"]`).click();
    await goLive(host);
    await host.locator('[data-page="studio"][data-status="live"]').waitFor(TIMEOUT);

    // A signed-in buyer on a phone opens the room from the public live list and receives video.
    const viewer = await signIn('buyer@jadelive.test', PHONE);
    await viewer.locator('[data-card="watchLive"]').click();
    await viewer.locator(`[data-session="${session.id}"] [data-testid="watch-session"]`).click();
    await viewer.locator('[data-page="viewer-room"]').waitFor(TIMEOUT);
    const frame = await waitForRemoteFrames(viewer);
    expect(frame.width).toBeGreaterThan(0);

    // The host pins a listing; the viewer's card shows it with price and certificate.
    await host
      .locator(`[data-testid="lineup-item"][data-listing="${pinnedListing.id}"] [data-testid="pin-button"]`)
      .click();
    const card = viewer.locator(`[data-testid="pinned-card"][data-listing="${pinnedListing.id}"]`);
    await card.waitFor(TIMEOUT);
    expect(await card.getByTestId('pinned-title').textContent()).toBe(pinnedListing.title);
    expect(await card.getByTestId('pinned-price').textContent()).toMatch(/^¥[\d,]+(\.\d+)?$/);
    if (pinnedListing.certificateId) {
      const href = await card.getByTestId('pinned-certificate').getAttribute('href');
      expect(href).toMatch(/^\/verify\?/);
    }
    await host
      .locator(`[data-testid="lineup-item"][data-listing="${pinnedListing.id}"][data-pinned="true"]`)
      .waitFor(TIMEOUT);

    // Chat both ways, through the API and back through the room. The tag tells runs apart; hex
    // digits only, so it never reads as a claim (a base-36 tag could spell 3g or vx).
    const tag = randomBytes(4).toString('hex');
    const question = `请问圈口多大？${tag}`;
    await viewer.getByTestId('chat-input').fill(question);
    await viewer.getByTestId('chat-send').click();
    await host.locator('[data-testid="chat-message"]', { hasText: question }).waitFor(TIMEOUT);
    const answer = `圈口五十七毫米 ${tag}`;
    await host.getByTestId('chat-input').fill(answer);
    await host.getByTestId('chat-send').click();
    await viewer.locator('[data-testid="chat-message"]', { hasText: answer }).waitFor(TIMEOUT);

    // The studio's viewer figures come from LiveKit's webhooks (polled from the API).
    await host.waitForFunction(PEAK_AT_LEAST_ONE, undefined, { timeout: 30_000, polling: 250 });

    // The host ends the broadcast; the viewer is told.
    await host.getByTestId('end-live').click();
    await host.getByTestId('end-live-confirm').click();
    // The viewer is told, and the room becomes the session's summary.
    await viewer.locator('[data-page="live-recap"] [data-testid="session-ended"]').waitFor(TIMEOUT);
    await host.locator('[data-page="studio"][data-status="ended"]').waitFor(TIMEOUT);
    await host.getByTestId('summary-link').click();
    await host.locator('[data-testid="live-summary"] [data-figure="peak"]').waitFor(TIMEOUT);

    const row = await world.database.db
      .selectFrom('liveSessions')
      .innerJoin('liveSessionStats', 'liveSessionStats.sessionId', 'liveSessions.id')
      .select(['status', 'startedAt', 'endedAt', 'liveSessionStats.peakViewers'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('ended');
    expect(row.endedAt).not.toBeNull();
    expect(row.peakViewers).toBeGreaterThanOrEqual(1);
    // The presence the peak was computed from was written by LiveKit's participant webhooks.
    const buyer = await world.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'buyer@jadelive.test')
      .executeTakeFirstOrThrow();
    const presence = await world.database.db
      .selectFrom('livePresence')
      .select(['identity', 'counted'])
      .where('sessionId', '=', session.id)
      .execute();
    expect(presence).toContainEqual({ identity: `viewer:${buyer.id}`, counted: true });
    const webhooks = await world.database.db
      .selectFrom('livekitWebhookEvents')
      .select('event')
      .where('event', '=', 'participant_joined')
      .execute();
    expect(webhooks.length).toBeGreaterThanOrEqual(2);
    const summary = await call(world.server.app, 'GET', `/api/live/sessions/${session.id}/summary`, {
      session: session.owner,
    });
    expect(summary.status, summary.text).toBe(200);
    expect(summary.json).toMatchObject({ status: 'ended' });
    expect(summary.json.peakViewers).toBeGreaterThanOrEqual(1);
    expect(summary.json.chatMessages).toBeGreaterThanOrEqual(2);
    expect(world.pageErrors).toEqual([]);
  });
});
