import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type TestApp } from '../support/app';
import {
  type CatalogWorld,
  createCatalogWorld,
  createListing,
  issueCertificate,
  recordDeal,
} from '../support/catalog-fixtures';
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

const publish = (id: string) =>
  call(app, 'POST', `/api/listings/${id}/publish`, { session: world.seller.session });

describe('listings (happy)', () => {
  it('a gem listing bound to a verified certificate publishes and shows in the catalogue with its verify link', async () => {
    const certificate = await issueCertificate(app, world);
    const listing = await createListing(app, world.seller.session, {
      certificateId: certificate.id,
      description: '证书齐全，证书编号可在平台核验。',
    });
    const published = await publish(listing.id);
    expect(published.status, published.text).toBe(200);
    expect(published.json.listing).toMatchObject({ status: 'published', statusReason: null });
    const page = await call(app, 'GET', `/api/catalog/${listing.id}`);
    expect(page.status).toBe(200);
    expect(page.json.statusReason).toBeNull();
    expect(page.json.verifyPath).toContain(`number=${certificate.number}`);
    const search = await call(app, 'GET', `/api/catalog?q=${encodeURIComponent('飘花')}`);
    expect(search.json.items.map((item: { id: string }) => item.id)).toContain(listing.id);
  });

  it('the OpenAPI document spells out each kind of status reason with its facts', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    const listing =
      doc.paths['/api/listings/{listingId}'].get.responses['200'].content['application/json'].schema
        .properties.listing;
    const variants = listing.properties.statusReason.oneOf as {
      type: string;
      properties?: { kind: { enum: string[] } };
      required?: string[];
    }[];
    expect(
      variants.map((variant) =>
        variant.properties ? [variant.properties.kind.enum, variant.required] : null,
      ),
    ).toEqual([
      [['certificate_revoked'], ['kind', 'reason']],
      [['inspection_mismatch'], ['kind', 'identification', 'certificateNumber', 'certificateIdentification']],
      [['other'], ['kind', 'text']],
      null,
    ]);
    expect(listing.required).toContain('statusReason');
  });

  it('a gold listing needs its purity mark and weight, not a certificate', async () => {
    const listing = await createListing(app, world.seller.session, {
      title: '足金古法手镯',
      category: 'precious_metal',
      stock: 5,
    });
    const refused = await publish(listing.id);
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.problems[0].code).toBe('PURITY_MARK_REQUIRED');
    await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { purityMark: '足金', metalWeightMg: 30_120 },
    });
    expect((await publish(listing.id)).status).toBe(200);
  });

  it('price changes and deals are recorded; lowestDealPriceFen7d follows the deals', async () => {
    const listing = await createListing(app, world.seller.session, {
      category: 'cultural_creative',
      title: '大足石刻文创摆件',
      stock: 10,
    });
    await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { priceFen: 99_00 },
    });
    await recordDeal(database.db, listing.id, 120_00, 2);
    await recordDeal(database.db, listing.id, 110_00, 1);
    await recordDeal(database.db, listing.id, 80_00, 9);
    const history = await call(app, 'GET', `/api/listings/${listing.id}/price-history`, {
      session: world.seller.session,
    });
    expect(history.json.lowestDealPriceFen7d).toBe(110_00);
    expect(history.json.events.filter((event: { kind: string }) => event.kind === 'list_price')).toHaveLength(
      2,
    );
  });
});

