import { randomBytes } from 'node:crypto';
import type { Database } from '@jadelive/server/db/database';
import { createTenant } from './fixtures';

const unique = () => randomBytes(4).toString('hex');

export async function createListing(
  db: Database,
  sellerOrgId: string,
  extra: { status?: string; certificateId?: string | null; priceFen?: number; title?: string } = {},
) {
  return db
    .insertInto('listings')
    .values({
      sellerOrgId,
      title: extra.title ?? `翡翠手镯 ${unique()}`,
      category: 'jadeite',
      priceFen: extra.priceFen ?? 128_000_00,
      comparisonPriceFen: 158_000_00,
      stock: 1,
      status: extra.status ?? 'published',
      certificateId: extra.certificateId ?? null,
      publishedAt: extra.status && extra.status !== 'published' ? null : new Date(),
    })
    .returning(['id', 'title', 'priceFen'])
    .executeTakeFirstOrThrow();
}

export async function createCertificate(db: Database, holderOrgId: string) {
  return db
    .insertInto('certificates')
    .values({
      externalLabName: 'NGTC',
      number: `NGTC-${unique()}`,
      holderOrgId,
      identification: '翡翠（A货）手镯',
      material: 'jadeite',
      treatment: 'natural',
      issuedOn: '2026-10-01',
      status: 'verified',
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/**
 * A seller in 渝中区 with an owner, a host and a staff member, admitted to a base of an operator;
 * a second operator whose base the seller only applied to; regulators in and out of the district.
 */
export async function createLiveWorld(db: Database) {
  const district = `渝中区-${unique()}`;
  const seller = await createTenant(db, 'seller', ['owner', 'host', 'staff'], { district });
  const otherSeller = await createTenant(db, 'seller', ['owner', 'host']);
  const operator = await createTenant(db, 'cluster_operator', ['owner', 'staff']);
  const otherOperator = await createTenant(db, 'cluster_operator', ['owner']);
  const regulator = await createTenant(db, 'regulator', ['owner'], { district });
  const farRegulator = await createTenant(db, 'regulator', ['owner'], { district: `大足区-${unique()}` });
  const cityRegulator = await createTenant(db, 'regulator', ['owner']);
  for (const [op, status] of [
    [operator, 'admitted'],
    [otherOperator, 'applied'],
  ] as const) {
    const base = await db
      .insertInto('bases')
      .values({
        operatorOrgId: op.org.id,
        name: `base ${unique()}`,
        address: '解放碑',
        district,
        kind: 'trade_centre',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('baseMemberships')
      .values({ baseId: base.id, sellerOrgId: seller.org.id, status })
      .execute();
  }
  const certificate = await createCertificate(db, seller.org.id);
  const listings = [
    await createListing(db, seller.org.id, { certificateId: certificate.id }),
    await createListing(db, seller.org.id),
  ];
  const draft = await createListing(db, seller.org.id, { status: 'draft' });
  const foreignListing = await createListing(db, otherSeller.org.id);
  return {
    seller,
    otherSeller,
    operator,
    otherOperator,
    regulator,
    farRegulator,
    cityRegulator,
    certificate,
    listings,
    draft,
    foreignListing,
  };
}

export type LiveWorld = Awaited<ReturnType<typeof createLiveWorld>>;

export function sessionBody(world: LiveWorld, extra: Record<string, unknown> = {}) {
  return {
    title: '冰种翡翠专场',
    hostUserIds: [world.seller.members.host.id],
    plannedStartAt: new Date(Date.now() + 3600_000).toISOString(),
    listingIds: world.listings.map((listing) => listing.id),
    ...extra,
  };
}
