/**
 * Chaos in a live room: the API as its own process, a local livekit-server, a host going live
 * from the studio page and a viewer watching, both in Chromium (livekit-client, as users run it).
 */
import { findFreePort } from '@jadelive/server/db/embedded';
import { isCountedViewer, roleOfIdentity } from '@jadelive/server/features/live/grants';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import { type RunningLivekit, startLivekitDev } from '@jadelive/server/livekit-dev/run';
import { seedDemo } from '@jadelive/server/seed/demo';
import { sql } from 'kysely';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ApiProcess, sleep, startApiProcess } from './chaos-api';
import {
  buildConsole,
  CHROMIUM,
  CHROMIUM_FLAGS,
  hostOnAirWithViewer,
  scheduleSession,
  signInApi,
  WEB,
} from './live-world';
import type { ScratchDatabase } from './scratch-database';

/** Sessions and viewer counts must agree with LiveKit again within this long. */
const RECONCILE_BUDGET_MS = 90_000;

let consoleBuilt = false;
let demoSeeded = false;

interface LiveStage {
  api: ApiProcess;
  livekit: RunningLivekit;
  gateway: LiveKitGateway;
  browser: Browser;
  sessionId: string;
  roomName: string;
  host: Page;
  viewer: Page;
  close(): Promise<void>;
}

/**
 * The API (its own process), LiveKit posting webhooks to it — or, with `webhooks: false`, to a
 * port nobody listens on, so every one is lost — and a session on air with one viewer watching.
 */
async function liveStage(scratch: ScratchDatabase, options: { webhooks: boolean }): Promise<LiveStage> {
  if (!consoleBuilt) {
    buildConsole();
    consoleBuilt = true;
  }
  if (!demoSeeded) {
    await seedDemo(scratch.db);
    demoSeeded = true;
  }
  const apiPort = await findFreePort();
  const webhookPort = options.webhooks ? apiPort : await findFreePort();
  const livekit = await startLivekitDev({ webhookUrl: `http://127.0.0.1:${webhookPort}/api/live/webhooks` });
  let api: ApiProcess | null = null;
  let browser: Browser | null = null;
  try {
    api = await startApiProcess({
      PORT: String(apiPort),
      DATABASE_URL: scratch.url,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      WEB_DIST_DIR: `${WEB}/dist`,
    });
    const origin = api.origin;
    const owner = await signInApi(origin, 'seller@jadelive.test');
    const { sessionId } = await scheduleSession(scratch.db, origin, owner);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const { host, viewer, firstFrame } = await hostOnAirWithViewer(browser, origin, sessionId);
    await firstFrame;
    const session = await scratch.db
      .selectFrom('liveSessions')
      .select('roomName')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    const started = { api, browser };
    return {
      api,
      livekit,
      gateway: createLiveKitGateway(livekit),
      browser,
      sessionId,
      roomName: session.roomName,
      host,
      viewer,
      async close() {
        await started.browser.close();
        await started.api.stop();
        await livekit.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await api?.stop();
    await livekit.stop();
    throw error;
  }
}

async function sessionState(scratch: ScratchDatabase, sessionId: string) {
  const row = await sql<{ status: string; currentViewers: number | null }>`
    select s.status, st.current_viewers as "currentViewers"
      from live_sessions s left join live_session_stats st on st.session_id = s.id
     where s.id = ${sessionId}`.execute(scratch.db);
  return row.rows[0] ?? { status: 'missing', currentViewers: null };
}

/** Counted viewers as LiveKit lists them (the host and hidden participants are not counted). */
async function livekitViewers(stage: LiveStage): Promise<number | null> {
  try {
    const participants = await stage.gateway.listParticipants(stage.roomName);
    return participants.filter((p) => isCountedViewer(roleOfIdentity(p.identity), p.hidden)).length;
  } catch {
    return null;
  }
}

/** Polls `probe` every `everyMs` until it answers true or `budgetMs` runs out; the time it took, or null. */
async function within(
  budgetMs: number,
  everyMs: number,
  probe: () => Promise<boolean>,
): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < budgetMs) {
    if (await probe().catch(() => false)) return Math.round(performance.now() - started);
    await sleep(everyMs);
  }
  return null;
}