describe('listings (rules)', () => {
  it('publishing a gem listing without a verified certificate is refused with a clear error', async () => {
    const bare = await createListing(app, world.seller.session);
    const noCertificate = await publish(bare.id);
    expect(noCertificate.status).toBe(422);
    expectErrorShape(noCertificate.json, 'UNPROCESSABLE');
    expect(noCertificate.json.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'CERTIFICATE_REQUIRED',
    );

    const registered = await call(app, 'POST', '/api/certificates', {
      session: world.seller.session,
      body: {
        externalLabName: '未接入实验室',
        number: 'UNV-001',
        identification: '翡翠手镯',
        issuedOn: '2026-01-01',
      },
    });
    const withUnverified = await createListing(app, world.seller.session, {
      certificateId: registered.json.id,
    });
    const unverified = await publish(withUnverified.id);
    expect(unverified.status).toBe(422);
    expect(unverified.json.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'CERTIFICATE_NOT_VERIFIED',
    );
  });

  it("a unique piece's certificate backs one listing on sale: a second draft saves, its publish names the first; archiving frees it", async () => {
    const certificate = await issueCertificate(app, world);
    const first = await createListing(app, world.seller.session, {
      title: '冰种飘花手镯（第一次上架）',
      certificateId: certificate.id,
    });
    expect((await publish(first.id)).status).toBe(200);
    // The seller prepares the next listing of the same piece: a draft saves freely.
    const second = await createListing(app, world.seller.session, {
      title: '同一只手镯再挂一次',
      certificateId: certificate.id,
    });
    const refused = await publish(second.id);
    expect(refused.status).toBe(422);
    expectErrorShape(refused.json, 'UNPROCESSABLE');
    expect(refused.json.error.details.reason).toBe('publish_refused');
    expect(refused.json.error.details.problems).toContainEqual(
      expect.objectContaining({
        code: 'CERTIFICATE_IN_USE',
        field: 'certificateId',
        facts: { listingId: first.id, listingTitle: '冰种飘花手镯（第一次上架）' },
      }),
    );

    // The seller's certificate list says which listings use it.
    const mine = await call(app, 'GET', '/api/certificates', { session: world.seller.session });
    const listed = mine.json.certificates.find((entry: { id: string }) => entry.id === certificate.id);
    expect(listed.usedBy).toEqual(
      expect.arrayContaining([
        { listingId: first.id, title: '冰种飘花手镯（第一次上架）', status: 'published' },
        { listingId: second.id, title: '同一只手镯再挂一次', status: 'draft' },
      ]),
    );
    expect(listed.usedBy).toHaveLength(2);

    // A listing on sale cannot switch to a certificate that backs another listing on sale.
    const other = await issueCertificate(app, world);
    const onSale = await createListing(app, world.seller.session, { certificateId: other.id });
    expect((await publish(onSale.id)).status).toBe(200);
    const switched = await call(app, 'PATCH', `/api/listings/${onSale.id}`, {
      session: world.seller.session,
      body: { certificateId: certificate.id },
    });
    expect(switched.status).toBe(422);
    expect(switched.json.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'CERTIFICATE_IN_USE',
    );

    await call(app, 'POST', `/api/listings/${first.id}/archive`, { session: world.seller.session });
    expect((await publish(second.id)).status).toBe(200);
    const after = await call(app, 'GET', '/api/certificates', { session: world.seller.session });
    expect(
      after.json.certificates.find((entry: { id: string }) => entry.id === certificate.id).usedBy,
    ).toEqual([{ listingId: second.id, title: '同一只手镯再挂一次', status: 'published' }]);
  });

  it('the database still refuses a second listing on sale with one certificate (the index is the last word)', async () => {
    const certificate = await issueCertificate(app, world);
    const first = await createListing(app, world.seller.session, { certificateId: certificate.id });
    const second = await createListing(app, world.seller.session, { certificateId: certificate.id });
    expect((await publish(first.id)).status).toBe(200);
    await expect(
      database.db.updateTable('listings').set({ status: 'published' }).where('id', '=', second.id).execute(),
    ).rejects.toThrow(/listings_one_active_per_certificate/);
  });

  it('a multi-stock listing needs a certificate covering its stock, of the material it is sold as', async () => {
    const certificate = await issueCertificate(app, world, { identification: '淡水珍珠耳钉', quantity: 3 });
    const tooMany = await createListing(app, world.seller.session, {
      title: '淡水珍珠耳钉',
      category: 'pearl',
      stock: 5,
      certificateId: certificate.id,
    });
    const refused = await publish(tooMany.id);
    expect(refused.json.error.details.problems.map((p: { code: string }) => p.code)).toEqual([
      'CERTIFICATE_QUANTITY_TOO_SMALL',
    ]);

    const glass = await issueCertificate(app, world, { identification: '玻璃手镯' });
    const soldAsJade = await createListing(app, world.seller.session, { certificateId: glass.id });
    const mismatch = await publish(soldAsJade.id);
    expect(mismatch.json.error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'CERTIFICATE_MATERIAL_MISMATCH',
    );
  });

  it('a draft saves any comparison price; publishing refuses one above the lowest deal of the previous 7 days', async () => {
    const listing = await createListing(app, world.seller.session, {
      category: 'cultural_creative',
      title: '玉雕书签',
      stock: 20,
      priceFen: 68_00,
      comparisonPriceFen: 128_00,
    });
    const noDeals = await publish(listing.id);
    expect(noDeals.status).toBe(422);
    expect(noDeals.json.error.details).toMatchObject({ reason: 'publish_refused' });
    expect(noDeals.json.error.details.problems[0].code).toBe('COMPARISON_WITHOUT_DEALS');

    await recordDeal(database.db, listing.id, 98_00, 3);
    const edited = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { comparisonPriceFen: 118_00, description: '草稿先存着' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.listing).toMatchObject({ status: 'draft', comparisonPriceFen: 118_00 });
    const above = await publish(listing.id);
    expect(above.status).toBe(422);
    expect(above.json.error.details.problems[0].code).toBe('COMPARISON_ABOVE_LOWEST_DEAL');

    const honest = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { comparisonPriceFen: 98_00 },
    });
    expect(honest.status).toBe(200);
    expect((await publish(listing.id)).status).toBe(200);
    // A listing on sale must stay publishable after each edit.
    const raised = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { comparisonPriceFen: 128_00 },
    });
    expect(raised.status).toBe(422);
    expect(raised.json.error.details.problems[0].code).toBe('COMPARISON_ABOVE_LOWEST_DEAL');
    const current = await call(app, 'GET', `/api/listings/${listing.id}`, { session: world.seller.session });
    expect(current.json.listing).toMatchObject({ status: 'published', comparisonPriceFen: 98_00 });
  });

  it('a blocking claim in the text stops publishing and comes back in the error', async () => {
    const certificate = await issueCertificate(app, world, { identification: '翡翠（处理）手镯' });
    const listing = await createListing(app, world.seller.session, {
      certificateId: certificate.id,
      description: '天然A货，假一赔十',
    });
    const refused = await publish(listing.id);
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.flags.map((flag: { category: string }) => flag.category)).toContain(
      'false_treatment',
    );
    const fixed = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { description: '证书鉴定结果为翡翠（处理），如实告知。' },
    });
    expect(fixed.status).toBe(200);
    expect((await publish(listing.id)).status).toBe(200);
  });
});

describe('listings (security)', () => {
  it("another seller's listing answers 404 to reads and edits; hosts may read but not edit", async () => {
    const listing = await createListing(app, world.seller.session, {
      category: 'cultural_creative',
      title: '玉雕挂件',
    });
    const other = await createCatalogWorld(database.db, app);
    for (const [method, path, body] of [
      ['GET', `/api/listings/${listing.id}`, undefined],
      ['PATCH', `/api/listings/${listing.id}`, { priceFen: 1 }],
      ['POST', `/api/listings/${listing.id}/publish`, undefined],
      ['POST', `/api/listings/${listing.id}/archive`, undefined],
    ] as const) {
      const response = await call(app, method, path, { session: other.seller.session, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const foreignCertificate = await issueCertificate(app, other);
    const bindForeign = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { certificateId: foreignCertificate.id },
    });
    expect(bindForeign.status).toBe(404);
    expect(
      (await call(app, 'GET', `/api/listings/${listing.id}`, { session: world.seller.hostSession })).status,
    ).toBe(200);
    expect(
      (
        await call(app, 'PATCH', `/api/listings/${listing.id}`, {
          session: world.seller.hostSession,
          body: { priceFen: 1 },
        })
      ).status,
    ).toBe(403);
  });
});
