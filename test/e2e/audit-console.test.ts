import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { type LiveBrowserWorld, PAGE_TIMEOUT, startLiveBrowserWorld } from '../support/live-browser';

// The audit log in Chromium on the demo data: the shop owner reads its own, the platform admin
// searches every organisation.
let world: LiveBrowserWorld;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
});
afterAll(() => world?.close());

const LAPTOP = { width: 1280, height: 800 };

describe('audit log console', () => {
  it('the shop owner sees actions in words, names and a link to the listing, filters and exports', async () => {
    const api = await login(world.server.app, 'seller@jadelive.test', DEMO_PASSWORD);
    const created = await call(world.server.app, 'POST', '/api/listings', {
      session: api,
      body: { title: '审计测试翡翠挂件', category: 'jadeite', priceFen: 88_800, stock: 1 },
    });
    expect(created.status, created.text).toBe(201);
    const listingId: string = created.json.listing.id;

    const page = await world.signIn('seller@jadelive.test', LAPTOP);
    await page.goto(`${world.server.baseUrl}/settings/audit`);
    const row = page.locator('[data-testid="audit-table"] tr[data-action="listing.created"]').first();
    await row.waitFor(PAGE_TIMEOUT);
    expect(await row.textContent()).toContain('创建商品');
    const link = row.getByRole('link', { name: '审计测试翡翠挂件' });
    expect(await link.getAttribute('href')).toBe(`/seller/listings/${listingId}`);
    // No raw keys or shortened ids in the table.
    const table = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(table).not.toMatch(/listing\.created|auth\.login/);

    await page.getByLabel('操作').selectOption('auth.login');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action'), PAGE_TIMEOUT).toBe('auth.login');
    await expect
      .poll(
        async () =>
          page
            .locator('[data-testid="audit-table"] tbody tr')
            .evaluateAll((rows) =>
              rows.map((tr) => (tr as unknown as { dataset: { action: string } }).dataset.action),
            ),
        PAGE_TIMEOUT,
      )
      .toSatisfy(
        (actions: string[]) => actions.length > 0 && actions.every((action) => action === 'auth.login'),
      );
    const href = (await page.getByTestId('audit-export').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/audit\/export\?action=auth\.login&organizationId=[0-9a-f-]{36}$/);
    const csv = await page.request.get(`${world.server.baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(world.pageErrors).toEqual([]);
  });

  it('the platform admin reads every organisation and narrows to one by clicking its name', async () => {
    const page = await world.signIn('admin@jadelive.test', LAPTOP);
    await page.goto(`${world.server.baseUrl}/platform/audit`);
    await page.getByRole('heading', { name: '全平台操作日志' }).waitFor(PAGE_TIMEOUT);
    const organization = page
      .locator('[data-testid="audit-table"] tr[data-action="listing.created"]')
      .first()
      .getByTitle('只看此单位');
    await organization.waitFor(PAGE_TIMEOUT);
    const name = (await organization.textContent())?.trim() ?? '';
    expect(name.length).toBeGreaterThan(0);
    await organization.click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('organization'), PAGE_TIMEOUT)
      .toMatch(/^[0-9a-f-]{36}$/);
    await expect
      .poll(async () => {
        const names = await page
          .locator('[data-testid="audit-table"] tbody tr td:nth-child(5)')
          .allTextContents();
        return names.length > 0 && names.every((text) => text.trim() === name || text.trim() === '—');
      }, PAGE_TIMEOUT)
      .toBe(true);
    expect(world.pageErrors).toEqual([]);
  });
});
