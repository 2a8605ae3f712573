import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveBrowserWorld,
  startLiveBrowserWorld,
  PAGE_TIMEOUT as TIMEOUT,
} from '../support/live-browser';

// The summary of the demo's ended session after it sold ¥12,800 + ¥1,800, in Chromium: the shop
// and the district's regulator see its GMV, orders and their status; no LiveKit needed.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
});
afterAll(() => world?.close());

const DAY = 86_400_000;

/** Two completed orders of the demo buyer in the demo's ended session (last week's). */
async function endedSessionThatSold(): Promise<string> {
  const { db } = world.database;
  const session = await db
    .selectFrom('liveSessions')
    .innerJoin('liveSessionLineup as lineup', 'lineup.sessionId', 'liveSessions.id')
    .select(['liveSessions.id', 'liveSessions.sellerOrgId', 'lineup.listingId', 'liveSessions.startedAt'])
    .where('liveSessions.title', '=', '和田玉籽料把件鉴赏夜')
    .where('liveSessions.status', '=', 'ended')
    .executeTakeFirstOrThrow();
  const buyer = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'buyer@jadelive.test')
    .executeTakeFirstOrThrow();
  const at = new Date((session.startedAt ?? new Date(Date.now() - 7 * DAY)).getTime() + 600_000);
  for (const totalFen of [12_800_00, 1_800_00]) {
    await db
      .insertInto('orders')
      .values({
        buyerUserId: buyer.id,
        sellerOrgId: session.sellerOrgId,
        listingId: session.listingId,
        liveSessionId: session.id,
        quantity: 1,
        unitPriceFen: totalFen,
        totalFen,
        customMade: false,
        status: 'completed',
        createdAt: at,
        paymentDueAt: new Date(at.getTime() + 1_800_000),
        paidAt: at,
        completedAt: new Date(at.getTime() + 5 * DAY),
      })
      .execute();
  }
  return session.id;
}

describe('the summary of an ended session shows what it sold', () => {
  it('the shop and the regulator see its GMV (¥14,600), two orders, final', async () => {
    const sessionId = await endedSessionThatSold();
    const seller = await world.signIn('seller@jadelive.test', { width: 1280, height: 900 });
    await seller.goto(`${world.server.baseUrl}/studio/${sessionId}/summary`);
    const gmv = seller.locator('[data-testid="session-sales"] [data-figure="gmvFen"][data-status="final"]');
    await gmv.waitFor(TIMEOUT);
    expect(await gmv.textContent()).toContain('¥14,600');
    expect(await gmv.textContent()).toContain('已结算');
    const orders = seller.locator('[data-testid="session-sales"] [data-figure="orders"] .summary-value');
    expect(await orders.textContent()).toBe('2');

    const regulator = await world.signIn('regulator@jadelive.test', { width: 390, height: 844 });
    await regulator.goto(`${world.server.baseUrl}/regulator/live/${sessionId}/summary`);
    const seen = regulator.locator('[data-testid="session-sales"] [data-figure="gmvFen"]');
    await seen.waitFor(TIMEOUT);
    expect(await seen.textContent()).toContain('¥14,600');
    expect(await regulator.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(world.pageErrors).toEqual([]);
  });
});
