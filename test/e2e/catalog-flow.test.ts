import { deflateSync } from 'node:zlib';
import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer } from '../support/server';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  server = await startTestServer(database.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const DEMO_LAB = '渝州珠宝玉石检测实验室（演示）';
const SEARCH_TERM = '晴水';
const TIMEOUT = { timeout: 15_000 };

/** A real (tiny) PNG: the API reads the type from the bytes, so a fake would be refused. */
function tinyPng(size = 16): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // Every row: filter byte 0, then jade-green pixels.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([17, 128, 92]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/login`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('home-title').waitFor(TIMEOUT);
  return page;
}

describe('catalogue flow: certificate → lab confirmation → listing → buyer verifies', () => {
  it('a seller lists a lab-confirmed piece and a buyer on a phone finds and verifies it', async () => {
    const number = `E2E-${Date.now().toString(36).toUpperCase()}`;

    // The seller registers a certificate naming the demo lab, which is on the platform.
    const seller = await signIn('seller@jadelive.test');
    await seller.locator('[data-card="certificates"]').click();
    const registerForm = seller.getByTestId('register-certificate-form');
    await registerForm.waitFor(TIMEOUT);
    await seller.getByTestId('certificate-lab').selectOption({ label: DEMO_LAB });
    await seller.getByTestId('certificate-number').fill(number);
    await seller.getByTestId('certificate-identification').fill('翡翠手镯');
    await seller.getByTestId('certificate-weight').fill('52.3');
    await seller.getByTestId('certificate-submit').click();
    await seller.getByTestId('certificate-registered').waitFor(TIMEOUT);
    const sellerRow = seller.locator(`tr[data-certificate="${number}"]`);
    await sellerRow.waitFor(TIMEOUT);
    expect(await sellerRow.locator('[data-certificate-status]').getAttribute('data-certificate-status')).toBe(
      'unverified',
    );

    // The lab, in its own browser context, confirms the registration from its queue.
    const lab = await signIn('lab@jadelive.test');
    await lab.locator('[data-card="labCertificates"]').click();
    await lab.locator('[data-tab="unverified"]').click();
    const labRow = lab.locator(`tr[data-certificate="${number}"]`);
    await labRow.getByTestId('confirm-certificate').click();
    await lab.locator('[data-tab="verified"]').click();
    await lab.locator(`tr[data-certificate="${number}"][data-status="verified"]`).waitFor(TIMEOUT);

    // The seller creates a listing bound to it, with a picture, watching the compliance preview.
    await seller.goto(`${server.baseUrl}/seller/listings`);
    await seller.getByTestId('new-listing').click();
    await seller.getByTestId('listing-form').waitFor(TIMEOUT);
    const title = `${SEARCH_TERM}翡翠圆条手镯 57圈口`;
    await seller.getByTestId('listing-title-input').fill(title);
    await seller.getByTestId('listing-description-input').fill('保证升值，稳赚不赔');
    const preview = seller.getByTestId('compliance-preview');
    await seller
      .locator('[data-testid="compliance-preview"] [data-flag-category="investment_promise"]')
      .first()
      .waitFor(TIMEOUT);
    expect(await preview.locator('mark.flag-mark').count()).toBeGreaterThan(0);
    await seller
      .getByTestId('listing-description-input')
      .fill(`${SEARCH_TERM}底色，圆条，圈口57mm。附检测证书。`);
    await seller.locator('[data-testid="compliance-preview"][data-flag-count="0"]').waitFor(TIMEOUT);
    await seller.getByTestId('listing-category').selectOption('jadeite');
    await seller.getByTestId('listing-price-input').fill('12800');
    await seller.getByTestId('listing-stock-input').fill('1');
    const option = seller.locator(`[data-testid="listing-certificate"] option[data-number="${number}"]`);
    await seller.getByTestId('listing-certificate').selectOption((await option.getAttribute('value')) ?? '');
    await seller.getByTestId('listing-images').setInputFiles({
      name: 'bangle.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await seller.locator('.thumb[data-image-id]').waitFor(TIMEOUT);
    await seller.getByTestId('listing-publish').click();
    await seller.getByTestId('listing-published').waitFor(TIMEOUT);
    await seller.locator('[data-testid="listing-status"][data-status="published"]').waitFor(TIMEOUT);
    const listingId = new URL(seller.url()).pathname.split('/').pop() ?? '';
    expect(listingId).toMatch(/^[0-9a-f-]{36}$/);

    // A buyer on a phone opens the catalogue from their home and searches in Chinese.
    const buyer = await signIn('buyer@jadelive.test', { width: 390, height: 844 });
    const errors: string[] = [];
    buyer.on('pageerror', (error) => errors.push(error.message));
    await buyer.locator('[data-card="catalog"]').click();
    await buyer.getByTestId('catalog-search').fill(SEARCH_TERM);
    await buyer.getByTestId('catalog-search-submit').click();
    const card = buyer.locator(`[data-testid="listing-card"][data-listing="${listingId}"]`);
    await card.waitFor(TIMEOUT);
    expect(new URL(buyer.url()).searchParams.get('q')).toBe(SEARCH_TERM);
    await card.click();
    await buyer.getByTestId('listing-title').waitFor(TIMEOUT);
    expect(await buyer.getByTestId('listing-title').textContent()).toBe(title);
    expect(await buyer.getByTestId('listing-price').textContent()).toBe('¥12,800');
    await buyer.getByTestId('listing-image').waitFor(TIMEOUT);
    expect(await buyer.getByTestId('verify-qr').count()).toBe(1);
    // Nothing may be wider than the phone.
    expect(await buyer.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    await buyer.getByTestId('verify-link').click();
    const result = buyer.getByTestId('verification-result');
    await result.waitFor(TIMEOUT);
    expect(await result.getAttribute('data-status')).toBe('verified');
    expect(await buyer.getByTestId('verification-number').textContent()).toBe(number);
    expect(await buyer.getByTestId('verification-listing').textContent()).toContain(title);
    const verifyUrl = new URL(buyer.url());
    expect(verifyUrl.pathname).toBe('/verify');
    expect(verifyUrl.searchParams.get('number')).toBe(number);
    expect(errors).toEqual([]);
  });
});
