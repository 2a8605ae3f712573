import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
