import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { demoSellerAndHost, PHONE, scheduleDemoSession } from '../support/demo-live-session';
import { type LiveBrowserWorld, PAGE_TIMEOUT, startLiveBrowserWorld } from '../support/live-browser';
import { LIVEKIT_HOOK_TIMEOUT } from '../support/livekit';

// A zh-CN reader on a phone meets three refusals — a studio booking that collides (409), a chat
// message while muted (403) and one the content rules refuse (422) — and reads each as a Chinese
// sentence with its facts, never the server's English message.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld();
}, LIVEKIT_HOOK_TIMEOUT);
afterAll(() => world?.close());

/** The alert's sentence (its first line), once it shows. */
async function alertText(page: Page, scope: string): Promise<string> {
  const message = page.locator(`${scope} [role="alert"] .alert-message`).first();
  await message.waitFor(PAGE_TIMEOUT);
  return ((await message.textContent()) ?? '').trim();
}

/** The alert's small print: the code and request id for support. */
async function alertFinePrint(page: Page, scope: string): Promise<string> {
  return ((await page.locator(`${scope} [role="alert"] .fine-print`).first().textContent()) ?? '').trim();
}

/** Chinese throughout: no English sentence leaked from the server. */
function expectChinese(text: string) {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{2,}/);
}

/** What the test reads of an input's constraint validation (the test package has no DOM types). */
interface FormInput {
  validity: { valid: boolean; patternMismatch: boolean };
}

/** Tomorrow's date on the Beijing calendar, as the date input takes it. */
function tomorrowInShanghai(): string {
  return new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('errors in the reader’s language (zh-CN, 390 px)', () => {
  it('a booking conflict names when the studio is taken; a mute says until when; refused chat quotes the phrase and the rule', async () => {
    const { db } = world.database;
    const { app } = world.server;

    // Another seller of the same base holds tomorrow 19:00–21:00 (Beijing) of a studio.
    const { sellerOrgId } = await demoSellerAndHost(db);
    const studio = await db
      .selectFrom('studios')
      .innerJoin('baseMemberships', 'baseMemberships.baseId', 'studios.baseId')
      .innerJoin('baseMemberships as other', 'other.baseId', 'studios.baseId')
      .innerJoin('organizations as otherSeller', 'otherSeller.id', 'other.sellerOrgId')
      .select(['studios.id', 'studios.baseId'])
      .where('studios.status', '=', 'available')
      .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
      .where('baseMemberships.status', '=', 'admitted')
      .where('other.status', '=', 'admitted')
      .where('otherSeller.slug', '=', 'yuzhong-pearl-house')
      .orderBy('studios.name')
      .executeTakeFirstOrThrow();
    const day = tomorrowInShanghai();
    const pearl = await login(app, 'seller.pearl@jadelive.test', DEMO_PASSWORD);
    const held = await call(app, 'POST', `/api/bases/${studio.baseId}/studios/${studio.id}/bookings`, {
      session: pearl,
      body: { startsAt: `${day}T19:00:00+08:00`, endsAt: `${day}T21:00:00+08:00` },
    });
    expect(held.status, held.text).toBe(201);

    const seller = await world.signIn('seller@jadelive.test', PHONE);
    await seller.goto(`${world.server.baseUrl}/seller/bases`);
    const form = seller.getByTestId('book-studio-form');
    await form.waitFor(PAGE_TIMEOUT);
    await form.locator('select').first().selectOption(studio.baseId);
    await form.locator('select[name="studioId"]').selectOption(studio.id);
    await form.locator('input[name="date"]').fill(day);
    await form.locator('input[name="start"]').fill('20:00');
    await form.locator('input[name="end"]').fill('22:00');
    await form.locator('button[type="submit"]').click();
    const conflict = await alertText(seller, '[data-testid="book-studio-form"]');
    expect(conflict).toContain('已被预订');
    expect(conflict).toContain('19:00');
    expect(conflict).toContain('21:00');
    expect(conflict).toContain('其他商家');
    expectChinese(conflict);
    expect(await alertFinePrint(seller, '[data-testid="book-studio-form"]')).toMatch(/^CONFLICT · 请求编号 /);

    // The certificate number's pattern compiles in Chromium (v flag), so the form itself refuses
    // 「证书 123」 before anything reaches the server.
    await seller.goto(`${world.server.baseUrl}/seller/certificates`);
    const number = seller.getByTestId('certificate-number');
    await number.waitFor(PAGE_TIMEOUT);
    await number.fill('证书 123');
    expect(await number.evaluate((input) => (input as unknown as FormInput).validity.patternMismatch)).toBe(
      true,
    );
    await number.fill('NGTC-2026-0815');
    expect(await number.evaluate((input) => (input as unknown as FormInput).validity.valid)).toBe(true);

    // A live session of the demo shop; the buyer watches on a phone.
    const listings = await db
      .selectFrom('listings')
      .select('id')
      .where('sellerOrgId', '=', sellerOrgId)
      .where('status', '=', 'published')
      .limit(2)
      .execute();
    const session = await scheduleDemoSession(
      world,
      listings.map((listing) => listing.id),
      '报错中文',
    );
    const host = await login(app, 'host@jadelive.test', DEMO_PASSWORD);
    const started = await call(app, 'POST', `/api/live/sessions/${session.id}/start`, { session: host });
    expect(started.status, started.text).toBe(200);

    const buyer = await world.signIn('buyer@jadelive.test', PHONE);
    await buyer.goto(`${world.server.baseUrl}/live/${session.id}`);
    const input = buyer.getByTestId('chat-input');
    await input.waitFor(PAGE_TIMEOUT);

    // The content rules refuse steering buyers off the platform.
    await input.fill('主播加我微信私聊吧');
    await buyer.getByTestId('chat-send').click();
    const refused = await alertText(buyer, '[data-testid="chat-panel"]');
    expect(refused).toContain('消息未发出');
    expect(refused).toContain('「加我微信」');
    expect(refused).toContain('引导用户脱离平台私下联系或交易');
    expectChinese(refused);

    // Muted for ten minutes by the host: the sentence says until when (Beijing time).
    const buyerId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'buyer@jadelive.test')
        .executeTakeFirstOrThrow()
    ).id;
    const muted = await call(app, 'POST', `/api/live/sessions/${session.id}/mutes`, {
      session: host,
      body: { userId: buyerId, minutes: 10 },
    });
    expect(muted.status, muted.text).toBe(200);
    await input.fill('还在吗');
    await buyer.getByTestId('chat-send').click();
    await expect
      .poll(() => alertText(buyer, '[data-testid="chat-panel"]'), PAGE_TIMEOUT)
      .toMatch(/^你已被禁言，.*\d{1,2}:\d{2}.*前不能发言。$/);
    expectChinese(await alertText(buyer, '[data-testid="chat-panel"]'));
    expect(await alertFinePrint(buyer, '[data-testid="chat-panel"]')).toMatch(/^FORBIDDEN · 请求编号 /);

    expect(world.pageErrors).toEqual([]);
  });
});
