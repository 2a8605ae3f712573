import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { DEMO_JADE_SHOP_SLUG, findDemoJadeShop } from '@jadelive/server/seed/demo-jade-shop';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer } from '../support/server';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  server = await startTestServer(database.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const TIMEOUT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };

async function phone(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** A piece of the demo jadeite shop on sale that nothing holds (no auction, sale or order). */
async function freeListing() {
  const shop = await findDemoJadeShop(database.db);
  if (!shop) throw new Error('demo shop missing');
  const row = await database.db
    .selectFrom('listings')
    .select(['id', 'title'])
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'published')
    .where('stock', '>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('listingHolds')
            .select('listingHolds.id')
            .whereRef('listingHolds.listingId', '=', 'listings.id')
            .where('listingHolds.releasedAt', 'is', null),
        ),
      ),
    )
    .orderBy('priceFen')
    .executeTakeFirstOrThrow();
  return row;
}

const noWiderThanPhone = (page: Page) =>
  page
    .evaluate<number>('document.documentElement.scrollWidth')
    .then((width) => expect(width).toBeLessThanOrEqual(390));

describe('buying outside the live room', () => {
  it('a visitor on a phone signs in from the listing page, comes back, buys, and follows the shop with a reminder', async () => {
    const listing = await freeListing();
    const { page, errors } = await phone();

    // Signed out: the listing offers to sign in first, and brings the buyer back.
    await page.goto(`${server.baseUrl}/listings/${listing.id}`);
    await page.getByTestId('listing-title').waitFor(TIMEOUT);
    await page.getByTestId('buy-sign-in').click();
    await page.locator('input[type="email"]').waitFor(TIMEOUT);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/listings/${listing.id}`);
    await page.locator('input[type="email"]').fill('buyer@jadelive.test');
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/listings/${listing.id}`, TIMEOUT);

    // 立即购买 makes the order through the live room's path, and the pay link opens its payment.
    const buy = page.locator(`[data-testid="buy-listing"][data-listing="${listing.id}"]`);
    await buy.getByRole('button', { name: '立即购买' }).click();
    const ordered = buy.getByTestId('buy-ordered');
    await ordered.waitFor(TIMEOUT);
    const orderId = (await ordered.getAttribute('data-order')) ?? '';
    const order = await database.db
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.buyerUserId')
      .select(['orders.status', 'orders.listingId', 'orders.liveSessionId', 'users.email'])
      .where('orders.id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({
      status: 'pending_payment',
      listingId: listing.id,
      liveSessionId: null,
      email: 'buyer@jadelive.test',
    });
    const held = await database.db
      .selectFrom('listingHolds')
      .select(['kind', 'quantity'])
      .where('holderId', '=', orderId)
      .where('releasedAt', 'is', null)
      .execute();
    expect(held).toEqual([{ kind: 'order', quantity: 1 }]);
    await noWiderThanPhone(page);
    await buy.getByTestId('buy-pay').click();
    await page.locator(`[data-page="sandbox-pay"][data-order="${orderId}"]`).waitFor(TIMEOUT);

    // The shop page: follow it and book the reminder for tonight's session.
    await page.goto(`${server.baseUrl}/shops/${DEMO_JADE_SHOP_SLUG}`);
    const follow = page.getByTestId('follow-shop');
    await follow.waitFor(TIMEOUT);
    const before = Number(await page.getByTestId('follower-count').getAttribute('data-count'));
    await page.getByTestId('follow-button').click();
    await page.locator('[data-testid="follow-shop"][data-following="true"]').waitFor(TIMEOUT);
    await expect
      .poll(async () => Number(await page.getByTestId('follower-count').getAttribute('data-count')))
      .toBe(before + 1);
    const planned = page.locator('[data-testid="shop-sessions"] li[data-status="scheduled"]').first();
    await planned.getByTestId('remind-button').click();
    await planned.locator('[data-testid="remind-session"][data-reminded="true"]').waitFor(TIMEOUT);
    await noWiderThanPhone(page);

    // The buyer home lists the shop followed and the reminder.
    await page.goto(`${server.baseUrl}/buyer`);
    await page
      .locator(`[data-testid="followed-shops"] li[data-shop="${DEMO_JADE_SHOP_SLUG}"]`)
      .waitFor(TIMEOUT);
    await page.locator('[data-testid="reminders"] li[data-status="scheduled"]').waitFor(TIMEOUT);
    await noWiderThanPhone(page);
    expect(errors).toEqual([]);
  });
});
