import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveBrowserWorld, startLiveBrowserWorld } from '../support/live-browser';

// The order console on the demo data, in Chromium: the buyer on a phone, the shop owner on a laptop.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
});
afterAll(() => world?.close());

const TIMEOUT = { timeout: 15_000 };

const signIn = (email: string, viewport: { width: number; height: number }) => world.signIn(email, viewport);

async function demoOrder(status: string, sellerSlug: string) {
  return world.database.db
    .selectFrom('orders')
    .innerJoin('organizations', 'organizations.id', 'orders.sellerOrgId')
    .innerJoin('users', 'users.id', 'orders.buyerUserId')
    .select('orders.id')
    .where('users.email', '=', 'buyer@jadelive.test')
    .where('orders.status', '=', status)
    .where('organizations.slug', '=', sellerSlug)
    .executeTakeFirstOrThrow();
}

/** Page-side checks as strings (this package is type-checked without the DOM library). */
const ONLY_ONE_SHIPPED = `(() => {
  const items = [...document.querySelectorAll('[data-testid="order-list"] > li')];
  return items.length === 1 && items[0].getAttribute('data-status') === 'shipped';
})()`;
const FITS_PHONE = 'document.documentElement.scrollWidth <= window.innerWidth';

describe('order console: buyers pay, confirm and return; sellers ship and refund', () => {
  it('walks the demo orders through payment, delivery, return, shipping and refund', async () => {
    const unpaid = await demoOrder('pending_payment', 'jiefangbei-cuiyuxuan');
    const paid = await demoOrder('paid', 'jiefangbei-cuiyuxuan');
    const shipped = await demoOrder('shipped', 'guoyuan-gold-works');

    // The buyer finds 我的订单 in the phone's bottom bar; the demo orders are there, filterable.
    const buyer = await signIn('buyer@jadelive.test', { width: 390, height: 844 });
    await buyer.locator('[data-nav="my-orders"]:visible').first().click();
    await buyer.locator('[data-page="buyer-orders"] [data-testid="order-list"]').waitFor(TIMEOUT);
    expect(await buyer.locator('[data-testid="order-list"] > li').count()).toBe(5);
    await buyer.locator('[data-status-filter="shipped"]').click();
    await buyer.waitForFunction(ONLY_ONE_SHIPPED, undefined, TIMEOUT);
    await buyer.locator(`[data-testid="order-list"] [data-order="${shipped.id}"]`).waitFor(TIMEOUT);
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);

    // Delivery confirmed opens the 7-day return window, shown with its end; a return is asked for.
    await buyer.locator(`[data-order="${shipped.id}"] [data-testid="order-link"]`).click();
    await buyer.getByTestId('order-confirm-delivery').click();
    await buyer.locator(`[data-page="buyer-order"][data-status="delivered"]`).waitFor(TIMEOUT);
    expect(await buyer.getByTestId('return-rule').textContent()).toContain('7 天无理由退货');
    await buyer.getByTestId('order-refund').click();
    await buyer.locator('[data-testid="refund-form"] textarea').fill('圈口不合适');
    await buyer.locator('[data-testid="refund-form"] button[type="submit"]').click();
    await buyer.locator(`[data-page="buyer-order"][data-status="refund_requested"]`).waitFor(TIMEOUT);

    // The unpaid order: a failed sandbox payment, then a successful one.
    await buyer.goto(`${world.server.baseUrl}/buyer/orders/${unpaid.id}`);
    await buyer.getByTestId('order-pay').click();
    await buyer.getByTestId('sandbox-banner').waitFor(TIMEOUT);
    await buyer.locator('[data-testid="sandbox-fail"]:not([disabled])').click();
    await buyer.locator('[data-testid="sandbox-result"][data-status="failed"]').waitFor(TIMEOUT);
    await buyer.getByTestId('sandbox-again').click();
    await buyer.locator('[data-testid="sandbox-success"]:not([disabled])').click();
    await buyer.locator('[data-page="sandbox-pay"][data-status="paid"]').waitFor(TIMEOUT);

    // A refund before shipping for the already paid one.
    await buyer.goto(`${world.server.baseUrl}/buyer/orders/${paid.id}`);
    await buyer.getByTestId('order-refund').click();
    await buyer.locator('[data-testid="refund-form"] textarea').fill('拍错了');
    await buyer.locator('[data-testid="refund-form"] button[type="submit"]').click();
    await buyer.locator(`[data-page="buyer-order"][data-status="refund_requested"]`).waitFor(TIMEOUT);

    // The shop owner ships the newly paid order and approves the refund.
    const seller = await signIn('seller@jadelive.test', { width: 1280, height: 800 });
    await seller.locator('[data-nav="seller-orders"]:visible').first().click();
    await seller
      .locator(`[data-page="seller-orders"] [data-order="${unpaid.id}"][data-status="paid"]`)
      .waitFor(TIMEOUT);
    await seller.locator(`[data-order="${unpaid.id}"] [data-testid="order-link"]`).click();
    await seller.getByTestId('ship-carrier').fill('顺丰速运');
    await seller.getByTestId('ship-tracking').fill('SF1234567890');
    await seller.getByTestId('ship-submit').click();
    await seller.locator('[data-page="seller-order"][data-status="shipped"]').waitFor(TIMEOUT);
    expect(await seller.getByTestId('order-tracking').textContent()).toBe('顺丰速运 SF1234567890');
    await seller.goto(`${world.server.baseUrl}/seller/orders/${paid.id}`);
    await seller.getByTestId('approve-refund').click();
    await seller.locator('[data-page="seller-order"][data-status="refunded"]').waitFor(TIMEOUT);

    const rows = await world.database.db
      .selectFrom('orders')
      .select(['id', 'status', 'trackingNumber'])
      .where('id', 'in', [unpaid.id, paid.id, shipped.id])
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [unpaid.id]: 'shipped',
      [paid.id]: 'refunded',
      [shipped.id]: 'refund_requested',
    });
    expect(world.pageErrors).toEqual([]);
  });
});
