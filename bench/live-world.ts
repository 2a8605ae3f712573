/** The live room of the benches: Chromium flags, probes in the viewer page, sign-in, a scheduled session. */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '@jadelive/server';
import type { Database } from '@jadelive/server/db/database';
import { createComplianceChatHook } from '@jadelive/server/features/compliance/chat-hook';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import { createDiskImageStorage } from '@jadelive/server/lib/image-storage';
import { type RunningLivekit, startLivekitDev } from '@jadelive/server/livekit-dev/run';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { findDemoJadeShop } from '@jadelive/server/seed/demo-jade-shop';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const STEP_TIMEOUT = 30_000;
export const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/web');

/** The console as production serves it (packages/web/dist), built from the current source. */
export function buildConsole(outDir = path.join(WEB, 'dist')) {
  console.error('building the console…');
  execFileSync(
    process.execPath,
    [
      path.join(WEB, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: WEB, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
export interface RunningProduct {
  origin: string;
  livekit: RunningLivekit;
  /** Stops LiveKit and the HTTP server (open streams included); the database is the caller's. */
  close(): Promise<void>;
}

/**
 * The product as production runs it, on one loopback port: the API serving the built console, and
 * a local LiveKit whose webhooks post to that port (bound first, so LiveKit knows where to post).
 */
export async function startProduct(
  db: Database,
  webDistDir = path.join(WEB, 'dist'),
): Promise<RunningProduct> {
  let app: ReturnType<typeof createApp> | null = null;
  const server = serve({
    fetch: (request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopServer = () => {
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
  };
  let livekit: RunningLivekit;
  try {
    livekit = await startLivekitDev({
      webhookUrl: `${origin}/api/live/webhooks`,
      logger: { info: (m) => console.log(`[livekit] ${m}`), warn: (m) => console.warn(`[livekit] ${m}`) },
    });
  } catch (error) {
    stopServer();
    throw error;
  }
  const uploads = path.join(tmpdir(), 'jadelive-bench-uploads');
  app = createApp({
    db,
    logger: pino({ level: 'silent' }),
    mailer: { send: async () => {} },
    images: createDiskImageStorage(uploads),
    certificateLookups: [],
    livekit: createLiveKitGateway(livekit),
    flagFeed: null,
    chatHook: createComplianceChatHook(db),
    config: {
      publicUrl: origin,
      sessionTtlHours: 24,
      cookieSecure: false,
      trustProxy: false,
      uploadDir: uploads,
      webDistDir,
    },
  });
  const running = livekit;
  return {
    origin,
    livekit: running,
    close: async () => {
      await running.stop();
      stopServer();
    },
  };
}

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

export interface Caller {
  cookie: string;
  csrfToken: string;
}

export interface Probe {
  __firstFrameAt?: number;
  __cards: { listing: string; at: number }[];
}

/**
 * Runs in the viewer page before its scripts: notes the first remote frame (page clock) and every
 * card change (epoch clock, to compare with this process). A string, not a function: tsx's
 * transpiled functions reference helpers that do not exist inside the page.
 */
export const installProbes = `
(() => {
  const probe = window;
  probe.__cards = [];
  let lastListing = null;
  const check = () => {
    const video = document.querySelector('video[data-testid="remote-video"]');
    if (probe.__firstFrameAt === undefined && video && video.videoWidth > 0) probe.__firstFrameAt = performance.now();
    const card = document.querySelector('[data-testid="pinned-card"]');
    const listing = card ? card.getAttribute('data-listing') : null;
    if (listing !== lastListing) {
      lastListing = listing;
      if (listing) probe.__cards.push({ listing, at: performance.timeOrigin + performance.now() });
    }
  };
  const start = () => {
    new MutationObserver(check).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-listing'],
    });
    const poll = () => {
      check();
      if (probe.__firstFrameAt === undefined) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
`;

export async function signInApi(origin: string, email: string): Promise<Caller> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

export async function signInPage(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/login`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('home-title').waitFor({ timeout: STEP_TIMEOUT });
}

export async function scheduleSession(db: Database, origin: string, owner: Caller) {
  const shop = await findDemoJadeShop(db);
  if (!shop) throw new Error('the demo jade shop is not seeded');
  const listings = await db
    .selectFrom('listings')
    .select('id')
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'published')
    .orderBy('createdAt')
    .limit(4)
    .execute();
  if (listings.length < 2) throw new Error('the demo seller needs two published listings');
  const response = await fetch(`${origin}/api/live/sessions`, {
    method: 'POST',
    headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: '基准测试直播',
      hostUserIds: [shop.hostUserId],
      plannedStartAt: new Date(Date.now() + 60_000).toISOString(),
      listingIds: listings.map((listing) => listing.id),
    }),
  });
  if (response.status !== 201) throw new Error(`session not created: ${await response.text()}`);
  const session = (await response.json()) as { id: string };
  return { sessionId: session.id, listingIds: listings.map((listing) => listing.id) };
}

/**
 * The host (laptop) goes on air in the studio, then an anonymous viewer (phone, probes installed
 * before any page script) opens the room and waits for its first video frame.
 */
export async function hostOnAirWithViewer(browser: Browser, origin: string, sessionId: string) {
  const hostContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const host = await hostContext.newPage();
  await signInPage(host, origin, 'host@jadelive.test');
  await host.goto(`${origin}/studio/${sessionId}`);
  await host.locator('[data-testid="go-live"]:not([disabled])').click({ timeout: STEP_TIMEOUT });
  await host
    .locator('[data-testid="broadcast-state"][data-state="on-air"]')
    .waitFor({ timeout: STEP_TIMEOUT });
  const viewerContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  await viewerContext.addInitScript({ content: installProbes });
  const viewer = await viewerContext.newPage();
  await viewer.goto(`${origin}/live/${sessionId}`);
  const firstFrame = viewer.waitForFunction(
    () => (globalThis as unknown as Probe).__firstFrameAt !== undefined,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  return { host, viewer, firstFrame };
}
