import { randomBytes } from 'node:crypto';
import type { Database } from '@jadelive/server/db/database';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { hashToken, randomToken } from '@jadelive/server/lib/tokens';
import pino from 'pino';
import { expect } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from './app';
import { PNG } from './cases';
import { type CatalogWorld, createCatalogWorld, createListing, issueCertificate } from './catalog-fixtures';
import { createBuyer, createTenant, TEST_PASSWORD } from './fixtures';
import { sellerStaffSession } from './stage';

/**
 * The world of the live-sale tests (flash sales, auctions): the catalog world on an app whose
 * LiveKit is `livekit`, a staff member of its seller without stage control, and another seller's
 * owner. The caller owns `db` so it can drop it even when this setup fails.
 */
export async function liveSaleWorld(db: Database, livekit: LiveKitGateway) {
  const app = createTestApp(db, {}, { livekit }).app;
  const world = await createCatalogWorld(db, app);
  const hostUserId = world.seller.hostSession.userId;
  const staff = await sellerStaffSession(db, app, world.seller.orgId, hostUserId);
  const other = await createTenant(db, 'seller', ['owner']);
  const otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  return { app, world, hostUserId, staff, otherSeller };
}

/** A certified listing of the world's seller, published with this much stock. */
export async function publishedListing(
  app: TestApp,
  world: CatalogWorld,
  options: { stock?: number; priceFen?: number; customMade?: boolean } = {},
): Promise<string> {
  const stock = options.stock ?? 1;
  const certificate = await issueCertificate(app, world, { quantity: stock });
  const listing = await createListing(app, world.seller.session, {
    certificateId: certificate.id,
    stock,
    priceFen: options.priceFen ?? 1_288_00,
    customMade: options.customMade ?? false,
  });
  const published = await call(app, 'POST', `/api/listings/${listing.id}/publish`, {
    session: world.seller.session,
  });
  expect(published.status, published.text).toBe(200);
  return listing.id;
}

/**
 * A buyer (createBuyer) with a session written straight into the database: many buyers without
 * many password hashes and logins.
 */
export async function buyerSession(db: Database): Promise<Session> {
  const buyer = await createBuyer(db);
  const token = randomToken();
  const csrfToken = randomToken(16);
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      userId: buyer.id,
      csrfToken,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .execute();
  return { cookie: `jl_session=${token}`, csrfToken, userId: buyer.id };
}

/** A live session of the seller with the listing pinned, hosted by `hostUserId`. */
export async function liveSessionWithPin(
  db: Database,
  sellerOrgId: string,
  listingId: string,
  hostUserId: string,
): Promise<string> {
  const session = await db
    .insertInto('liveSessions')
    .values({
      sellerOrgId,
      title: '翡翠秒杀专场',
      plannedStartAt: new Date(),
      status: 'live',
      pinnedListingId: listingId,
      createdBy: hostUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('liveSessionHosts').values({ sessionId: session.id, userId: hostUserId }).execute();
  await db
    .insertInto('liveSessionLineup')
    .values({ sessionId: session.id, listingId, position: 0 })
    .execute();
  return session.id;
}

export const idempotencyKey = () => `k-${randomBytes(8).toString('hex')}`;

export async function listingFacts(db: Database, listingId: string) {
  return db
    .selectFrom('listings')
    .select(['stock', 'soldCount', 'status'])
    .where('id', '=', listingId)
    .executeTakeFirstOrThrow();
}

export async function dealEvents(db: Database, listingId: string) {
  return db
    .selectFrom('priceEvents')
    .select(['priceFen', 'quantity', 'source'])
    .where('listingId', '=', listingId)
    .where('kind', '=', 'deal')
    .execute();
}

/** A valid address of the mainland: 重庆市 渝中区 (the municipality is its own city). */
export const CHONGQING_ADDRESS = {
  recipientName: '王小明',
  mobile: '13812345678',
  provinceCode: '500000',
  cityCode: '500000',
  districtCode: '500103',
  detail: '解放碑民族路 188 号 12 楼',
};

/**
 * Gives an unpaid order a shipping address unless it has one (paying needs it): the buyer's
 * default, or a first address added to the book.
 */
export async function ensureShippingAddress(app: TestApp, buyer: Session, orderId: string) {
  const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
  expect(detail.status, detail.text).toBe(200);
  if (detail.json.order.shippingAddress !== null) return;
  const book = await call(app, 'GET', '/api/addresses', { session: buyer });
  let addressId: string | undefined = book.json.addresses[0]?.id;
  if (!addressId) {
    const added = await call(app, 'POST', '/api/addresses', { session: buyer, body: CHONGQING_ADDRESS });
    expect(added.status, added.text).toBe(201);
    addressId = added.json.id as string;
  }
  const chosen = await call(app, 'PUT', `/api/orders/${orderId}/shipping-address`, {
    session: buyer,
    body: { addressId },
  });
  expect(chosen.status, chosen.text).toBe(200);
}

/** Pays an order through the sandbox, as the buyer would on the gateway page (giving it an address). */
export async function payOrder(
  app: TestApp,
  buyer: Session,
  orderId: string,
  outcome: 'success' | 'fail' = 'success',
) {
  await ensureShippingAddress(app, buyer, orderId);
  const payment = await call(app, 'POST', `/api/orders/${orderId}/pay`, { session: buyer });
  expect(payment.status, payment.text).toBe(200);
  const completed = await call(app, 'POST', `/api/payments/sandbox/${payment.json.id}/complete`, {
    session: buyer,
    body: { outcome },
  });
  expect(completed.status, completed.text).toBe(200);
  return completed.json as { payment: { id: string; status: string }; order: { status: string } };
}

/** What a sweeper or job needs, as a test calls it directly: quiet, and no LiveKit. */
export function sweepDeps(db: Database) {
  return {
    db,
    livekit: null,
    logger: pino({ level: 'silent' }),
    config: {
      publicUrl: 'http://localhost:3000',
      sessionTtlHours: 24,
      cookieSecure: false,
      trustProxy: true,
      uploadDir: '/tmp',
    },
  };
}

/** A one-piece listing ordered, paid, shipped and received by `buyer`: ready for a return. */
export async function deliveredOrder(
  app: TestApp,
  world: CatalogWorld,
  buyer: Session,
  options: { customMade?: boolean } = {},
) {
  const listingId = await publishedListing(app, world, { stock: 1, ...options });
  const created = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
  });
  expect(created.status, created.text).toBe(201);
  await payOrder(app, buyer, created.json.id);
  const shipped = await call(app, 'POST', `/api/seller/orders/${created.json.id}/ship`, {
    session: world.seller.hostSession,
    body: { trackingNumber: 'SF1234567890', carrier: '顺丰' },
  });
  expect(shipped.status, shipped.text).toBe(200);
  const delivered = await call(app, 'POST', `/api/orders/${created.json.id}/confirm-delivery`, {
    session: buyer,
  });
  expect(delivered.status, delivered.text).toBe(200);
  return { orderId: created.json.id as string, listingId };
}

/** A photo uploaded by a buyer (`POST /api/images/buyer`): evidence for a return or a complaint. */
export async function uploadBuyerPhoto(app: TestApp, session: Session): Promise<string> {
  const form = new FormData();
  form.set('file', new File([PNG], 'evidence.png', { type: 'image/png' }));
  const response = await app.request('/api/images/buyer', {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
