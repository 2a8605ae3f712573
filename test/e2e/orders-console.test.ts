import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { payOrder } from '../support/commerce-fixtures';
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
/** The test id of the focused element. */
const FOCUSED = "document.activeElement?.getAttribute('data-testid') ?? null";

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
    await buyer.getByTestId('return-request').click();
    await buyer.locator('[data-testid="return-request-form"] textarea').fill('圈口不合适');
    await buyer.locator('[data-testid="return-request-form"] button[type="submit"]').click();
    await buyer.locator(`[data-page="buyer-order"][data-status="return_requested"]`).waitFor(TIMEOUT);

    // The unpaid order: a failed sandbox payment, then a successful one.
    await buyer.goto(`${world.server.baseUrl}/buyer/orders/${unpaid.id}`);
    // Cancelling asks first, in place on the phone; Escape backs out with the order untouched.
    await buyer.getByTestId('order-cancel').click();
    await buyer.getByRole('group', { name: '确定取消这笔未付款的订单吗？' }).waitFor(TIMEOUT);
    expect(await buyer.evaluate(FOCUSED)).toBe('order-cancel-back');
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);
    await buyer.keyboard.press('Escape');
    await buyer.getByTestId('order-cancel').waitFor(TIMEOUT);
    expect(await buyer.evaluate(FOCUSED)).toBe('order-cancel');
    expect(await buyer.getByTestId('order-cancel-confirm').count()).toBe(0);
    await buyer.locator(`[data-page="buyer-order"][data-status="pending_payment"]`).waitFor(TIMEOUT);
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
    // The buyer's own words, as typed.
    expect(await buyer.locator('[data-testid="order-refund-reason"][data-cause="buyer"]').textContent()).toBe(
      '拍错了',
    );

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
    // The history words each move; the tracking is the order's, not repeated there.
    const shippedTimeline = seller.getByTestId('order-timeline');
    expect(await shippedTimeline.locator('[data-to="shipped"] [data-cause="shipped"]').textContent()).toBe(
      '商家已发货',
    );
    expect(await shippedTimeline.getByTestId('order-event-note').count()).toBe(0);
    await seller.goto(`${world.server.baseUrl}/seller/orders/${paid.id}`);
    await seller.getByTestId('approve-refund').click();
    await seller.getByTestId('approve-refund-confirm').click();
    await seller.locator('[data-page="seller-order"][data-status="refunded"]').waitFor(TIMEOUT);
    // Each of the server's moves in the reader's language; only the buyer's words are a note, as typed.
    const refundedTimeline = seller.getByTestId('order-timeline');
    const causeIn = (to: string, kind: string) =>
      refundedTimeline.locator(`[data-to="${to}"] [data-cause="${kind}"]`).textContent();
    expect(await causeIn('paid', 'payment_received')).toBe('已收到付款');
    expect(await causeIn('refunded', 'refund_approved')).toBe('商家同意退款');
    expect(await refundedTimeline.locator('[data-cause]').count()).toBe(2);
    expect(await refundedTimeline.getByTestId('order-event-note').allTextContents()).toEqual(['拍错了']);

    const rows = await world.database.db
      .selectFrom('orders')
      .select(['id', 'status', 'trackingNumber'])
      .where('id', 'in', [unpaid.id, paid.id, shipped.id])
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [unpaid.id]: 'shipped',
      [paid.id]: 'refunded',
      [shipped.id]: 'return_requested',
    });
    expect(world.pageErrors).toEqual([]);
  });
});

/** Switches a signed-in page's console language (as the language switch stores it) and reloads. */
async function readIn(page: Page, language: 'zh-CN' | 'en') {
  await page.evaluate(`localStorage.setItem('jadelive.language', ${JSON.stringify(language)})`);
  await page.reload();
}

