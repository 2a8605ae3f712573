import { hashPassword } from '@jadelive/server/lib/passwords';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { idempotencyKey } from '../support/commerce-fixtures';
import { type LiveBrowserWorld, startLiveBrowserWorld } from '../support/live-browser';

// A new buyer on a phone gives an address while paying; the shop's owner ships to it on a laptop
// and its host sees the same order masked.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
});
afterAll(() => world?.close());

const TIMEOUT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const FITS_PHONE = 'document.documentElement.scrollWidth <= window.innerWidth';

/** A buyer without any address, and an unpaid order of theirs for a piece of 解放碑翠玉轩. */
async function newBuyerWithOrder() {
  const email = `buyer.address.${Date.now()}@jadelive.test`;
  await world.database.db
    .insertInto('users')
    .values({ email, passwordHash: await hashPassword(DEMO_PASSWORD), displayName: '新买家' })
    .execute();
  const session = await login(world.server.app, email, DEMO_PASSWORD);
  const listings = await world.database.db
    .selectFrom('listings')
    .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
    .select('listings.id')
    .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
    .where('listings.status', '=', 'published')
    .execute();
  for (const listing of listings) {
    const created = await call(world.server.app, 'POST', '/api/orders', {
      session,
      body: { listingId: listing.id, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    if (created.status === 201) return { email, orderId: created.json.id as string };
  }
  throw new Error('no demo listing of 解放碑翠玉轩 could be ordered');
}

describe('addresses in the console', () => {
  it('a buyer adds an address while paying; the seller ships to it and the host sees it masked', async () => {
    const { email, orderId } = await newBuyerWithOrder();
    const buyer = await world.signIn(email, PHONE);

    // The payment page asks for an address first: no payment opens without one.
    await buyer.goto(`${world.server.baseUrl}/buyer/orders/${orderId}/pay`);
    await buyer.getByTestId('address-needed').waitFor(TIMEOUT);
    expect(await buyer.getByTestId('sandbox-success').count()).toBe(0);
    await buyer.getByTestId('address-recipient').fill('王小明');
    await buyer.getByTestId('address-mobile').fill('13812345678');
    await buyer.getByTestId('address-province').selectOption({ label: '重庆市' });
    await buyer.getByTestId('address-city').selectOption({ label: '重庆市' });
    await buyer.getByTestId('address-district').selectOption({ label: '渝中区' });
    await buyer.getByTestId('address-detail').fill('解放碑民族路 188 号 12 楼');
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);
    await buyer.getByTestId('address-save').click();
    await buyer.getByTestId('shipping-address').waitFor(TIMEOUT);
    expect(await buyer.getByTestId('shipping-region').textContent()).toBe(
      '重庆市 渝中区 解放碑民族路 188 号 12 楼',
    );
    await buyer.locator('[data-testid="sandbox-success"]:not([disabled])').click();
    await buyer.locator('[data-page="sandbox-pay"][data-status="paid"]').waitFor(TIMEOUT);

    // The address is in the buyer's book, reached from the phone's bottom bar.
    await buyer.locator('[data-nav="addresses"]:visible').first().click();
    await buyer
      .locator('[data-page="address-book"] [data-testid="address-list"] > li')
      .first()
      .waitFor(TIMEOUT);
    expect(await buyer.locator('[data-testid="address-list"] > li').count()).toBe(1);
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);

    // The shop's owner sees who and where, ships with carrier and tracking.
    const seller = await world.signIn('seller@jadelive.test', { width: 1280, height: 800 });
    await seller.goto(`${world.server.baseUrl}/seller/orders/${orderId}`);
    await seller.locator('[data-page="seller-order"][data-status="paid"]').waitFor(TIMEOUT);
    expect(await seller.getByTestId('shipping-recipient').textContent()).toBe('王小明');
    expect(await seller.getByTestId('shipping-mobile').textContent()).toBe('13812345678');
    expect(await seller.getByTestId('shipping-region').textContent()).toContain('解放碑民族路 188 号');
    await seller.getByTestId('ship-carrier').fill('顺丰速运');
    await seller.getByTestId('ship-tracking').fill('SF1234567890');
    await seller.getByTestId('ship-submit').click();
    await seller.locator('[data-page="seller-order"][data-status="shipped"]').waitFor(TIMEOUT);
    expect(await seller.getByTestId('order-tracking').textContent()).toBe('顺丰速运 SF1234567890');

    // The host of the same shop, on a phone: the mobile masked, nothing below the district.
    const host = await world.signIn('host@jadelive.test', PHONE);
    await host.goto(`${world.server.baseUrl}/seller/orders/${orderId}`);
    await host.locator('[data-testid="shipping-address"][data-masked="true"]').waitFor(TIMEOUT);
    expect(await host.getByTestId('shipping-mobile').textContent()).toBe('138****5678');
    expect(await host.getByTestId('shipping-region').textContent()).toBe('重庆市 渝中区');
    expect(await host.getByTestId('shipping-recipient').textContent()).toBe('王**');

    expect(world.pageErrors).toEqual([]);
  });
});
