/**
 * How fast the console reaches a phone: the product in production mode (the API serving the built
 * console, demo data on a scratch database) and Debian Chromium loading `/verify` (as a
 * certificate's QR code opens it), `/catalog`, a listing page and a live room, each with a cold
 * cache, once unthrottled and once under a Fast-3G profile applied through CDP
 * (`Network.emulateNetworkConditions`: 562.5 ms latency, 180,000 B/s down, 84,375 B/s up, i.e.
 * 1.6 Mbps / 750 kbps × 0.9 as Lighthouse defines it). No CPU throttling unless
 * BENCH_CPU_SLOWDOWN=<factor> (e.g. 4) asks for `Emulation.setCPUThrottlingRate`.
 *
 * Each page and profile is loaded BENCH_RUNS times (default 3); the run with the median first paint
 * is reported. Prints JSON per page and profile: first contentful paint, bytes on the wire (all, and
 * JavaScript), JavaScript on the wire before first paint, and request count. The live room is a
 * scheduled session's viewer page with the local LiveKit server running (nobody on air yet): the
 * page and its code, not the video.
 *
 *   pnpm bench:web      (TEST_DATABASE_URL / DATABASE_URL, else an embedded PostgreSQL;
 *                        CHROMIUM_PATH for the browser; BENCH_SKIP_BUILD=1 to serve packages/web/dist
 *                        as it is instead of a fresh build in a temporary directory)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@jadelive/server/db/database';
import { seedDemo } from '@jadelive/server/seed/demo';
import { findDemoJadeShop } from '@jadelive/server/seed/demo-jade-shop';
import { type Browser, chromium } from 'playwright-core';
import { buildConsole, CHROMIUM, type RunningProduct, startProduct, WEB } from './live-world';
import { openScratchDatabase } from './scratch-database';

const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const PAGE_TIMEOUT = 120_000;
/** Cold loads per page and profile; the figures printed are the run with the median first paint. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** Lighthouse's "Fast 3G" (its mobile default), as DevTools applies it. */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000,
  uploadThroughput: 84_375,
};

const PROFILES = {
  unthrottled: null,
  fast3g: FAST_3G,
} as const;

interface PageFigures {
  fcpMs: number;
  /** First paint of every run, in run order (the other figures are the median run's). */
  fcpRunsMs?: number[];
  /** When the page's heading (its first h1) was first painted: what a buyer waits for. */
  headingMs: number | null;
  loadMs: number;
  requests: number;
  bytes: number;
  jsBytes: number;
  jsBytesBeforeFcp: number;
  jsFilesBeforeFcp: number;
  jsBytesBeforeHeading: number;
  contentEncodings: string[];
}

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  // A build of its own: the tests and other benches rebuild packages/web/dist at any moment.
  const dist = process.env.BENCH_SKIP_BUILD
    ? path.join(WEB, 'dist')
    : await mkdtemp(path.join(tmpdir(), 'jadelive-bench-web-'));
  if (!process.env.BENCH_SKIP_BUILD) buildConsole(dist);

  const { db, close: closeDatabase } = await openScratchDatabase(8);
  let product: RunningProduct | null = null;
  let browser: Browser | null = null;
  try {
    await seedDemo(db);
    product = await startProduct(db, dist);
    const { origin } = product;
    const pages = await pagesToLoad(db);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
    });
    const results: Record<string, Record<string, PageFigures>> = {};
    for (const [label, pagePath] of Object.entries(pages)) {
      results[label] = {};
      for (const [profile, conditions] of Object.entries(PROFILES)) {
        const loads: PageFigures[] = [];
        for (let run = 0; run < RUNS; run++)
          loads.push(await loadPage(browser, `${origin}${pagePath}`, conditions));
        const figures = medianLoad(loads);
        (results[label] as Record<string, PageFigures>)[profile] = figures;
        console.log(
          `${label.padEnd(10)} ${profile.padEnd(12)} FCP ${String(figures.fcpMs).padStart(6)} ms · ` +
            `heading ${String(figures.headingMs).padStart(6)} ms · ` +
            `${kB(figures.bytes)} kB on the wire (JS ${kB(figures.jsBytes)} kB, before FCP ${kB(figures.jsBytesBeforeFcp)} kB, before heading ${kB(figures.jsBytesBeforeHeading)} kB) · ` +
            `${figures.requests} requests · ${figures.contentEncodings.join(',') || 'identity'}`,
        );
      }
    }
    console.log(
      JSON.stringify({
        bench: 'web',
        fast3g: { ...FAST_3G, cpuSlowdown: CPU_SLOWDOWN },
        pages,
        results,
      }),
    );
  } finally {
    await browser?.close();
    await product?.close();
    await closeDatabase();
    if (!process.env.BENCH_SKIP_BUILD) await rm(dist, { recursive: true, force: true });
  }
}

