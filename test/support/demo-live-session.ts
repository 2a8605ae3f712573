import type { Database } from '@jadelive/server/db/database';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { findDemoJadeShop } from '@jadelive/server/seed/demo-jade-shop';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { call, login } from './app';
import { createListing } from './live';
import { type LiveBrowserWorld, PAGE_TIMEOUT } from './live-browser';

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/** The demo jade shop and its demo host. */
export async function demoSellerAndHost(db: Database) {
  const shop = await findDemoJadeShop(db);
  if (!shop) throw new Error('the demo jade shop is not seeded');
  return shop;
}

/**
 * A session of the demo jade shop scheduled through the API by its owner, hosted by the demo host
 * and starting in a minute; the title gets a unique suffix.
 */
export async function scheduleDemoSession(
  world: LiveBrowserWorld,
  listingIds: string[],
  sessionTitle: string,
) {
  const { hostUserId } = await demoSellerAndHost(world.database.db);
  const owner = await login(world.server.app, 'seller@jadelive.test', DEMO_PASSWORD);
  const created = await call(world.server.app, 'POST', '/api/live/sessions', {
    session: owner,
    body: {
      title: `${sessionTitle} ${Date.now().toString(36)}`,
      hostUserIds: [hostUserId],
      plannedStartAt: new Date(Date.now() + 60_000).toISOString(),
      listingIds,
    },
  });
  expect(created.status, created.text).toBe(201);
  return { id: created.json.id as string, owner };
}

/**
 * A new piece of the demo jade shop in a session scheduled by its owner and hosted by the demo
 * host, starting in a minute: what a browser test of selling in a live room begins with.
 */
export async function scheduleDemoSessionWithPiece(
  world: LiveBrowserWorld,
  piece: { title: string; priceFen: number; stock?: number },
  sessionTitle: string,
) {
  const { db } = world.database;
  const { sellerOrgId } = await demoSellerAndHost(db);
  const listing = await createListing(db, sellerOrgId, { priceFen: piece.priceFen, title: piece.title });
  if (piece.stock !== undefined) {
    await db.updateTable('listings').set({ stock: piece.stock }).where('id', '=', listing.id).execute();
  }
  const { id } = await scheduleDemoSession(world, [listing.id], sessionTitle);
  return { id, listing };
}

/** On a scheduled session's studio page: waits for the camera preview, goes live, waits until on air. */
export async function goLive(host: Page) {
  await host.locator('[data-page="studio"][data-status="scheduled"]').waitFor(PAGE_TIMEOUT);
  await host.locator('[data-testid="local-preview"][data-has-video="true"]').waitFor(PAGE_TIMEOUT);
  await host.locator('[data-testid="go-live"]:not([disabled])').click();
  await host.locator('[data-testid="broadcast-state"][data-state="on-air"]').waitFor(PAGE_TIMEOUT);
}

/** The demo host opens the session's studio on a laptop, goes live and pins the piece. */
export async function hostLiveWithPinnedPiece(
  world: LiveBrowserWorld,
  session: { id: string; listing: { id: string } },
): Promise<Page> {
  const host = await world.signIn('host@jadelive.test', LAPTOP);
  await host.goto(`${world.server.baseUrl}/studio/${session.id}`);
  await goLive(host);
  await host
    .locator(`[data-testid="lineup-item"][data-listing="${session.listing.id}"] [data-testid="pin-button"]`)
    .click();
  return host;
}