/** The id of the live video track the viewer page shows, or null (a string: tsx's functions do not run in the page). */
const viewerVideoTrack = (viewer: Page) =>
  viewer.evaluate<string | null>(`(() => {
    const video = document.querySelector('video[data-testid="remote-video"]');
    const stream = video && video.srcObject;
    if (!video || video.videoWidth === 0 || !stream) return null;
    const track = stream.getVideoTracks().find((t) => t.readyState === 'live' && !t.muted);
    return track ? track.id : null;
  })()`);

/**
 * (c) livekit-server is killed (SIGKILL: every room and participant gone) and started again on the
 * same ports while a host is on air and a viewer watches. Nobody touches the pages: the clients
 * must come back by themselves, the session must stay live and its viewer count match LiveKit.
 */
export async function restartLivekit(scratch: ScratchDatabase): Promise<Record<string, unknown>> {
  const stage = await liveStage(scratch, { webhooks: true });
  try {
    const before = {
      participants: (await stage.gateway.listParticipants(stage.roomName)).length,
      videoTrack: await viewerVideoTrack(stage.viewer),
    };
    let rejoiningSeen = false;
    const restartedAt = performance.now();
    await stage.livekit.restart();
    const livekitBackMs = Math.round(performance.now() - restartedAt);
    const since = () => Math.round(performance.now() - restartedAt);
    let hostBackMs: number | null = null;
    let viewerBackMs: number | null = null;
    let videoBackMs: number | null = null;
    await within(RECONCILE_BUDGET_MS, 250, async () => {
      const participants = await stage.gateway.listParticipants(stage.roomName).catch(() => []);
      if (
        hostBackMs === null &&
        participants.some((p) => p.identity.startsWith('host') && p.publishedTracks > 0)
      )
        hostBackMs = since();
      if (
        viewerBackMs === null &&
        participants.some((p) => isCountedViewer(roleOfIdentity(p.identity), p.hidden))
      )
        viewerBackMs = since();
      // The picture from before the crash can linger in the element: only a new track counts.
      const track = await viewerVideoTrack(stage.viewer);
      if (videoBackMs === null && track !== null && track !== before.videoTrack) videoBackMs = since();
      const state = await stage.host
        .locator('[data-testid="broadcast-state"]')
        .getAttribute('data-state')
        .catch(() => null);
      if (state === 'rejoining') rejoiningSeen = true;
      return hostBackMs !== null && viewerBackMs !== null && videoBackMs !== null;
    });
    // Viewer counts as stored must match LiveKit's again (webhooks or the reconciliation job).
    let last = await sessionState(scratch, stage.sessionId);
    let lastLivekit: number | null = null;
    const countsAgreeMs = await within(Math.max(0, RECONCILE_BUDGET_MS - since()), 500, async () => {
      last = await sessionState(scratch, stage.sessionId);
      lastLivekit = await livekitViewers(stage);
      return last.status === 'live' && lastLivekit !== null && last.currentViewers === lastLivekit;
    });
    const after = await sessionState(scratch, stage.sessionId);
    const checks = {
      hostRepublishedByItself: hostBackMs !== null,
      viewerRejoinedByItself: viewerBackMs !== null,
      viewerSeesVideoAgain: videoBackMs !== null,
      sessionStillLive: after.status === 'live',
      viewerCountReconciledWithin90s: countsAgreeMs !== null,
    };
    return {
      pass: Object.values(checks).every(Boolean),
      checks,
      participantsBefore: before.participants,
      hostSawRejoining: rejoiningSeen,
      livekitBackMs,
      msAfterRestart: {
        hostPublishing: hostBackMs,
        viewerJoined: viewerBackMs,
        viewerVideo: videoBackMs,
        countsAgree: countsAgreeMs === null ? null : since(),
      },
      session: after,
      livekitViewers: lastLivekit,
      hostBroadcastState: await stage.host
        .locator('[data-testid="broadcast-state"]')
        .getAttribute('data-state')
        .catch(() => null),
    };
  } finally {
    await stage.close();
  }
}

/** LiveKit closes a room this long after its last participant left (DEPARTURE_TIMEOUT_SECONDS in lifecycle.ts). */
const DEPARTURE_TIMEOUT_MS = 120_000;
/** LiveKit notices a participant whose browser vanished (no leave message) within about this long. */
const LIVEKIT_NOTICES_LEAVING_MS = 30_000;

