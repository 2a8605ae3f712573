import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import {
  type CatalogWorld,
  certificateNumber,
  createCatalogWorld,
  createListing,
} from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Findings of the outside-in probe (issue 12) that have no better home beside a feature's tests.

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let other: CatalogWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  other = await createCatalogWorld(database.db, app);
});
afterAll(() => database.drop());

// The smallest valid PNG: 1×1, one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function uploadImage(session: Session): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  const response = await app.request('/api/images', {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('image ids are scoped to the caller’s organisation (finding 5)', () => {
  it('a listing takes only its seller’s own images, on create and on edit', async () => {
    const own = await uploadImage(world.seller.session);
    const foreign = await uploadImage(other.seller.session);
    const refused = await call(app, 'POST', '/api/listings', {
      session: world.seller.session,
      body: {
        title: '冰种手镯',
        category: 'jadeite',
        priceFen: 1_000_00,
        stock: 1,
        imageIds: [own, foreign],
      },
    });
    expect(refused.status).toBe(422);
    expectErrorShape(refused.json, 'UNPROCESSABLE');
    expect(refused.json.error.details).toMatchObject({ field: 'imageIds', unknown: [foreign] });

    const listing = await createListing(app, world.seller.session, { imageIds: [own] });
    const edit = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { imageIds: [foreign] },
    });
    expect(edit.status).toBe(422);
    const kept = await database.db
      .selectFrom('listings')
      .select('imageIds')
      .where('id', '=', listing.id)
      .executeTakeFirstOrThrow();
    expect(kept.imageIds).toEqual([own]);
  });

  it('a certificate photo must be the registering seller’s or the issuing lab’s own image', async () => {
    const sellerImage = await uploadImage(world.seller.session);
    const labImage = await uploadImage(world.lab.session);
    const body = { number: certificateNumber(), identification: '翡翠（A货）手镯', issuedOn: '2026-11-01' };
    const register = (photoImageId: string) =>
      call(app, 'POST', '/api/certificates', {
        session: world.seller.session,
        body: { ...body, number: certificateNumber(), labOrgId: world.lab.orgId, photoImageId },
      });
    expect((await register(labImage)).status).toBe(422);
    expect((await register(sellerImage)).status).toBe(201);

    const issue = (photoImageId: string) =>
      call(app, 'POST', '/api/lab/certificates', {
        session: world.lab.session,
        body: { ...body, number: certificateNumber(), holderOrgId: world.seller.orgId, photoImageId },
      });
    const foreignIssue = await issue(sellerImage);
    expect(foreignIssue.status).toBe(422);
    expectErrorShape(foreignIssue.json, 'UNPROCESSABLE');
    expect((await issue(labImage)).status).toBe(201);
  });
});
