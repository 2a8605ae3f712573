/**
 * Live room latency on one machine, everything real and on loopback: PostgreSQL, a local LiveKit
 * server (webhooks to the API), the API serving the built console, and Chromium with a fake
 * camera. A host goes live from the studio page; a viewer page joins; then the seller pins
 * listings through the API again and again.
 *
 * Prints:
 *   - viewer join → first frame: from the viewer page's navigation start to the first decoded
 *     remote video frame (both read inside the page, `performance.now()`);
 *   - pin → card: from just before the pin API request (this process) to the moment the viewer
 *     page shows the new card (a MutationObserver in the page). Both sides read
 *     `performance.timeOrigin + performance.now()`, the same machine's clock.
 *
 *   pnpm bench:live     (TEST_DATABASE_URL / DATABASE_URL, else an embedded PostgreSQL;
 *                        BENCH_PINS=40 for more pins; CHROMIUM_PATH for the browser)
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemo } from '@jadelive/server/seed/demo';
import { type Browser, chromium } from 'playwright-core';
import {
  buildConsole,
  CHROMIUM,
  CHROMIUM_FLAGS,
  hostOnAirWithViewer,
  type Probe,
  type RunningProduct,
  STEP_TIMEOUT,
  scheduleSession,
  signInApi,
  startProduct,
} from './live-world';
import { openScratchDatabase } from './scratch-database';

const PINS = Math.max(20, Number(process.env.BENCH_PINS ?? 30));
/** Epoch milliseconds with sub-millisecond resolution, comparable with the page's own reading. */
const epochNow = () => performance.timeOrigin + performance.now();

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  buildConsole();

  const { db, close: closeDatabase } = await openScratchDatabase(8);
  let product: RunningProduct | null = null;
  let browser: Browser | null = null;
  try {
    await seedDemo(db);
    console.log('database ready; starting LiveKit…');
    product = await startProduct(db);
    const { origin, livekit } = product;

    console.log('LiveKit and API up; host going live…');
    const owner = await signInApi(origin, 'seller@jadelive.test');
    const { sessionId, listingIds } = await scheduleSession(db, origin, owner);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const { host, viewer, firstFrame } = await hostOnAirWithViewer(browser, origin, sessionId);
    await firstFrame.catch(async (error: unknown) => {
      await viewer.screenshot({ path: path.join(tmpdir(), 'jadelive-bench-viewer.png') });
      console.error('viewer page:', (await viewer.locator('body').textContent())?.slice(0, 500));
      throw error;
    });
    const joinToFirstFrame = await viewer.evaluate(
      () => (globalThis as unknown as Probe).__firstFrameAt ?? -1,
    );

    console.log(`viewer receiving video; pinning ${PINS} times…`);
    const pinLatencies: number[] = [];
    for (let i = 0; i < PINS; i++) {
      const listingId = listingIds[i % listingIds.length] as string;
      const seenBefore = await viewer.evaluate(() => (globalThis as unknown as Probe).__cards.length);
      const sentAt = epochNow();
      const response = await fetch(`${origin}/api/live/sessions/${sessionId}/pin`, {
        method: 'POST',
        headers: {
          cookie: owner.cookie,
          'x-csrf-token': owner.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ listingId }),
      });
      if (response.status !== 200)
        throw new Error(`pin answered ${response.status}: ${await response.text()}`);
      const handle = await viewer.waitForFunction(
        ({ count, listing }) => {
          const cards = (globalThis as unknown as Probe).__cards;
          const seen = cards.slice(count).find((card) => card.listing === listing);
          return seen?.at ?? false;
        },
        { count: seenBefore, listing: listingId },
        { timeout: STEP_TIMEOUT, polling: 'raf' },
      );
      const shownAt = (await handle.jsonValue()) as number;
      pinLatencies.push(shownAt - sentAt);
    }

    const pin = summarize(pinLatencies);
    console.log(`\nlive room on loopback (LiveKit at ${livekit.url}, Chromium, PostgreSQL)`);
    console.log(
      `viewer join → first frame: ${joinToFirstFrame.toFixed(0)} ms (navigation start → first decoded frame)`,
    );
    console.log(
      `pin API call → card shown in viewer, ${PINS} pins: p50 ${pin.p50.toFixed(1)} ms · p95 ${pin.p95.toFixed(1)} ms · max ${pin.max.toFixed(1)} ms · min ${pin.min.toFixed(1)} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'live-pin',
        pins: PINS,
        joinToFirstFrameMs: Math.round(joinToFirstFrame),
        pinToCardMs: {
          p50: round(pin.p50),
          p95: round(pin.p95),
          max: round(pin.max),
          min: round(pin.min),
          samples: pinLatencies.map(round),
        },
      }),
    );
    const shots = process.env.BENCH_SCREENSHOTS;
    if (shots) {
      // The pages as measured, at a laptop's and a phone's width (BENCH_SCREENSHOTS=<dir>).
      for (const [label, page] of [
        ['studio', host],
        ['viewer', viewer],
      ] as const) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(shots, `${label}-${width}.png`), fullPage: true });
        }
      }
      console.log(`screenshots in ${shots}`);
    }
  } finally {
    await browser?.close();
    await product?.close();
    await closeDatabase();
  }
}

function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, min: sorted[0] ?? 0 };
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
