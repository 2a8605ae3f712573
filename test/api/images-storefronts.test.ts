import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
});
afterAll(() => database.drop());

// The smallest valid PNG: 1×1, one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(session: Session, bytes: Uint8Array, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.set('file', new Blob([bytes], { type }), name);
  const response = await app.request('/api/images', {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  return { status: response.status, json: (await response.json()) as any };
}

describe('image uploads', () => {
  it('stores an image by content and serves it back with its sniffed type', async () => {
    const uploaded = await upload(world.seller.session, PNG, 'evil.jpg', 'image/jpeg');
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.mimeType).toBe('image/png');
    const served = await app.request(uploaded.json.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a file that is not an image, whatever it claims to be', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const refused = await upload(world.seller.session, html, 'photo.png', 'image/png');
    expect(refused.status).toBe(415);
    expectErrorShape(refused.json, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an oversize upload with 413', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(PNG.subarray(0, 8));
    const refused = await upload(world.seller.session, big);
    expect(refused.status).toBe(413);
    expectErrorShape(refused.json, 'PAYLOAD_TOO_LARGE');
    const rows = await database.db
      .selectFrom('images')
      .select('id')
      .where('byteSize', '>', 1024 * 1024)
      .execute();
    expect(rows).toEqual([]);
  });

  it('buyers cannot upload', async () => {
    const response = await app.request('/api/images', { method: 'POST', body: new FormData() });
    expect(response.status).toBe(401);
  });
});

describe('storefront profile', () => {
  const profile = {
    creditCode: '9144030071526726XG',
    legalName: '重庆翠玉轩珠宝有限公司',
    categories: ['jadeite', 'nephrite'],
    contactName: '王店长',
    contactPhone: '13800138000',
    description: '解放碑老店',
  };

  it('checks the 统一社会信用代码 check character', async () => {
    const bad = await call(app, 'PUT', '/api/storefronts/mine/profile', {
      session: world.seller.session,
      body: { ...profile, creditCode: '9144030071526726XH' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues[0].path).toBe('creditCode');
    const good = await call(app, 'PUT', '/api/storefronts/mine/profile', {
      session: world.seller.session,
      body: profile,
    });
    expect(good.status).toBe(200);
    const slug = (
      await database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', world.seller.orgId)
        .executeTakeFirstOrThrow()
    ).slug;
    const page = await call(app, 'GET', `/api/storefronts/${slug}`);
    expect(page.json.profile).toMatchObject({
      legalName: profile.legalName,
      categories: ['jadeite', 'nephrite'],
    });
  });

  it('one registration number belongs to one seller, and hosts cannot edit the profile', async () => {
    const other = await createCatalogWorld(database.db, app);
    const taken = await call(app, 'PUT', '/api/storefronts/mine/profile', {
      session: other.seller.session,
      body: profile,
    });
    expect(taken.status).toBe(409);
    const byHost = await call(app, 'PUT', '/api/storefronts/mine/profile', {
      session: world.seller.hostSession,
      body: profile,
    });
    expect(byHost.status).toBe(403);
  });
});
