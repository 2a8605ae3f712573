import { randomUUID } from 'node:crypto';
import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer } from '../support/server';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  server = await startTestServer(database.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const HOMES = [
  { email: 'admin@jadelive.test', home: 'platform' },
  { email: 'operator@jadelive.test', home: 'operator' },
  { email: 'seller@jadelive.test', home: 'seller' },
  { email: 'host@jadelive.test', home: 'seller' },
  { email: 'lab@jadelive.test', home: 'lab' },
  { email: 'regulator@jadelive.test', home: 'regulator' },
  { email: 'buyer@jadelive.test', home: 'buyer' },
];

describe('console smoke: every demo role signs in and lands in its own home', () => {
  for (const { email, home } of HOMES) {
    it(`${email} → ${home}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('input[type="email"]').fill(email);
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.locator(`[data-home="${home}"]`).waitFor({ timeout: 15_000 });
      const title = await page.getByTestId('home-title').textContent();
      expect(title?.trim().length).toBeGreaterThan(0);
      // Simplified Chinese is the default language.
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a wrong password shows a readable error and stays on the login page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('input[type="email"]').fill('buyer@jadelive.test');
    await page.locator('input[type="password"]').fill('not the password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').textContent()).toMatch(/\S/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});

describe('console smoke: the lab’s inspection requests (就地检验)', () => {
  it('a buyer’s request reaches the demo lab’s list and detail, with the certificate facts of the request', async () => {
    // A certified piece of a seller admitted to a demo base, whose inspection lab is the demo lab.
    const listing = await database.db
      .selectFrom('listings')
      .innerJoin('certificates', 'certificates.id', 'listings.certificateId')
      .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
      .select(['listings.id', 'listings.title', 'certificates.number'])
      .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
      .where('listings.status', '=', 'published')
      .where('listings.stock', '>', 0)
      .orderBy('listings.createdAt')
      .executeTakeFirstOrThrow();
    const buyer = await login(server.app, 'buyer@jadelive.test', DEMO_PASSWORD);
    const ordered = await call(server.app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId: listing.id, quantity: 1, idempotencyKey: randomUUID(), inspection: true },
    });
    expect(ordered.status, ordered.text).toBe(201);

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('input[type="email"]').fill('lab@jadelive.test');
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-home="lab"]').waitFor({ timeout: 15_000 });
    await page.locator('a[href="/lab/inspections"]').first().click();
    await page.locator('[data-page="lab-inspections"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('h1').textContent()).toBe('检验申请');
    await page.locator('[data-tab="requested"]').click();
    const row = page.locator('[data-testid="lab-inspections-table"] tr', { hasText: listing.title });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(listing.number);
    await row.locator('a').click();
    await page.locator('[data-page="lab-inspection"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('lab-inspection-facts').textContent()).toContain(listing.number);
    expect(await page.getByTestId('lab-inspection-status').textContent()).toBe('检验中');
    await page.getByTestId('lab-inspection-form').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('console smoke: why a listing is suspended, in the reader’s language', () => {
  it('the demo seller reads the revocation in Chinese and in English, the lab’s words as given', async () => {
    const listing = await database.db
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
      .select('listings.id')
      .where('organizations.slug', '=', 'jiefangbei-cuiyuxuan')
      .where('listings.status', '=', 'suspended')
      .where('listings.statusReasonKind', '=', 'certificate_revoked')
      .executeTakeFirstOrThrow();
    for (const { language, reason } of [
      { language: 'zh-CN', reason: '原因：证书已撤销（复检发现经充填处理，与原证书结论不符）' },
      {
        language: 'en',
        reason: 'Reason: the certificate was revoked (复检发现经充填处理，与原证书结论不符)',
      },
    ]) {
      const context = await browser.newContext();
      await context.addInitScript({
        content: `localStorage.setItem('jadelive.language', ${JSON.stringify(language)})`,
      });
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('input[type="email"]').fill('seller@jadelive.test');
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.locator('[data-home="seller"]').waitFor({ timeout: 15_000 });
      await page.goto(`${server.baseUrl}/seller/listings/${listing.id}`);
      const status = page.locator('[data-testid="listing-status"][data-status="suspended"]');
      await status.waitFor({ timeout: 15_000 });
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await status.textContent(), language).toContain(reason);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
