import { AUDIT_ACTIONS, type AuditRecord } from '@jadelive/shared/audit-trail';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import { createCatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  liveSessionWithPin,
  payOrder,
  publishedListing,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let buyer: Session;
let otherSeller: Session;
let otherSellerOrgId: string;
let platformAdmin: Session;
let listingId: string;
let orderId: string;
let certificateId: string;

const list = (session: Session, query = '') => call(app, 'GET', `/api/audit${query}`, { session });
const entries = (response: { json: { entries: AuditRecord[] } }) => response.json.entries;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, { auditEnforcement: 'fail' }).app;
  world = await createCatalogWorld(database.db, app);
  const other = await createTenant(database.db, 'seller', ['owner']);
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  otherSellerOrgId = other.org.id;
  const platform = await createTenant(database.db, 'platform', ['owner']);
  platformAdmin = await login(app, platform.members.owner.email, TEST_PASSWORD);
  buyer = await buyerSession(database.db);

  // A lab certificate, a listing on sale, an order paid, shipped and confirmed: each step audited.
  listingId = await publishedListing(app, world, { stock: 2 });
  const listing = await database.db
    .selectFrom('listings')
    .select('certificateId')
    .where('id', '=', listingId)
    .executeTakeFirstOrThrow();
  certificateId = listing.certificateId as string;
  const created = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
  });
  expect(created.status, created.text).toBe(201);
  orderId = created.json.id;
  await payOrder(app, buyer, orderId);
  const shipped = await call(app, 'POST', `/api/seller/orders/${orderId}/ship`, {
    session: world.seller.hostSession,
    body: { trackingNumber: 'SF1234567890', carrier: '顺丰' },
  });
  expect(shipped.status, shipped.text).toBe(200);
  const delivered = await call(app, 'POST', `/api/orders/${orderId}/confirm-delivery`, { session: buyer });
  expect(delivered.status, delivered.text).toBe(200);
});

afterAll(async () => {
  await database?.drop();
});

describe('audit trail: what is recorded', () => {
  it('every step of a sale writes its entry, each with its request id, in the seller’s trail', async () => {
    const rows = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'organizationId', 'requestId', 'targetType', 'targetId', 'actorUserId'])
      .where('organizationId', '=', world.seller.orgId)
      .orderBy('id')
      .execute();
    const actions = rows.map((row) => row.action);
    for (const action of [
      'certificate.issued',
      'listing.created',
      'listing.published',
      'order.created',
      'order.shipping_address_set',
      'payment.started',
      'payment.succeeded',
      'order.paid',
      'order.shipped',
      'order.delivered',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(rows.every((row) => row.requestId)).toBe(true);
    const paid = rows.find((row) => row.action === 'order.paid');
    // The provider paid it: the system, even though the buyer's sandbox page delivered the notice.
    expect(paid).toMatchObject({ targetType: 'order', targetId: orderId, actorUserId: null });
    const confirmed = rows.find((row) => row.action === 'order.delivered');
    expect(confirmed?.actorUserId).toBe(buyer.userId);
    // Every key written is one the console words.
    const known = new Set<string>(AUDIT_ACTIONS);
    const written = await database.db.selectFrom('auditEvents').select('action').distinct().execute();
    expect(written.map((row) => row.action).filter((action) => !known.has(action))).toEqual([]);
  });

  it('a replayed order (same idempotency key) changes nothing and writes nothing', async () => {
    const key = idempotencyKey();
    const first = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 1, idempotencyKey: key },
    });
    expect(first.status, first.text).toBe(201);
    const replay = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 1, idempotencyKey: key },
    });
    expect(replay.status, replay.text).toBe(200);
    const created = await database.db
      .selectFrom('auditEvents')
      .select('requestId')
      .where('action', '=', 'order.created')
      .where('targetId', '=', first.json.id)
      .execute();
    expect(created).toHaveLength(1);
  });

  it('a flash sale’s grabs, settled in batches, each write their order’s entry with their own request', async () => {
    const saleListing = await publishedListing(app, world, { stock: 5, priceFen: 1_000_00 });
    const sessionId = await liveSessionWithPin(
      database.db,
      world.seller.orgId,
      saleListing,
      world.seller.hostSession.userId,
    );
    const sale = await call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      session: world.seller.hostSession,
      body: { quantity: 3, priceFen: 699_00, durationSeconds: 600, perBuyerLimit: 1 },
    });
    expect(sale.status, sale.text).toBe(201);
    const buyers = await Promise.all([1, 2, 3].map(() => buyerSession(database.db)));
    const grabs = await Promise.all(
      buyers.map((session) =>
        app.request(`/api/flash-sales/${sale.json.id}/grab`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ idempotencyKey: idempotencyKey() }),
        }),
      ),
    );
    expect(grabs.map((response) => response.status)).toEqual([201, 201, 201]);
    const rows = await database.db
      .selectFrom('auditEvents')
      .select(['actorUserId', 'organizationId', 'requestId', 'targetType', 'details'])
      .where('action', '=', 'order.created')
      .where(sql<boolean>`details ->> 'flashSaleId' = ${sale.json.id}`)
      .execute();
    expect(rows.map((row) => row.requestId).sort()).toEqual(
      grabs.map((response) => response.headers.get('x-request-id')).sort(),
    );
    expect(rows.map((row) => row.actorUserId).sort()).toEqual(buyers.map((buyer) => buyer.userId).sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        organizationId: world.seller.orgId,
        targetType: 'order',
        details: {
          by: 'buyer',
          listingId: saleListing,
          quantity: 1,
          totalFen: 699_00,
          liveSessionId: sessionId,
        },
      });
    }
  });
});

