import { createFlagFeed, type FlagFeed } from '@jadelive/server/features/compliance/feed';
import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import pino from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './database';
import { startTestServer } from './server';

export const PAGE_TIMEOUT = { timeout: 30_000 };

export interface LiveBrowserWorld {
  database: TestDatabase;
  server: Awaited<ReturnType<typeof startTestServer>>;
  /** Errors thrown in any page, prefixed by who saw them; a test ends by expecting none. */
  pageErrors: string[];
  /** A fresh browser context signed in as a demo account, on its home page; confirm dialogs are accepted. */
  signIn(email: string, viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The world of a browser test on the demo data: the API serving the built console and Debian's
 * Chromium with a fake camera; for live rooms (the default) also a real LiveKit server with
 * webhooks to the API and the compliance flag feed.
 */
export async function startLiveBrowserWorld(options: { livekit?: boolean } = {}): Promise<LiveBrowserWorld> {
  const live = options.livekit ?? true;
  // Whatever started is stopped again, also when a later step fails (no LiveKit left running).
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const database = await createTestDatabase();
    stops.push(() => database.drop());
    await seedDemo(database.db);
    let feed: FlagFeed | null = null;
    if (live) {
      const started = createFlagFeed(database.url, pino({ level: 'silent' }));
      stops.push(() => started.close());
      feed = started;
    }
    const server = await startTestServer(database.db, { livekit: live, flagFeed: feed });
    stops.push(() => server.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const contexts: BrowserContext[] = [];
    stops.push(async () => {
      for (const context of contexts) await context.close();
    });
    const pageErrors: string[] = [];

    const signIn = async (email: string, viewport: { width: number; height: number }) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('input[type="email"]').fill(email);
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.getByTestId('home-title').waitFor(PAGE_TIMEOUT);
      return page;
    };
    return { database, server, pageErrors, signIn, close };
  } catch (error) {
    await close();
    throw error;
  }
}
