import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld, issueCertificate } from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let labSlug: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  const lab = await database.db
    .selectFrom('organizations')
    .select('slug')
    .where('id', '=', world.lab.orgId)
    .executeTakeFirstOrThrow();
  labSlug = lab.slug;
});
afterAll(() => database.drop());

// Each check from its own address: /api/verify is rate-limited per address.
let address = 0;
const verify = (lab: string, number: string) =>
  call(app, 'GET', `/api/verify?${new URLSearchParams({ lab, number })}`, {
    ip: `198.18.1.${++address}`,
  });

describe('/api/verify: letter case', () => {
  it('finds a certificate whatever the letter case of its number, answering the number as printed', async () => {
    const certificate = await issueCertificate(app, world, { number: `YZ-Ab${Date.now()}` });
    for (const typed of [
      certificate.number,
      certificate.number.toLowerCase(),
      certificate.number.toUpperCase(),
    ]) {
      const found = await verify(labSlug, typed);
      expect(found.status, typed).toBe(200);
      expect(found.json.certificate).toMatchObject({ number: certificate.number, status: 'verified' });
    }
  });

  it('still answers by whole number only: a prefix in another case is not found', async () => {
    const certificate = await issueCertificate(app, world, { number: `YZ-Cd${Date.now()}` });
    const partial = await verify(labSlug, certificate.number.toLowerCase().slice(0, -1));
    expect(partial.status).toBe(404);
    expectErrorShape(partial.json, 'NOT_FOUND');
    const wildcard = await verify(labSlug, 'yz-c%');
    expect(wildcard.status).toBe(404);
  });
});

describe('/api/verify: revoked certificates', () => {
  it('a verified certificate answers its treatment; once revoked it answers why and when instead', async () => {
    const certificate = await issueCertificate(app, world);
    const before = await verify(labSlug, certificate.number);
    expect(before.json.certificate).toMatchObject({
      status: 'verified',
      treatment: 'natural',
      revokeReason: null,
      revokedAt: null,
    });

    const revoked = await call(app, 'POST', `/api/lab/certificates/${certificate.id}/revoke`, {
      session: world.lab.session,
      body: { reason: '复检发现充填处理' },
    });
    expect(revoked.status, revoked.text).toBe(200);

    const after = await verify(labSlug, certificate.number.toLowerCase());
    expect(after.status).toBe(200);
    expect(after.json.certificate).toMatchObject({
      number: certificate.number,
      status: 'revoked',
      treatment: null,
      revokeReason: '复检发现充填处理',
    });
    expect(Date.parse(after.json.certificate.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});