describe('audit trail: reading it', () => {
  it('shows names: the actor, the organisation and the target, not ids', async () => {
    const response = await list(world.seller.session, `?targetType=order&targetId=${orderId}`);
    expect(response.status, response.text).toBe(200);
    const shipped = entries(response).find((entry) => entry.action === 'order.shipped');
    expect(shipped?.actor).toMatchObject({ kind: 'user', name: expect.stringMatching(/^host /) });
    expect(shipped?.organization?.name).toMatch(/^seller /);
    expect(shipped?.target).toMatchObject({ type: 'order', id: orderId, label: '冰种飘花翡翠手镯' });
    expect(shipped?.ip).toBe('unknown');
    const paid = entries(response).find((entry) => entry.action === 'order.paid');
    expect(paid?.actor).toEqual({ kind: 'system', id: null, name: null, organizationName: null });
  });

  it('masks a buyer’s name and hides their address from the shop', async () => {
    const response = await list(world.seller.session, '?action=order.delivered');
    const delivered = entries(response).find((entry) => entry.target?.id === orderId);
    expect(delivered?.actor).toMatchObject({ kind: 'user', id: buyer.userId, name: 'b****' });
    expect(delivered?.ip).toBeNull();
    const asPlatform = await list(platformAdmin, `?action=order.delivered&targetId=${orderId}`);
    expect(entries(asPlatform)[0]).toMatchObject({ actor: { name: 'buyer' }, ip: 'unknown' });
  });

  it('the lab sees what its members did to a seller’s certificate; the seller sees it too', async () => {
    const asLab = await list(world.lab.session, `?targetId=${certificateId}`);
    expect(entries(asLab).map((entry) => entry.action)).toEqual(['certificate.issued']);
    expect(entries(asLab)[0]?.organization?.id).toBe(world.seller.orgId);
    const asSeller = await list(world.seller.session, `?targetId=${certificateId}`);
    expect(entries(asSeller).map((entry) => entry.action)).toEqual(['certificate.issued']);
    expect(entries(asSeller)[0]?.actor.organizationName).toMatch(/^lab /);
  });

  it('filters by action prefix, actor and time, and pages with a cursor', async () => {
    const orders = await list(world.seller.session, '?action=order.');
    expect(entries(orders).length).toBeGreaterThan(3);
    expect(entries(orders).every((entry) => entry.action.startsWith('order.'))).toBe(true);
    const byHost = await list(
      world.seller.session,
      `?actorUserId=${world.seller.hostSession.userId}&action=order.`,
    );
    expect(entries(byHost).map((entry) => entry.action)).toEqual(['order.shipped']);
    const future = await list(world.seller.session, `?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect(entries(future)).toEqual([]);

    const all = entries(await list(world.seller.session, '?limit=200'));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        world.seller.session,
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status, page.text).toBe(200);
      expect(entries(page).length).toBeLessThanOrEqual(3);
      seen.push(...entries(page).map((entry) => entry.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((entry) => entry.id));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('another seller sees none of it, and naming the organisation is 404', async () => {
    const theirs = await list(otherSeller, `?targetId=${orderId}`);
    expect(theirs.status).toBe(200);
    expect(entries(theirs)).toEqual([]);
    const named = await list(otherSeller, `?organizationId=${world.seller.orgId}`);
    expect(named.status).toBe(404);
    expectErrorShape(named.json, 'NOT_FOUND');
    const csv = await call(app, 'GET', `/api/audit/export?organizationId=${world.seller.orgId}`, {
      session: otherSeller,
    });
    expect(csv.status).toBe(404);
  });

  it('a platform admin searches every organisation, or one', async () => {
    const theirs = await call(app, 'POST', '/api/listings', {
      session: otherSeller,
      body: { title: '另一家的手镯', category: 'jadeite', priceFen: 10_000, stock: 1 },
    });
    expect(theirs.status, theirs.text).toBe(201);
    const everywhere = entries(await list(platformAdmin, '?limit=200'));
    const orgs = new Set(everywhere.map((entry) => entry.organization?.id));
    expect(orgs.has(world.seller.orgId)).toBe(true);
    expect(orgs.has(otherSellerOrgId)).toBe(true);
    const one = entries(await list(platformAdmin, `?organizationId=${world.lab.orgId}&limit=200`));
    expect(one.length).toBeGreaterThan(0);
    // The lab's own records, and what its members did to others' (the certificate it issued).
    expect(
      one.every(
        (entry) =>
          entry.organization?.id === world.lab.orgId || entry.actor.organizationName?.startsWith('lab '),
      ),
    ).toBe(true);
    expect(one.map((entry) => entry.action)).toContain('certificate.issued');
    expect(one.map((entry) => entry.action)).not.toContain('order.paid');
  });

  it('hosts, buyers and the signed-out may not read it; bad filters are 400', async () => {
    expect((await list(world.seller.hostSession)).status).toBe(403);
    expect((await list(buyer)).status).toBe(403);
    expect((await call(app, 'GET', '/api/audit')).status).toBe(401);
    const bad = await list(world.seller.session, '?action=DROP%20TABLE&cursor=0');
    expect(bad.status).toBe(400);
    expectErrorShape(bad.json, 'VALIDATION_FAILED');
  });

  it('exports CSV with a BOM for Excel, names in Chinese and formulas defused', async () => {
    await call(app, 'PATCH', `/api/listings/${listingId}`, {
      session: world.seller.session,
      body: { title: '=HYPERLINK("http://x")翡翠' },
    });
    const response = await app.request(`/api/audit/export?targetId=${listingId}`, {
      headers: { cookie: world.seller.session.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="jadelive-audit-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^时间（北京） Time \(Beijing\),UTC,操作 Action,/);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
      'listing.updated',
      'listing.published',
      'listing.created',
    ]);
    expect(text).toContain('"\'=HYPERLINK(""http://x"")翡翠"');
  });
});
