import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostLiveWithPinnedPiece, PHONE, scheduleDemoSessionWithPiece } from '../support/demo-live-session';
import {
  type LiveBrowserWorld,
  startLiveBrowserWorld,
  PAGE_TIMEOUT as TIMEOUT,
} from '../support/live-browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// A real LiveKit server, PostgreSQL and Chromium: the host starts an auction in the studio, two
// buyers bid from phones (one with a max bid), the price and leader reach every screen, the host
// hammers it.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld();
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => world?.close());

const price = (page: Page, fen: number) =>
  page.locator(`[data-testid="auction-card"] [data-testid="auction-price"][data-fen="${fen}"]`);

describe('live auction: the host starts it, phones bid and see the leader, the hammer gives the winner an order', () => {
  it("start, pre-filled minimum bid, +step, 你领先 / outbid, hammer, pay link, the ended room's summary", async () => {
    const session = await scheduleDemoSessionWithPiece(
      world,
      { title: '糯冰种翡翠平安扣', priceFen: 3_000_00 },
      '拍卖专场',
    );
    const host = await hostLiveWithPinnedPiece(world, session);
    await host.getByTestId('auction-form').waitFor(TIMEOUT);
    await host.getByTestId('auction-start-price').fill('800');
    await host.getByTestId('auction-duration').selectOption('600');
    await host.getByTestId('auction-start').click();
    await host.locator('[data-testid="auction-counters"][data-state="open"]').waitFor(TIMEOUT);

    // The first buyer's bid box offers exactly the start price; bidding makes them the leader.
    const first = await world.signIn('buyer@jadelive.test', PHONE);
    await first.goto(`${world.server.baseUrl}/live/${session.id}`);
    await first.locator('[data-testid="auction-card"][data-state="open"]').waitFor(TIMEOUT);
    await first.locator('[data-testid="auction-minimum"][data-fen="80000"]').waitFor(TIMEOUT);
    expect(await first.getByTestId('auction-amount').inputValue()).toBe('800');
    await first.getByTestId('auction-bid').click();
    await first.getByTestId('auction-you-lead').waitFor(TIMEOUT);
    await price(first, 800_00).waitFor(TIMEOUT);

    // The second buyer sees the masked leader and the next minimum (¥800 + ¥50), adds one step
    // more and sets a max bid (代理出价) of ¥1,500 with it, which only they see.
    const second = await world.signIn('buyer2@jadelive.test', PHONE);
    await second.goto(`${world.server.baseUrl}/live/${session.id}`);
    await price(second, 800_00).waitFor(TIMEOUT);
    await second.getByTestId('auction-leader').waitFor(TIMEOUT);
    await second.locator('[data-testid="auction-minimum"][data-fen="85000"]').waitFor(TIMEOUT);
    await second.getByTestId('auction-plus-1').click();
    expect(await second.getByTestId('auction-amount').inputValue()).toBe('900');
    await second.getByTestId('auction-max-amount').fill('1500');
    await second.getByTestId('auction-bid').click();
    await second.getByTestId('auction-you-lead').waitFor(TIMEOUT);
    await second.locator('[data-testid="auction-your-max"][data-fen="150000"]').waitFor(TIMEOUT);
    // The bid panel with the max field still fits a 390 px phone.
    expect(await second.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Everyone follows: the first buyer is outbid without a reload, the host's counters move.
    await price(first, 900_00).waitFor(TIMEOUT);
    await first.getByTestId('auction-leader').waitFor(TIMEOUT);
    await host.locator('[data-testid="studio-auction-price"]', { hasText: '¥900.00' }).waitFor(TIMEOUT);

    // An amount below the new minimum cannot be sent.
    await first.getByTestId('auction-amount').fill('900');
    expect(await first.getByTestId('auction-bid').isDisabled()).toBe(true);
    expect(await first.getByTestId('auction-your-max').count()).toBe(0);

    // The first buyer bids ¥1,000: the second's max answers at once with ¥1,200 (¥1,000 + ¥200), marked automatic.
    await first.getByTestId('auction-amount').fill('1000');
    await first.getByTestId('auction-bid').click();
    await price(first, 1_200_00).waitFor(TIMEOUT);
    await first.getByTestId('auction-leader').waitFor(TIMEOUT);
    await price(second, 1_200_00).waitFor(TIMEOUT);
    await second.getByTestId('auction-you-lead').waitFor(TIMEOUT);
    expect(await first.locator('[data-testid="auction-card"]').textContent()).not.toContain('1,500');
    await first.locator('[data-testid="auction-bid-row"]', { hasText: '自动' }).first().waitFor(TIMEOUT);

    await host.getByTestId('auction-hammer').click();
    await host.getByTestId('auction-hammer-confirm').click();
    await host.getByTestId('auction-form').waitFor(TIMEOUT);
    const won = second.getByTestId('auction-won');
    await won.waitFor(TIMEOUT);
    const orderId = await won.getAttribute('data-order');
    expect(await second.getByTestId('auction-pay').getAttribute('href')).toBe(`/buyer/orders/${orderId}/pay`);
    await first.locator('[data-testid="auction-outcome"][data-outcome="sold"]').waitFor(TIMEOUT);

    const order = await world.database.db
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.buyerUserId')
      .select(['orders.status', 'orders.unitPriceFen', 'users.email'])
      .where('orders.id', '=', orderId as string)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({
      status: 'pending_payment',
      unitPriceFen: 1_200_00,
      email: 'buyer2@jadelive.test',
    });

    // The host ends the broadcast: the room becomes its summary. The winner finds the order to pay
    // there (also on opening the link afresh); the other buyer sees the result, masked, and no order.
    await host.getByTestId('end-live').click();
    await host.getByTestId('end-live-confirm').click();
    const pay = second.locator(
      `[data-testid="recap-my-orders"] [data-order="${orderId}"] [data-testid="recap-pay"]`,
    );
    await pay.waitFor(TIMEOUT);
    expect(await pay.getAttribute('href')).toBe(`/buyer/orders/${orderId}/pay`);
    await second.goto(`${world.server.baseUrl}/live/${session.id}`);
    await pay.waitFor(TIMEOUT);
    expect(await second.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await first.goto(`${world.server.baseUrl}/live/${session.id}`);
    const result = first.locator('[data-testid="recap-auctions"] [data-outcome="sold"]');
    await result.waitFor(TIMEOUT);
    expect(await result.textContent()).toContain('¥1,200.00');
    expect(await first.getByTestId('recap-my-orders').count()).toBe(0);
    expect(world.pageErrors).toEqual([]);
  });
});