/** The pages a buyer on a phone opens first, with real demo ids in their paths. */
async function pagesToLoad(db: Database): Promise<Record<string, string>> {
  const certificate = await db
    .selectFrom('certificates')
    .innerJoin('organizations as lab', 'lab.id', 'certificates.labOrgId')
    .select(['lab.slug as lab', 'certificates.number'])
    .where('certificates.status', '=', 'verified')
    .orderBy('certificates.createdAt')
    .executeTakeFirstOrThrow();
  const shop = await findDemoJadeShop(db);
  if (!shop) throw new Error('the demo jade shop is not seeded');
  const listing = await db
    .selectFrom('listings')
    .select('id')
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'published')
    .orderBy('createdAt')
    .executeTakeFirstOrThrow();
  const session = await db
    .selectFrom('liveSessions')
    .select('id')
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  const query = new URLSearchParams({ lab: certificate.lab, number: certificate.number });
  return {
    verify: `/verify?${query}`,
    catalog: '/catalog',
    listing: `/listings/${listing.id}`,
    liveRoom: `/live/${session.id}`,
  };
}

/** One cold load of a page in a fresh context (empty cache), a phone's viewport. */
async function loadPage(
  browser: Browser,
  url: string,
  conditions: typeof FAST_3G | null,
): Promise<PageFigures> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
    if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await page.addInitScript({ content: HEADING_PROBE });
    const requests = new Map<string, { type: string; encoding: string }>();
    const finished = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      requests.set(event.requestId, { type: event.type, encoding: headers['content-encoding'] ?? '' });
    });
    cdp.on('Network.loadingFinished', (event) => {
      finished.set(event.requestId, event.encodedDataLength);
    });

    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT });
    // A page that never shows its heading (an error page) is reported with headingMs null.
    await page
      .waitForFunction('window.__headingAt !== undefined', undefined, { timeout: PAGE_TIMEOUT })
      .catch(async () => {
        const body = await page.locator('body').textContent();
        console.warn(`no heading on ${url}: ${body?.slice(0, 200)}`);
      });
    const timing = await page.evaluate(`(async () => {
      const paint = await new Promise((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen);
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(list.getEntries()[0]);
        }).observe({ type: 'paint', buffered: true });
      });
      const navigation = performance.getEntriesByType('navigation')[0];
      const allScripts = performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
      const scripts = allScripts.filter((entry) => entry.responseEnd <= paint.startTime);
      const beforeHeading = allScripts.filter((entry) => entry.responseEnd <= (window.__headingAt ?? Infinity));
      return {
        fcp: paint.startTime,
        heading: window.__headingAt,
        load: navigation.loadEventEnd,
        jsBeforeFcp: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
        jsFilesBeforeFcp: scripts.length,
        jsBeforeHeading: beforeHeading.reduce((sum, entry) => sum + entry.transferSize, 0),
      };
    })()`);
    const { fcp, heading, load, jsBeforeFcp, jsFilesBeforeFcp, jsBeforeHeading } = timing as {
      fcp: number;
      heading: number | undefined;
      load: number;
      jsBeforeFcp: number;
      jsFilesBeforeFcp: number;
      jsBeforeHeading: number;
    };
    let bytes = 0;
    let jsBytes = 0;
    const encodings = new Set<string>();
    for (const [id, length] of finished) {
      bytes += length;
      const request = requests.get(id);
      if (request?.type === 'Script') jsBytes += length;
      if (request?.encoding) encodings.add(request.encoding);
    }
    return {
      fcpMs: Math.round(fcp),
      headingMs: heading === undefined ? null : Math.round(heading),
      loadMs: Math.round(load),
      requests: finished.size,
      bytes,
      jsBytes,
      jsBytesBeforeFcp: jsBeforeFcp,
      jsFilesBeforeFcp,
      jsBytesBeforeHeading: jsBeforeHeading,
      contentEncodings: [...encodings].sort(),
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs before the page's scripts: notes the first frame in which an h1 is on screen (page clock).
 * A string, not a function: tsx's transpiled functions reference helpers the page does not have.
 */
const HEADING_PROBE = `
(() => {
  const check = () => {
    if (window.__headingAt !== undefined || !document.querySelector('h1')) return;
    requestAnimationFrame(() => { if (window.__headingAt === undefined) window.__headingAt = performance.now(); });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();
`;

function medianLoad(loads: PageFigures[]): PageFigures {
  const sorted = [...loads].sort((a, b) => a.fcpMs - b.fcpMs);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as PageFigures;
  return { ...median, fcpRunsMs: loads.map((load) => load.fcpMs) };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