describe('order console: an inspection mismatch’s refund, in the reader’s language', () => {
  it('buyer and seller read why the order was refunded in Chinese and in English', async () => {
    // A certified piece of the demo seller, whose base's lab is the demo lab; bought with 就地检验.
    const listing = await world.database.db
      .selectFrom('listings')
      .innerJoin('certificates', 'certificates.id', 'listings.certificateId')
      .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
      .select(['listings.id', 'certificates.number', 'certificates.identification'])
      .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
      .where('listings.status', '=', 'published')
      .where('listings.stock', '>', 0)
      .orderBy('listings.createdAt')
      .executeTakeFirstOrThrow();
    const app = world.server.app;
    const buyerSession = await login(app, 'buyer@jadelive.test', DEMO_PASSWORD);
    const ordered = await call(app, 'POST', '/api/orders', {
      session: buyerSession,
      body: { listingId: listing.id, quantity: 1, idempotencyKey: randomUUID(), inspection: true },
    });
    expect(ordered.status, ordered.text).toBe(201);
    const orderId = ordered.json.id as string;
    await payOrder(app, buyerSession, orderId);
    const inspection = await call(app, 'GET', `/api/orders/${orderId}/inspection`, { session: buyerSession });
    expect(inspection.status, inspection.text).toBe(200);
    const lab = await login(app, 'lab@jadelive.test', DEMO_PASSWORD);
    const found = '翡翠（B+C货）手镯';
    const recorded = await call(app, 'POST', `/api/lab/inspections/${inspection.json.id}/result`, {
      session: lab,
      body: { outcome: 'mismatch', identification: found, note: '红外光谱见树脂充填' },
    });
    expect(recorded.status, recorded.text).toBe(200);

    const expected = {
      'zh-CN': {
        reason: `就地检验结果（${found}）与证书 ${listing.number}（${listing.identification}）不符`,
        event: '就地检验结果与证书不符',
      },
      en: {
        reason: `The on-site inspection found ${found}, not what certificate ${listing.number} says (${listing.identification})`,
        event: 'The on-site inspection did not match the certificate',
      },
    };
    const reasonOf = (page: Page) =>
      page.locator('[data-testid="order-refund-reason"][data-cause="inspection_mismatch"]').textContent();
    const eventsOf = (page: Page) =>
      page.locator('[data-testid="order-timeline"] [data-cause="inspection_mismatch"]').allTextContents();

    const buyer = await signIn('buyer@jadelive.test', { width: 390, height: 844 });
    for (const language of ['zh-CN', 'en'] as const) {
      await buyer.goto(`${world.server.baseUrl}/buyer/orders/${orderId}`);
      await readIn(buyer, language);
      await buyer.locator('[data-page="buyer-order"][data-status="refunded"]').waitFor(TIMEOUT);
      expect(await buyer.locator('html').getAttribute('lang')).toBe(language);
      expect(await reasonOf(buyer), language).toBe(expected[language].reason);
      // Asked for and settled by the system: both moves say why.
      expect(await eventsOf(buyer), language).toEqual([expected[language].event, expected[language].event]);
      expect(await buyer.evaluate(FITS_PHONE)).toBe(true);
    }

    const seller = await signIn('seller@jadelive.test', { width: 1280, height: 800 });
    await seller.goto(`${world.server.baseUrl}/seller/orders/${orderId}`);
    await readIn(seller, 'en');
    await seller.locator('[data-page="seller-order"][data-status="refunded"]').waitFor(TIMEOUT);
    expect(await reasonOf(seller)).toBe(expected.en.reason);
    expect(world.pageErrors).toEqual([]);
  });
});

