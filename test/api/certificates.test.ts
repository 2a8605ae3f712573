import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type TestApp } from '../support/app';
import {
  type CatalogWorld,
  certificateNumber,
  createCatalogWorld,
  createListing,
  issueCertificate,
} from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(
    database.db,
    {},
    {
      certificateLookups: [
        // Stands in for an outside lab's query service (none is reachable from here).
        {
          name: 'test-lab-service',
          handles: (lab) => lab === '外部测试实验室',
          lookup: async (_lab, number) =>
            number === 'EXT-0001'
              ? { found: true, identification: '和田玉挂件', weightMg: 25_000, weightCt100: null }
              : { found: false },
        },
      ],
    },
  ).app;
  world = await createCatalogWorld(database.db, app);
});
afterAll(() => database.drop());

describe('certificates (happy)', () => {
  it('a lab issues a verified certificate with material and treatment read from the identification', async () => {
    const issued = await issueCertificate(app, world, { identification: '翡翠（处理）手镯' });
    expect(issued).toMatchObject({ status: 'verified', material: '翡翠', treatment: 'treated' });
    const events = await call(app, 'GET', `/api/certificates/${issued.id}`, {
      session: world.seller.session,
    });
    expect(events.json.events).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'verified', via: 'lab_issue' }),
    ]);
  });

  it('a seller registration stays unverified until the named lab confirms it', async () => {
    const registered = await call(app, 'POST', '/api/certificates', {
      session: world.seller.session,
      body: {
        labOrgId: world.lab.orgId,
        number: certificateNumber(),
        identification: '淡水珍珠项链',
        issuedOn: '2026-10-01',
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.json.status).toBe('unverified');
    const queue = await call(app, 'GET', '/api/lab/certificates?status=unverified', {
      session: world.lab.session,
    });
    expect(queue.json.certificates.map((cert: { id: string }) => cert.id)).toContain(registered.json.id);
    const confirmed = await call(app, 'POST', `/api/lab/certificates/${registered.json.id}/confirm`, {
      session: world.lab.session,
      body: { note: '核对原始记录一致' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.status).toBe('verified');
  });

  it('an outside lab registration is confirmed through a lookup adapter, and refused when the record differs', async () => {
    const register = (number: string, identification: string) =>
      call(app, 'POST', '/api/certificates', {
        session: world.seller.session,
        body: {
          externalLabName: '外部测试实验室',
          number,
          identification,
          weightMg: 25_000,
          issuedOn: '2026-09-09',
        },
      });
    const good = await register('EXT-0001', '和田玉挂件');
    const checked = await call(app, 'POST', `/api/certificates/${good.json.id}/external-check`, {
      session: world.seller.session,
    });
    expect(checked.status).toBe(200);
    expect(checked.json.status).toBe('verified');

    const unknown = await register('EXT-9999', '和田玉挂件');
    const refused = await call(app, 'POST', `/api/certificates/${unknown.json.id}/external-check`, {
      session: world.seller.session,
    });
    expect(refused.status).toBe(422);
  });
});

describe('certificates (errors)', () => {
  it('a certificate number is unique per lab, but two labs may use the same number', async () => {
    const number = certificateNumber();
    await issueCertificate(app, world, { number });
    const again = await call(app, 'POST', '/api/lab/certificates', {
      session: world.lab.session,
      body: { holderOrgId: world.seller.orgId, number, identification: '和田玉手镯', issuedOn: '2026-11-02' },
    });
    expect(again.status).toBe(409);
    expectErrorShape(again.json, 'CONFLICT');
    const externalSame = await call(app, 'POST', '/api/certificates', {
      session: world.seller.session,
      body: { externalLabName: '另一家实验室', number, identification: '和田玉手镯', issuedOn: '2026-11-02' },
    });
    expect(externalSame.status).toBe(201);
  });

  it('refuses an identification without a known material, two weights, and a lab that is not a lab', async () => {
    const unknownMaterial = await call(app, 'POST', '/api/lab/certificates', {
      session: world.lab.session,
      body: {
        holderOrgId: world.seller.orgId,
        number: certificateNumber(),
        identification: '神秘宝石',
        issuedOn: '2026-11-02',
      },
    });
    expect(unknownMaterial.status).toBe(422);
    const twoWeights = await call(app, 'POST', '/api/lab/certificates', {
      session: world.lab.session,
      body: {
        holderOrgId: world.seller.orgId,
        number: certificateNumber(),
        identification: '钻石',
        weightMg: 200,
        weightCt100: 100,
        issuedOn: '2026-11-02',
      },
    });
    expect(twoWeights.status).toBe(400);
    const notALab = await call(app, 'POST', '/api/certificates', {
      session: world.seller.session,
      body: {
        labOrgId: world.seller.orgId,
        number: certificateNumber(),
        identification: '钻石',
        issuedOn: '2026-11-02',
      },
    });
    expect(notALab.status).toBe(422);
  });
});

describe('revocation', () => {
  it('suspends every listing bound to the certificate at once and tells the seller why', async () => {
    const certificate = await issueCertificate(app, world);
    const listing = await createListing(app, world.seller.session, { certificateId: certificate.id });
    const published = await call(app, 'POST', `/api/listings/${listing.id}/publish`, {
      session: world.seller.session,
    });
    expect(published.status, published.text).toBe(200);

    const revoked = await call(app, 'POST', `/api/lab/certificates/${certificate.id}/revoke`, {
      session: world.lab.session,
      body: { reason: '复检发现充填处理' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ status: 'revoked', revokeReason: '复检发现充填处理' });

    const after = await call(app, 'GET', `/api/listings/${listing.id}`, { session: world.seller.session });
    expect(after.json.listing.status).toBe('suspended');
    expect(after.json.listing.statusReason).toEqual({
      kind: 'certificate_revoked',
      reason: '复检发现充填处理',
    });
    const notifications = await call(app, 'GET', '/api/notifications', { session: world.seller.session });
    expect(notifications.json.notifications[0]).toMatchObject({
      kind: 'listing_suspended',
      subjectId: listing.id,
      details: { title: '冰种飘花翡翠手镯', reason: '复检发现充填处理' },
    });
    const catalogue = await call(app, 'GET', `/api/catalog/${listing.id}`);
    expect(catalogue.status).toBe(404);
    const republish = await call(app, 'POST', `/api/listings/${listing.id}/publish`, {
      session: world.seller.session,
    });
    expect(republish.status).toBe(422);
    const stillSuspended = await call(app, 'GET', `/api/listings/${listing.id}`, {
      session: world.seller.session,
    });
    expect(stillSuspended.json.listing.statusReason).toEqual({
      kind: 'certificate_revoked',
      reason: '复检发现充填处理',
    });

    // Bound to a valid certificate and published again, the listing has nothing left to explain.
    const replacement = await issueCertificate(app, world);
    const rebound = await call(app, 'PATCH', `/api/listings/${listing.id}`, {
      session: world.seller.session,
      body: { certificateId: replacement.id },
    });
    expect(rebound.status, rebound.text).toBe(200);
    expect(rebound.json.listing).toMatchObject({
      status: 'suspended',
      statusReason: { kind: 'certificate_revoked' },
    });
    const restored = await call(app, 'POST', `/api/listings/${listing.id}/publish`, {
      session: world.seller.session,
    });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json.listing).toMatchObject({ status: 'published', statusReason: null });
  });
});

describe('certificates (security)', () => {
  it("another lab cannot revoke or confirm this lab's certificates; another seller cannot see them", async () => {
    const certificate = await issueCertificate(app, world);
    const otherLab = await createCatalogWorld(database.db, app);
    const revoke = await call(app, 'POST', `/api/lab/certificates/${certificate.id}/revoke`, {
      session: otherLab.lab.session,
      body: { reason: '恶意撤销' },
    });
    expect(revoke.status).toBe(404);
    const peek = await call(app, 'GET', `/api/certificates/${certificate.id}`, {
      session: otherLab.seller.session,
    });
    expect(peek.status).toBe(404);
    const sellerIssuing = await call(app, 'POST', '/api/lab/certificates', {
      session: world.seller.session,
      body: {
        holderOrgId: world.seller.orgId,
        number: certificateNumber(),
        identification: '翡翠手镯',
        issuedOn: '2026-11-02',
      },
    });
    expect(sellerIssuing.status).toBe(403);
  });

  it('verification answers by exact lab and number, rate-limited per address', async () => {
    const certificate = await issueCertificate(app, world);
    const lab = await database.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', world.lab.orgId)
      .executeTakeFirstOrThrow();
    const found = await call(app, 'GET', `/api/verify?lab=${lab.slug}&number=${certificate.number}`, {
      ip: '198.18.0.1',
    });
    expect(found.status).toBe(200);
    expect(found.json.certificate).toMatchObject({ number: certificate.number, status: 'verified' });
    expect(found.json.certificate.holderOrgId).toBeUndefined();
    const partial = await call(
      app,
      'GET',
      `/api/verify?lab=${lab.slug}&number=${certificate.number.slice(0, -1)}`,
      {
        ip: '198.18.0.1',
      },
    );
    expect(partial.status).toBe(404);
    // Fixed one-minute windows: a burst that straddles a minute boundary is retried once.
    const burst = async (ip: string) => {
      const startedMinute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) {
        statuses.push((await call(app, 'GET', `/api/verify?lab=${lab.slug}&number=X-${i}00`, { ip })).status);
      }
      return { statuses, sameWindow: startedMinute === Math.floor(Date.now() / 60_000) };
    };
    let result = await burst('198.18.0.2');
    if (!result.sameWindow) result = await burst('198.18.0.3');
    expect(result.statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(result.statuses.slice(30)).toEqual([429, 429]);
  });

  it('platform admins confirm outside-lab registrations; other kinds cannot', async () => {
    const platform = await createTenant(database.db, 'platform', ['owner']);
    const { login } = await import('../support/app');
    const admin = await login(app, platform.members.owner.email, 'correct horse battery');
    const registered = await call(app, 'POST', '/api/certificates', {
      session: world.seller.session,
      body: {
        externalLabName: '某省质检站',
        number: certificateNumber(),
        identification: '南红玛瑙手串',
        issuedOn: '2026-08-08',
      },
    });
    const bySeller = await call(app, 'POST', `/api/admin/certificates/${registered.json.id}/confirm`, {
      session: world.seller.session,
      body: {},
    });
    expect(bySeller.status).toBe(403);
    const pending = await call(app, 'GET', '/api/admin/certificates/pending', { session: admin });
    expect(pending.json.certificates.map((cert: { id: string }) => cert.id)).toContain(registered.json.id);
    const confirmed = await call(app, 'POST', `/api/admin/certificates/${registered.json.id}/confirm`, {
      session: admin,
      body: {},
    });
    expect(confirmed.json.status).toBe('verified');
  });
});
