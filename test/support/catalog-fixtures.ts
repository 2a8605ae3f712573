import { randomBytes } from 'node:crypto';
import type { Database } from '@jadelive/server/db/database';
import { expect } from 'vitest';
import { call, login, type Session, type TestApp } from './app';
import { createTenant, TEST_PASSWORD } from './fixtures';

export interface CatalogWorld {
  lab: { orgId: string; session: Session };
  seller: { orgId: string; session: Session; hostSession: Session };
}

/** A lab and a seller (owner + host), signed in. */
export async function createCatalogWorld(db: Database, app: TestApp): Promise<CatalogWorld> {
  const lab = await createTenant(db, 'lab', ['owner']);
  const seller = await createTenant(db, 'seller', ['owner', 'host']);
  return {
    lab: { orgId: lab.org.id, session: await login(app, lab.members.owner.email, TEST_PASSWORD) },
    seller: {
      orgId: seller.org.id,
      session: await login(app, seller.members.owner.email, TEST_PASSWORD),
      hostSession: await login(app, seller.members.host.email, TEST_PASSWORD),
    },
  };
}

export const certificateNumber = () => `NGTC-${randomBytes(4).toString('hex').toUpperCase()}`;

export async function issueCertificate(
  app: TestApp,
  world: CatalogWorld,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const response = await call(app, 'POST', '/api/lab/certificates', {
    session: world.lab.session,
    body: {
      holderOrgId: world.seller.orgId,
      number: certificateNumber(),
      identification: '翡翠（A货）手镯',
      weightMg: 36_800,
      issuedOn: '2026-11-01',
      ...overrides,
    },
  });
  expect(response.status, response.text).toBe(201);
  return response.json;
}

export async function createListing(
  app: TestApp,
  session: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const response = await call(app, 'POST', '/api/listings', {
    session,
    body: { title: '冰种飘花翡翠手镯', category: 'jadeite', priceFen: 1_288_00, stock: 1, ...overrides },
  });
  expect(response.status, response.text).toBe(201);
  return response.json.listing;
}

/** Records a deal as orders will, so price-history rules have facts to check against. */
export async function recordDeal(db: Database, listingId: string, priceFen: number, daysAgo = 1) {
  await db
    .insertInto('priceEvents')
    .values({
      listingId,
      kind: 'deal',
      priceFen,
      quantity: 1,
      source: 'test',
      occurredAt: new Date(Date.now() - daysAgo * 86_400_000),
    })
    .execute();
}
