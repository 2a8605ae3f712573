import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { hostLiveWithPinnedPiece, PHONE, scheduleDemoSessionWithPiece } from '../support/demo-live-session';
import {
  type LiveBrowserWorld,
  startLiveBrowserWorld,
  PAGE_TIMEOUT as TIMEOUT,
} from '../support/live-browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// A real LiveKit server, real PostgreSQL and three Chromium contexts: the host in the studio on a
// laptop, two buyers in the viewer room on phones. The sale's remaining stock reaches the phones
// through the room (LiveKit data messages) with the API poll as the fallback.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld();
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => world?.close());

const signIn = (email: string, viewport: { width: number; height: number }) => world.signIn(email, viewport);

/** Page-side check as a string (this package is type-checked without the DOM library). */
const FITS_PHONE = 'document.documentElement.scrollWidth <= window.innerWidth';

/** An instant as Beijing wall-clock time, "2026-11-30 20:15:08" (Swedish dates are ISO-like). */
const beijing = (epochMs: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(epochMs);
/** What the host types into the start field: Beijing time, though this browser runs in the machine's zone. */
const startInput = (epochMs: number) => beijing(epochMs).replace(' ', 'T');

const remaining = (page: Page, count: number) =>
  page.locator(`[data-testid="flash-sale-card"] [data-testid="flash-remaining"][data-remaining="${count}"]`);

describe('flash sale: the host starts it in the studio, phone viewers grab and pay, everyone sees the stock', () => {
  it('start (with a refused price), grab, sandbox payment, live remaining, seller order list, end early, then a scheduled sale', async () => {
    // A piece with five in stock and no deal history, list price ¥2,000.
    const session = await scheduleDemoSessionWithPiece(
      world,
      { title: '冰糯种翡翠蛋面戒指', priceFen: 2_000_00, stock: 5 },
      '秒杀专场',
    );

    // The host goes live from the studio and pins the piece.
    const host = await hostLiveWithPinnedPiece(world, session);
    await host.getByTestId('flash-sale-form').waitFor(TIMEOUT);

    // A flash price above the list price is refused with the reason, not started.
    await host.getByTestId('flash-quantity').fill('3');
    await host.getByTestId('flash-price-input').fill('2500');
    await host.getByTestId('flash-limit').fill('1');
    await host.getByTestId('flash-start').click();
    await host
      .locator('[data-testid="flash-start-error"][data-reason="flash_price_not_lower"]')
      .waitFor(TIMEOUT);

    await host.getByTestId('flash-price-input').fill('1500');
    await host.getByTestId('flash-start').click();
    await host.locator('[data-testid="flash-counters"][data-state="running"]').waitFor(TIMEOUT);
    await host.locator('[data-testid="studio-flash-remaining"][data-remaining="3"]').waitFor(TIMEOUT);

    // The first buyer opens the room on a phone: the sale's card with price, stock and countdown.
    const viewer = await signIn('buyer@jadelive.test', PHONE);
    await viewer.goto(`${world.server.baseUrl}/live/${session.id}`);
    await viewer.locator('[data-testid="flash-sale-card"][data-state="running"]').waitFor(TIMEOUT);
    await remaining(viewer, 3).waitFor(TIMEOUT);
    expect(await viewer.getByTestId('flash-price').textContent()).toBe('¥1,500.00');
    const countdown = Number(await viewer.getByTestId('flash-countdown').getAttribute('data-ms'));
    expect(countdown).toBeGreaterThan(0);
    expect(countdown).toBeLessThanOrEqual(300_000);
    expect(await viewer.evaluate(FITS_PHONE)).toBe(true);

    await viewer.getByTestId('flash-grab').click();
    const won = viewer.getByTestId('flash-won');
    await won.waitFor(TIMEOUT);
    const orderId = await won.getAttribute('data-order');
    if (!orderId) throw new Error('the grab showed no order');
    await remaining(viewer, 2).waitFor(TIMEOUT);

    // A second buyer grabs on another phone; the first buyer's card follows without a reload.
    const second = await signIn('buyer2@jadelive.test', PHONE);
    await second.goto(`${world.server.baseUrl}/live/${session.id}`);
    await remaining(second, 2).waitFor(TIMEOUT);
    await second.getByTestId('flash-grab').click();
    await second.getByTestId('flash-won').waitFor(TIMEOUT);
    await remaining(viewer, 1).waitFor(TIMEOUT);
    // The room itself carried sale updates to the phone (the API poll is only the fallback).
    await viewer.locator('[data-testid="commerce-panel"]:not([data-room-updates="0"])').waitFor(TIMEOUT);

    // The first buyer pays on the sandbox page, which says it is a sandbox.
    await viewer.getByTestId('flash-pay').click();
    await viewer.locator(`[data-page="sandbox-pay"][data-order="${orderId}"]`).waitFor(TIMEOUT);
    expect(await viewer.getByTestId('sandbox-banner').textContent()).toContain('沙箱');
    expect(await viewer.getByTestId('sandbox-amount').textContent()).toBe('¥1,500.00');
    await viewer.locator('[data-testid="sandbox-success"]:not([disabled])').click();
    await viewer.locator('[data-testid="sandbox-result"][data-status="succeeded"]').waitFor(TIMEOUT);
    await viewer.locator('[data-page="sandbox-pay"][data-status="paid"]').waitFor(TIMEOUT);
    expect(await viewer.evaluate(FITS_PHONE)).toBe(true);
    await viewer.getByTestId('sandbox-back').click();
    await viewer.locator(`[data-page="buyer-order"][data-status="paid"]`).waitFor(TIMEOUT);
    const items = await viewer.locator('[data-testid="order-timeline"] li').all();
    const history = await Promise.all(items.map((item) => item.getAttribute('data-to')));
    expect(history).toEqual(['pending_payment', 'paid']);

    // The host sees both orders, one paid, in the studio and in the seller's order list.
    await host.locator('[data-testid="studio-flash-remaining"][data-remaining="1"]').waitFor(TIMEOUT);
    await host.locator('[data-testid="studio-flash-orders"][data-count="2"]').waitFor(TIMEOUT);
    await host.locator('[data-testid="studio-flash-paid"][data-count="1"]').waitFor(TIMEOUT);
    const orders = await host.context().newPage();
    orders.on('pageerror', (error) => world.pageErrors.push(`host orders: ${error.message}`));
    await orders.goto(`${world.server.baseUrl}/seller/orders?status=paid`);
    await orders
      .locator(`[data-page="seller-orders"] [data-order="${orderId}"][data-status="paid"]`)
      .waitFor(TIMEOUT);
    await orders.close();

    // The host ends the sale early; the phones are told through the room.
    await host.getByTestId('flash-end').click();
    await host.getByTestId('flash-end-confirm').click();
    await host.getByTestId('flash-sale-form').waitFor(TIMEOUT);
    await second.locator('[data-testid="flash-sale-card"][data-state="ended"]').waitFor(TIMEOUT);
    // The pinned card's stock follows: the unsold piece is back on sale (5 − 3 reserved + 1).
    await second.locator('[data-testid="pinned-card"][data-stock="3"]').waitFor(TIMEOUT);

    // Two pieces sold; ending gave the unsold one back to the listing (5 − 3 reserved + 1).
    const sale = await world.database.db
      .selectFrom('flashSales')
      .select(['id', 'quantity', 'remaining', 'returnedQuantity', 'endedAt'])
      .where('sessionId', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(sale).toMatchObject({ quantity: 3, remaining: 0, returnedQuantity: 1 });
    expect(sale.endedAt).not.toBeNull();
    const listing = await world.database.db
      .selectFrom('listings')
      .select('stock')
      .where('id', '=', session.listing.id)
      .executeTakeFirstOrThrow();
    expect(listing.stock).toBe(3);
    const rows = await world.database.db
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.buyerUserId')
      .select(['orders.id', 'orders.status', 'orders.unitPriceFen', 'users.email'])
      .where('orders.flashSaleId', '=', sale.id)
      .orderBy('orders.createdAt')
      .execute();
    expect(rows).toEqual([
      { id: orderId, status: 'paid', unitPriceFen: 1_500_00, email: 'buyer@jadelive.test' },
      {
        id: expect.any(String),
        status: 'pending_payment',
        unitPriceFen: 1_500_00,
        email: 'buyer2@jadelive.test',
      },
    ]);
    const payments = await world.database.db
      .selectFrom('payments')
      .select('status')
      .where('orderId', '=', orderId)
      .execute();
    expect(payments).toEqual([{ status: 'succeeded' }]);

    // Next the host schedules a sale from a phone-sized studio, typing the start in Beijing time.
    const buyer2Api = await login(world.server.app, 'buyer2@jadelive.test', DEMO_PASSWORD);
    await host.setViewportSize(PHONE);
    await host.getByTestId('flash-quantity').fill('1');
    await host.getByTestId('flash-price-input').fill('1200');
    await host.getByTestId('flash-start-scheduled').check();
    await host.getByTestId('flash-starts-at').waitFor(TIMEOUT);
    expect(await host.evaluate(FITS_PHONE)).toBe(true);
    // A start that has passed is refused in the form; one more than 24 h ahead by the server.
    await host.getByTestId('flash-starts-at').fill(startInput(Date.now() - 120_000));
    await host.getByTestId('flash-start').click();
    await host.locator('[data-testid="flash-starts-at-error"][data-problem="past"]').waitFor(TIMEOUT);
    await host.getByTestId('flash-starts-at').fill(startInput(Date.now() + 25 * 3_600_000));
    await host.getByTestId('flash-start').click();
    await host
      .locator('[data-testid="flash-start-error"][data-reason="start_out_of_range"]')
      .waitFor(TIMEOUT);
    expect(await host.getByTestId('flash-starts-at-error').count()).toBe(0);

    // Ten seconds ahead (room for a busy machine), to the second: the studio says when it starts
    // and offers to cancel it.
    const startsAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
    await host.getByTestId('flash-starts-at').fill(startInput(startsAt));
    await host.getByTestId('flash-start').click();
    const scheduled = host.locator('[data-testid="flash-counters"][data-state="scheduled"]');
    await scheduled.waitFor(TIMEOUT);
    const nextSaleId = await scheduled.getAttribute('data-sale');
    expect(await host.getByTestId('studio-flash-starts').textContent()).toBe(
      `将于 ${beijing(startsAt).slice(11, 16)} 开始`,
    );
    expect(await host.getByTestId('flash-end').textContent()).toBe('取消定时秒杀');
    expect(await host.evaluate(FITS_PHONE)).toBe(true);

    // The phone in the room counts down to it; grabbing waits for the start, and so does the API.
    const nextCard = second.locator(`[data-testid="flash-sale-card"][data-sale="${nextSaleId}"]`);
    await second
      .locator(`[data-testid="flash-sale-card"][data-sale="${nextSaleId}"][data-state="scheduled"]`)
      .waitFor(TIMEOUT);
    const toStart = Number(await nextCard.getByTestId('flash-countdown').getAttribute('data-ms'));
    expect(toStart).toBeGreaterThan(0);
    expect(toStart).toBeLessThanOrEqual(11_000);
    expect(await nextCard.getByTestId('flash-grab').isDisabled()).toBe(true);
    const early = await call(world.server.app, 'POST', `/api/flash-sales/${nextSaleId}/grab`, {
      session: buyer2Api,
      body: { idempotencyKey: `early-${Date.now()}` },
    });
    expect(early.status, early.text).toBe(409);
    expect(early.json.error.details.reason).toBe('not_started');
    expect(Date.now()).toBeLessThan(startsAt);

    // At the start the card opens by itself and the grab goes through.
    await second
      .locator(`[data-testid="flash-sale-card"][data-sale="${nextSaleId}"][data-state="running"]`)
      .waitFor(TIMEOUT);
    await nextCard.locator('[data-testid="flash-grab"]:not([disabled])').click();
    await nextCard.getByTestId('flash-won').waitFor(TIMEOUT);
    expect(Date.now()).toBeGreaterThanOrEqual(startsAt);
    await host
      .locator(`[data-testid="flash-counters"][data-sale="${nextSaleId}"][data-state="sold_out"]`)
      .waitFor(TIMEOUT);

    const next = await world.database.db
      .selectFrom('flashSales')
      .select(['startsAt', 'quantity', 'remaining'])
      .where('id', '=', nextSaleId as string)
      .executeTakeFirstOrThrow();
    expect(next).toEqual({ startsAt: new Date(startsAt), quantity: 1, remaining: 0 });
    // The two refused starts made nothing.
    const sales = await world.database.db
      .selectFrom('flashSales')
      .select('id')
      .where('sessionId', '=', session.id)
      .execute();
    expect(sales).toHaveLength(2);
    expect(world.pageErrors).toEqual([]);
  });
});