/**
 * (d) LiveKit posts every webhook of the session to a dead port. The session goes live from the
 * studio (an API call); without a single webhook, reconciliation alone must:
 *   - count the viewer within 90 s of joining;
 *   - once the host and the viewer are gone (their browsers closed), take the session off the
 *     public list within 90 s (the host-away grace, HOST_AWAY_GRACE_SECONDS);
 *   - end the session within 90 s of LiveKit closing the room (its departure timeout after the
 *     room emptied: that is when "the room closes", webhooks or not).
 */
export async function dropWebhooks(scratch: ScratchDatabase): Promise<Record<string, unknown>> {
  const stage = await liveStage(scratch, { webhooks: false });
  try {
    const joinedAt = performance.now();
    const viewerCountMs = await within(RECONCILE_BUDGET_MS, 500, async () => {
      const state = await sessionState(scratch, stage.sessionId);
      return state.currentViewers === 1 && (await livekitViewers(stage)) === 1;
    });
    const counted = await sessionState(scratch, stage.sessionId);
    const listedWhileWatched = await inPublicList(stage.api.origin, stage.sessionId);
    // Everybody leaves: the pages close, LiveKit empties and then closes the room.
    await stage.browser.close();
    const leftAt = performance.now();
    const sinceLeft = () => Math.round(performance.now() - leftAt);
    let offPublicListMs: number | null = null;
    let roomEmptyMs: number | null = null;
    let roomClosedMs: number | null = null;
    const endedMs = await within(
      LIVEKIT_NOTICES_LEAVING_MS + DEPARTURE_TIMEOUT_MS + RECONCILE_BUDGET_MS,
      1_000,
      async () => {
        if (offPublicListMs === null && !(await inPublicList(stage.api.origin, stage.sessionId)))
          offPublicListMs = sinceLeft();
        if (roomClosedMs === null) {
          const room = (await stage.gateway.listRooms()).find((r) => r.name === stage.roomName);
          if (!room) roomClosedMs = sinceLeft();
          else if (roomEmptyMs === null && room.numParticipants === 0) roomEmptyMs = sinceLeft();
        }
        return (await sessionState(scratch, stage.sessionId)).status === 'ended';
      },
    );
    const ended = await sessionState(scratch, stage.sessionId);
    const webhookEvents = await sql<{ n: number }>`
      select count(*)::int as n from livekit_webhook_events where room_name = ${stage.roomName}`
      .execute(scratch.db)
      .then((r) => r.rows[0]?.n ?? null)
      .catch(() => null);
    const endedAfterRoomClosedMs = endedMs !== null && roomClosedMs !== null ? endedMs - roomClosedMs : null;
    const checks = {
      noWebhookArrived: webhookEvents === 0,
      wentLiveWithoutWebhooks: counted.status === 'live' && listedWhileWatched,
      viewerCountReconciledWithin90s: viewerCountMs !== null,
      offPublicListWithin90sOfEverybodyLeaving:
        offPublicListMs !== null && offPublicListMs <= RECONCILE_BUDGET_MS,
      roomClosedByLivekit: roomClosedMs !== null,
      endedWithin90sOfRoomClosing:
        endedAfterRoomClosedMs !== null && endedAfterRoomClosedMs <= RECONCILE_BUDGET_MS,
      viewersZeroAfterEnd: (ended.currentViewers ?? 0) === 0,
    };
    return {
      pass: Object.values(checks).every(Boolean),
      checks,
      webhooksReceived: webhookEvents,
      viewerCountedAfterMs: viewerCountMs,
      sessionWhileWatched: counted,
      msAfterEverybodyLeft: {
        offPublicList: offPublicListMs,
        roomEmptyByLivekit: roomEmptyMs,
        roomClosed: roomClosedMs,
        sessionEnded: endedMs,
      },
      endedAfterRoomClosedMs,
      departureTimeoutMs: DEPARTURE_TIMEOUT_MS,
      sessionAfter: ended,
      secondsSinceViewerJoined: Math.round((performance.now() - joinedAt) / 1000),
    };
  } finally {
    await stage.close().catch(() => {});
  }
}

/** Whether the public live list (anonymous) shows the session. */
async function inPublicList(origin: string, sessionId: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/live/sessions`);
  if (response.status !== 200) throw new Error(`public list: ${response.status}`);
  const body = (await response.json()) as { sessions: { id: string }[] };
  return body.sessions.some((session) => session.id === sessionId);
}