describe('order console: a refused return goes through arbitration, comes back and is refunded', () => {
  it('buyer on a phone, shop owner and platform admin on laptops, each step worded in the timeline', async () => {
    const app = world.server.app;
    const listing = await world.database.db
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
      .select('listings.id')
      .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
      .where('listings.status', '=', 'published')
      .where('listings.stock', '>', 0)
      .where('listings.customMade', '=', false)
      .orderBy('listings.createdAt', 'desc')
      .executeTakeFirstOrThrow();
    const buyerApi = await login(app, 'buyer2@jadelive.test', DEMO_PASSWORD);
    const ordered = await call(app, 'POST', '/api/orders', {
      session: buyerApi,
      body: { listingId: listing.id, quantity: 1, idempotencyKey: randomUUID() },
    });
    expect(ordered.status, ordered.text).toBe(201);
    const orderId = ordered.json.id as string;
    await payOrder(app, buyerApi, orderId);
    const sellerApi = await login(app, 'seller@jadelive.test', DEMO_PASSWORD);
    const shipped = await call(app, 'POST', `/api/seller/orders/${orderId}/ship`, {
      session: sellerApi,
      body: { carrier: '顺丰速运', trackingNumber: 'SF2026120601' },
    });
    expect(shipped.status, shipped.text).toBe(200);
    expect(
      (await call(app, 'POST', `/api/orders/${orderId}/confirm-delivery`, { session: buyerApi })).status,
    ).toBe(200);

    const buyer = await signIn('buyer2@jadelive.test', { width: 390, height: 844 });
    const buyerOrder = `${world.server.baseUrl}/buyer/orders/${orderId}`;
    const seller = await signIn('seller@jadelive.test', { width: 1280, height: 800 });
    const sellerOrder = `${world.server.baseUrl}/seller/orders/${orderId}`;
    const atStatus = (page: Page, side: 'buyer' | 'seller', status: string) =>
      page.locator(`[data-page="${side}-order"][data-status="${status}"]`).waitFor(TIMEOUT);

    // The buyer asks for the no-reason return.
    await buyer.goto(buyerOrder);
    await buyer.getByTestId('return-request').click();
    await buyer.locator('[data-testid="return-request-form"] textarea').fill('颜色比直播间看到的深');
    await buyer.locator('[data-testid="return-request-form"] button[type="submit"]').click();
    await atStatus(buyer, 'buyer', 'return_requested');
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);

    // The shop refuses, with its reason.
    await seller.goto(sellerOrder);
    await seller.getByTestId('return-refuse').click();
    await seller.locator('[data-testid="return-refuse-form"] textarea').fill('商品已佩戴，吊牌已拆');
    await seller.locator('[data-testid="return-refuse-form"] button[type="submit"]').click();
    await atStatus(seller, 'seller', 'return_refused');

    // The buyer reads the refusal and takes it to arbitration.
    await buyer.goto(buyerOrder);
    expect(await buyer.getByTestId('return-refusal').textContent()).toContain('商品已佩戴，吊牌已拆');
    await buyer.getByTestId('return-escalate').click();
    await buyer.locator('[data-testid="return-escalate-form"] textarea').fill('吊牌完好，从未佩戴');
    await buyer.locator('[data-testid="return-escalate-form"] button[type="submit"]').click();
    await atStatus(buyer, 'buyer', 'return_arbitration');

    // The platform admin reads both sides and decides for the buyer.
    const admin = await signIn('admin@jadelive.test', { width: 1280, height: 800 });
    await admin.locator('[data-nav="arbitrations"]:visible').first().click();
    const card = admin.locator(`[data-arbitration="${orderId}"]`);
    await card.waitFor(TIMEOUT);
    expect(await card.textContent()).toContain('吊牌完好，从未佩戴');
    await card.getByTestId('arbitrate-buyer').click();
    await card.locator('[data-testid="arbitration-form"] textarea').fill('买家照片显示吊牌完好');
    await card.locator('[data-testid="arbitration-form"] button[type="submit"]').click();
    await card.waitFor({ state: 'detached', ...TIMEOUT });

    // The buyer ships the piece back; the shop confirms it arrived and the money goes back.
    await buyer.goto(buyerOrder);
    await atStatus(buyer, 'buyer', 'return_approved');
    expect(await buyer.getByTestId('return-arbitration').textContent()).toContain('买家照片显示吊牌完好');
    await buyer.getByTestId('return-ship-carrier').fill('中通快递');
    await buyer.getByTestId('return-ship-tracking').fill('ZT2026120602');
    await buyer.getByTestId('return-ship-submit').click();
    await atStatus(buyer, 'buyer', 'return_shipped');
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);

    await seller.goto(sellerOrder);
    await seller.getByTestId('return-receive').click();
    await seller.getByTestId('return-receive-confirm').click();
    await atStatus(seller, 'seller', 'refunded');
    const timeline = seller.getByTestId('order-timeline');
    expect(
      await timeline
        .locator('[data-to="return_approved"] [data-cause="arbitration_for_buyer"]')
        .textContent(),
    ).toBe('平台仲裁支持买家');
    expect(await timeline.locator('[data-to="refunded"] [data-cause="return_received"]').textContent()).toBe(
      '商家确认收到退货，货款原路退回',
    );
    const payment = await world.database.db
      .selectFrom('payments')
      .select('status')
      .where('orderId', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(payment.status).toBe('refunded');
    expect(world.pageErrors).toEqual([]);
  });
});

describe('an ended session where live video is unavailable', () => {
  it('still shows its summary, not "live unavailable", in Chinese and in English', async () => {
    const ended = await world.database.db
      .selectFrom('liveSessions')
      .select('id')
      .where('status', '=', 'ended')
      .where('startedAt', 'is not', null)
      .executeTakeFirstOrThrow();
    const buyer = await signIn('buyer@jadelive.test', { width: 390, height: 844 });
    await buyer.goto(`${world.server.baseUrl}/live/${ended.id}`);
    await buyer.locator(`[data-page="live-recap"][data-session="${ended.id}"]`).waitFor(TIMEOUT);
    expect(await buyer.getByTestId('live-unavailable').count()).toBe(0);
    await readIn(buyer, 'en');
    await buyer.locator(`[data-page="live-recap"][data-session="${ended.id}"]`).waitFor(TIMEOUT);
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);
  });
});
