import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveBrowserWorld, startLiveBrowserWorld } from '../support/live-browser';

// 投诉 on the demo data, in Chromium: the buyer on a phone complains about an order of 解放碑翠玉轩,
// the shop answers on a laptop, the buyer takes it to 渝中区市场监管局, whose officer accepts it.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
});
afterAll(() => world?.close());

const TIMEOUT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const FITS_PHONE = 'document.documentElement.scrollWidth <= window.innerWidth';

describe('complaints console: buyer, shop and regulator', () => {
  it('files from an order, answers, escalates and accepts, with the deadlines shown', async () => {
    const order = await world.database.db
      .selectFrom('orders')
      .innerJoin('organizations', 'organizations.id', 'orders.sellerOrgId')
      .innerJoin('users', 'users.id', 'orders.buyerUserId')
      .select(['orders.id', 'orders.listingId'])
      .where('users.email', '=', 'buyer@jadelive.test')
      .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
      .executeTakeFirstOrThrow();

    // The buyer complains from the order page; the shop has 7 days.
    const buyer = await world.signIn('buyer@jadelive.test', PHONE);
    await buyer.goto(`${world.server.baseUrl}/buyer/orders/${order.id}`);
    await buyer.getByTestId('complain').click();
    const form = buyer.getByTestId('complaint-form');
    await form.getByLabel('投诉类别').selectOption('certificate_mismatch');
    await form.getByLabel('发生了什么').fill('直播时说是天然 A 货，收到后证书写的是翡翠（处理）。');
    await form.getByRole('button', { name: '提交投诉' }).click();
    await buyer.getByTestId('complaint-filed').waitFor(TIMEOUT);
    await buyer.getByRole('link', { name: '查看我的投诉' }).click();
    const filed = buyer.locator('[data-page="buyer-complaints"] [data-testid="complaint"]').first();
    await filed.and(buyer.locator('[data-status="awaiting_seller"]')).waitFor(TIMEOUT);
    expect(await filed.getByTestId('answer-deadline').textContent()).toContain('还剩 7 天');
    expect(await buyer.evaluate(FITS_PHONE)).toBe(true);
    const complaintId = await filed.getAttribute('data-complaint');

    // The shop finds it under 投诉处理 and answers.
    const seller = await world.signIn('seller@jadelive.test', LAPTOP);
    await seller.locator('[data-nav="seller-complaints"]:visible').first().click();
    const inbox = seller.locator(`[data-page="seller-complaints"] [data-complaint="${complaintId}"]`);
    await inbox.waitFor(TIMEOUT);
    await inbox.getByTestId('complaint-answer').click();
    await inbox
      .locator('[data-testid="complaint-answer-form"] textarea')
      .fill('证书为国检出具，可安排复检后退货退款。');
    await inbox.locator('[data-testid="complaint-answer-form"] button[type="submit"]').click();
    await seller.locator(`[data-complaint="${complaintId}"][data-status="answered"]`).waitFor(TIMEOUT);

    // The buyer does not accept it and sends it to the regulator: 7 working days to decide.
    await buyer.reload();
    const answered = buyer.locator(`[data-complaint="${complaintId}"][data-status="answered"]`);
    await answered.waitFor(TIMEOUT);
    expect(await answered.getByTestId('complaint-answer').textContent()).toContain('复检');
    await answered.getByTestId('complaint-escalate').click();
    await answered
      .locator('[data-testid="complaint-escalate-form"] textarea')
      .fill('证书与宣传不符，要求查处');
    await answered.locator('[data-testid="complaint-escalate-form"] button[type="submit"]').click();
    const escalated = buyer.locator(`[data-complaint="${complaintId}"][data-status="escalated"]`);
    await escalated.waitFor(TIMEOUT);
    expect(await escalated.getByTestId('complaint-escalation').textContent()).toContain(
      '重庆市渝中区市场监督管理局',
    );
    expect(await escalated.getByTestId('decision-deadline').getAttribute('data-days-left')).toBe('7');
    expect(await escalated.getByTestId('decision-deadline').textContent()).toContain('还剩 7 个工作日');

    // The district's officer accepts it under 投诉线索.
    const regulator = await world.signIn('regulator@jadelive.test', LAPTOP);
    await regulator.locator('[data-nav="complaint-leads"]:visible').first().click();
    const lead = regulator.locator(`[data-page="regulator-complaints"] [data-complaint="${complaintId}"]`);
    await lead.waitFor(TIMEOUT);
    expect(await lead.textContent()).toContain('投诉人');
    await lead.getByTestId('complaint-accept').click();
    await lead.locator('[data-testid="complaint-accept-form"] textarea').fill('转入核查');
    await lead.locator('[data-testid="complaint-accept-form"] button[type="submit"]').click();
    await regulator.locator(`[data-complaint="${complaintId}"][data-status="accepted"]`).waitFor(TIMEOUT);

    // The buyer is told on the home page and reads the decision.
    await buyer.goto(`${world.server.baseUrl}/buyer`);
    await buyer.locator('[data-kind="complaint_decided"]').first().waitFor(TIMEOUT);
    await buyer.locator('[data-kind="complaint_decided"] a').first().click();
    await buyer
      .locator(`.complaint-opened [data-complaint="${complaintId}"] [data-testid="complaint-decision"]`)
      .waitFor(TIMEOUT);
    expect(world.pageErrors).toEqual([]);
  });

  it('a buyer finds 投诉 on a listing page and in an ended session’s recap', async () => {
    const buyer = await world.signIn('buyer@jadelive.test', PHONE);
    const listing = await world.database.db
      .selectFrom('listings')
      .select('id')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    await buyer.goto(`${world.server.baseUrl}/listings/${listing.id}`);
    await buyer.getByTestId('complain').click();
    await buyer.getByTestId('complaint-form').waitFor(TIMEOUT);
    // The demo has sessions that ended; the recap of one offers 投诉 too.
    const ended = await world.database.db
      .selectFrom('liveSessions')
      .select('id')
      .where('status', '=', 'ended')
      .executeTakeFirstOrThrow();
    await buyer.goto(`${world.server.baseUrl}/live/${ended.id}`);
    await buyer.locator('[data-page="live-recap"]').waitFor(TIMEOUT);
    await buyer.getByTestId('complain').waitFor(TIMEOUT);
    expect(world.pageErrors).toEqual([]);
  });
});
