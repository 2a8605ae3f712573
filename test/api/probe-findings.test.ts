import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import {
  type CatalogWorld,
  certificateNumber,
  createCatalogWorld,
  createListing,
} from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

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

describe('certificate numbers belong to the lab that issued them (finding 1)', () => {
  const labSlug = async () =>
    (
      await database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', world.lab.orgId)
        .executeTakeFirstOrThrow()
    ).slug;
  const verify = async (number: string) =>
    call(app, 'GET', `/api/verify?lab=${await labSlug()}&number=${number}`, { ip: '198.18.7.1' });
  const register = (seller: CatalogWorld['seller'], number: string) =>
    call(app, 'POST', '/api/certificates', {
      session: seller.session,
      body: { labOrgId: world.lab.orgId, number, identification: '翡翠（A货）手镯', issuedOn: '2026-11-01' },
    });
  const certificateAs = (seller: CatalogWorld['seller'], id: string) =>
    call(app, 'GET', `/api/certificates/${id}`, { session: seller.session });

  it('a squatter’s registration blocks nobody: the lab issues the real one, which supersedes it', async () => {
    const number = certificateNumber();
    const squatted = await register(other.seller, number);
    expect(squatted.status).toBe(201);
    expect(squatted.json.status).toBe('unverified');
    const squatterListing = await createListing(app, other.seller.session, {
      certificateId: squatted.json.id,
    });
    expect((await verify(number)).status).toBe(404);

    const issued = await call(app, 'POST', '/api/lab/certificates', {
      session: world.lab.session,
      body: {
        holderOrgId: world.seller.orgId,
        number,
        identification: '翡翠（A货）手镯',
        issuedOn: '2026-11-01',
      },
    });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.json).toMatchObject({ status: 'verified', holderOrgId: world.seller.orgId });

    const superseded = await certificateAs(other.seller, squatted.json.id);
    expect(superseded.json.certificate.status).toBe('revoked');
    expect(superseded.json.certificate.revokeReason).toEqual(expect.any(String));
    expect(superseded.json.events.at(-1)).toMatchObject({ toStatus: 'revoked', via: 'superseded' });
    const listing = await database.db
      .selectFrom('listings')
      .select('status')
      .where('id', '=', squatterListing.id)
      .executeTakeFirstOrThrow();
    expect(listing.status).toBe('suspended');

    const found = await verify(number);
    expect(found.status).toBe(200);
    expect(found.json.certificate).toMatchObject({ number, status: 'verified' });
  });

  it('a refused squatter gives the number back: the real holder registers it and the lab confirms', async () => {
    const number = certificateNumber();
    const squatted = await register(other.seller, number);
    const refused = await call(app, 'POST', `/api/lab/certificates/${squatted.json.id}/revoke`, {
      session: world.lab.session,
      body: { reason: '本所无此登记人' },
    });
    expect(refused.status).toBe(200);
    // The refused registration never held the number: /verify does not show it as "revoked".
    expect((await verify(number)).status).toBe(404);

    const real = await register(world.seller, number);
    expect(real.status).toBe(201);
    const again = await register(other.seller, number);
    expect(again.status).toBe(201);
    const confirmed = await call(app, 'POST', `/api/lab/certificates/${real.json.id}/confirm`, {
      session: world.lab.session,
      body: {},
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.status).toBe('verified');
    expect((await certificateAs(other.seller, again.json.id)).json.certificate.status).toBe('revoked');
    const found = await verify(number);
    expect(found.json.certificate).toMatchObject({ number, status: 'verified' });

    // Once the number is held, registering it is refused, no more than /api/verify tells anyone.
    const late = await register(other.seller, number);
    expect(late.status).toBe(409);
    expectErrorShape(late.json, 'CONFLICT');
    expect(late.json.error.details).toMatchObject({ reason: 'certificate_number_taken', number });
  });

  it('a held number is refused as /api/verify would tell; someone else’s pending registration blocks nobody; one’s own pending twin is a 409', async () => {
    const taken = certificateNumber();
    await call(app, 'POST', '/api/lab/certificates', {
      session: world.lab.session,
      body: {
        holderOrgId: world.seller.orgId,
        number: taken,
        identification: '和田玉手镯',
        issuedOn: '2026-11-02',
      },
    });
    const onTaken = await register(other.seller, taken);
    expect(onTaken.status).toBe(409);
    expect(onTaken.json.error.details).toMatchObject({ reason: 'certificate_number_taken', number: taken });

    const pendingElsewhere = certificateNumber();
    expect((await register(world.seller, pendingElsewhere)).status).toBe(201);
    const alongside = await register(other.seller, pendingElsewhere);
    expect(alongside.status).toBe(201);
    expect(alongside.json.status).toBe('unverified');

    const twin = await register(other.seller, pendingElsewhere);
    expect(twin.status).toBe(409);
    expectErrorShape(twin.json, 'CONFLICT');
    expect(twin.json.error.details).toMatchObject({
      reason: 'certificate_number_taken',
      number: pendingElsewhere,
    });
  });

  it('registration attempts are rate-limited per organisation like /api/verify, so numbers cannot be probed in bulk', async () => {
    const prober = await createTenant(database.db, 'seller', ['owner']);
    const session = await login(app, prober.members.owner.email, TEST_PASSWORD);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      const response = await register(
        { orgId: prober.org.id, session, hostSession: session },
        certificateNumber(),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
