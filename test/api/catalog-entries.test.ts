import { sellerAdmitted } from '@jadelive/server/db/scopes';
import { bigramFrequencies, scanWindow, selectCatalog } from '@jadelive/server/features/catalog/repository';
import { toCatalogItem } from '@jadelive/server/features/catalog/serialize';
import { type CatalogItem, type CatalogQuery, catalogQuerySchema } from '@jadelive/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';

/**
 * The catalogue reads `catalog_entries`, kept by triggers. Every page it answers must be the page
 * the joined ILIKE search over `listings` answered before: same cards, same order, same hasMore,
 * through each of its three ways (frequent terms in page order, a window that may fall back, the
 * bigram index), and still after the listings, certificates and organisations behind them change.
 */

let database: TestDatabase;
let app: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createWorld();
  await sql`analyze listings, catalog_entries`.execute(database.db);
});
afterAll(() => database.drop());

async function createWorld() {
  const db = database.db;
  const sellers = [
    await createTenant(db, 'seller', ['owner'], { name: '翠玉轩' }),
    await createTenant(db, 'seller', ['owner'], { name: 'Golden Hall' }),
    await createTenant(db, 'seller', ['owner']),
  ];
  const operators = [await createTenant(db, 'cluster_operator'), await createTenant(db, 'cluster_operator')];
  const lab = await createTenant(db, 'lab', ['owner'], { name: '重庆珠宝玉石检测中心' });
  const bases: string[] = [];
  for (const operator of operators) {
    const base = await db
      .insertInto('bases')
      .values({
        operatorOrgId: operator.org.id,
        name: '基地',
        address: '解放碑',
        district: '渝中区',
        kind: 'trade_centre',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    bases.push(base.id);
  }
  // Seller 0 is admitted to base 0, seller 1 to base 1 and only applied to base 0; seller 2 to none.
  await db
    .insertInto('baseMemberships')
    .values([
      { baseId: bases[0] as string, sellerOrgId: sellers[0]?.org.id as string, status: 'admitted' },
      { baseId: bases[1] as string, sellerOrgId: sellers[1]?.org.id as string, status: 'admitted' },
      { baseId: bases[0] as string, sellerOrgId: sellers[1]?.org.id as string, status: 'applied' },
    ])
    .execute();

  const titles = (i: number) => {
    if (i === 250) return `紫罗兰冰种手镯 ${i}`;
    if (i % 37 === 0) return `100%纯银_手串 ${i}`;
    if (i % 23 === 0) return `ÉMERAUDE Pt950 戒指 ${i}`;
    if (i % 2 === 0) return `${['足金Au750吊坠', '18K AU750 项链', 'au750 耳钉'][i % 3]} ${i}`;
    return `${['冰种飘花手镯', '和田玉籽料把件', '南红平安扣'][i % 3]} ${i}`;
  };
  const now = Date.now();
  const listingIds: string[] = [];
  for (let i = 0; i < 480; i++) {
    const seller = sellers[i % 3]?.org.id as string;
    let certificateId: string | null = null;
    if (i % 4 === 1) {
      const platform = i % 8 === 1;
      const certificate = await db
        .insertInto('certificates')
        .values({
          labOrgId: platform ? lab.org.id : null,
          externalLabName: platform ? null : 'NGTC',
          number: `CE-${i}-${Math.random().toString(36).slice(2, 8)}`,
          holderOrgId: seller,
          identification: '翡翠（A货）',
          material: 'jadeite',
          treatment: 'natural',
          issuedOn: '2026-10-01',
          quantity: 1 + (i % 3),
          status: i % 12 === 1 ? 'unverified' : 'verified',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      certificateId = certificate.id;
    }
    const status =
      i % 10 === 9 ? 'draft' : i % 17 === 0 ? 'sold_out' : i % 29 === 0 ? 'suspended' : 'published';
    // Three listings share each minute and prices repeat, so ties are broken by id as before.
    const { id } = await db
      .insertInto('listings')
      .values({
        sellerOrgId: seller,
        title: titles(i),
        description: i % 5 === 0 ? '支持平台核验，Au750 足金' : '证书齐全',
        category: i % 2 === 0 ? 'precious_metal' : [40, 120, 280].includes(i) ? 'pearl' : 'jadeite',
        certificateId,
        priceFen: 10_000 + ((i * 7919) % 40) * 500,
        comparisonPriceFen: i % 6 === 0 ? 99_000 : null,
        stock: 1 + (i % 3),
        purityMark: i % 2 === 0 ? 'Au750' : null,
        imageIds: [],
        status,
        publishedAt:
          status === 'draft' || i === 7 || i === 11 ? null : new Date(now - Math.floor(i / 3) * MINUTE),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    listingIds.push(id);
  }
  return { sellers, operators, lab, bases, listingIds };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The search as it was before `catalog_entries`: listings joined to their card's data, ILIKE per term. */
async function searchAsBefore(query: CatalogQuery) {
  let builder = selectCatalog(database.db);
  for (const term of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    builder = builder.where(
      sql<boolean>`(listings.title || ' ' || listings.description) ilike ${`%${escapeLike(term)}%`}`,
    );
  }
  if (query.category) builder = builder.where('listings.category', '=', query.category);
  if (query.sellerId) builder = builder.where('listings.sellerOrgId', '=', query.sellerId);
  if (query.minPriceFen !== undefined) builder = builder.where('listings.priceFen', '>=', query.minPriceFen);
  if (query.maxPriceFen !== undefined) builder = builder.where('listings.priceFen', '<=', query.maxPriceFen);
  if (query.certificateStatus) builder = builder.where('certificates.status', '=', query.certificateStatus);
  if (query.baseId || query.clusterId) {
    const filter = { baseId: query.baseId, operatorOrgId: query.clusterId };
    builder = builder.where((eb) => sellerAdmitted(eb, 'listings.sellerOrgId', filter));
  }
  builder =
    query.sort === 'price_asc'
      ? builder.orderBy('listings.priceFen', 'asc').orderBy('listings.id', 'asc')
      : query.sort === 'price_desc'
        ? builder.orderBy('listings.priceFen', 'desc').orderBy('listings.id', 'desc')
        : builder.orderBy('listings.publishedAt', 'desc').orderBy('listings.id', 'asc');
  const rows = await builder
    .limit(query.limit + 1)
    .offset(query.offset)
    .execute();
  return { items: rows.slice(0, query.limit).map(toCatalogItem), hasMore: rows.length > query.limit };
}

function queries(): Record<string, string>[] {
  const [seller0, seller1] = world.sellers;
  return [
    {},
    { limit: '60', offset: '300' },
    { q: 'Au750' },
    { q: 'au750', limit: '20', offset: '100' },
    { q: 'AU750', sort: 'price_asc', limit: '50' },
    { q: 'Au750', sort: 'price_desc', offset: '40' },
    { q: '飘花' },
    { q: '冰种 手镯', limit: '60' },
    { q: '和田玉 籽料', sort: 'price_asc' },
    { q: '紫罗兰冰种' },
    { q: 'émeraude' },
    { q: 'pt950 戒指' },
    { q: '100%' },
    { q: '纯银_' },
    { q: '_' },
    { q: '金' },
    { q: 'Pt990' },
    { q: '足金', limit: '10', offset: '5' },
    { q: 'Au750', category: 'pearl' },
    { q: 'Au750', category: 'precious_metal', limit: '60' },
    { q: 'Au750', certificateStatus: 'verified' },
    { q: '飘花', certificateStatus: 'unverified' },
    { q: 'Au750', sellerId: seller1?.org.id as string },
    { q: 'au750', baseId: world.bases[0] as string },
    { q: '飘花', clusterId: world.operators[1]?.org.id as string },
    { category: 'jadeite', minPriceFen: '12000', maxPriceFen: '25000', sort: 'price_asc' },
    { sellerId: seller0?.org.id as string, sort: 'price_desc', limit: '60' },
    { certificateStatus: 'verified', limit: '60' },
    { clusterId: world.operators[0]?.org.id as string, offset: '20' },
  ];
}

async function expectSamePages() {
  for (const params of queries()) {
    const query = catalogQuerySchema.parse(params);
    const response = await call(app, 'GET', `/api/catalog?${new URLSearchParams(params)}`);
    expect(response.status, response.text).toBe(200);
    const before = await searchAsBefore(query);
    expect(response.json as { items: CatalogItem[]; hasMore: boolean }, JSON.stringify(params)).toEqual(
      before,
    );
  }
}

/** Every entry is its listing's card as the joined query reads it, and every listing on sale has one. */
async function expectEntriesMatchListings() {
  const db = database.db;
  const listings = await selectCatalog(db)
    .select(sql<string>`lower(listings.title || ' ' || listings.description)`.as('searchText'))
    .orderBy('listings.id')
    .execute();
  const entries = await db.selectFrom('catalogEntries').selectAll().orderBy('listingId').execute();
  expect(entries.map((entry) => toCatalogItem({ ...entry, id: entry.listingId }))).toEqual(
    listings.map(toCatalogItem),
  );
  expect(entries.map((entry) => [entry.publishedAt, entry.searchText])).toEqual(
    listings.map((listing) => [listing.publishedAt, listing.searchText]),
  );
}

describe('catalogue entries', () => {
  it('the test data exercises every way to a page: frequent terms, a frequent term with a filter, rare terms', async () => {
    const frequencies = await bigramFrequencies(database.db);
    expect(scanWindow(frequencies, ['Au750'], 25)).toBeGreaterThan(0);
    expect(scanWindow(frequencies, ['飘花'], 25)).toBeGreaterThan(0);
    expect(scanWindow(frequencies, ['紫罗兰冰种'], 25)).toBeNull();
  });

  it('answer exactly the pages the joined ILIKE search answered', async () => {
    await expectEntriesMatchListings();
    await expectSamePages();
  });

  it('follow listings, certificates and organisations as they change', async () => {
    const db = database.db;
    const [first, second, third, fourth, fifth] = world.listingIds as [
      string,
      string,
      string,
      string,
      string,
    ];
    // What the card shows of the listing itself: stock, sales, price, a sellout, its text.
    await db.updateTable('listings').set({ stock: 0, soldCount: 3 }).where('id', '=', first).execute();
    await db
      .updateTable('listings')
      .set({ priceFen: 12_345, imageIds: [] })
      .where('id', '=', second)
      .execute();
    await db.updateTable('listings').set({ status: 'sold_out' }).where('id', '=', third).execute();
    await db.updateTable('listings').set({ title: '满绿AU750翡翠 新款' }).where('id', '=', fourth).execute();
    // Off sale and back, and a listing bound to another certificate.
    await db.updateTable('listings').set({ status: 'suspended' }).where('id', '=', fifth).execute();
    await db
      .updateTable('listings')
      .set({ status: 'published', publishedAt: new Date() })
      .where('title', 'like', '%冰种飘花手镯%')
      .where('status', '=', 'suspended')
      .execute();
    const [bound] = world.listingIds.filter((_, i) => i % 4 === 1 && i % 10 !== 9);
    const spare = await db
      .insertInto('certificates')
      .values({
        externalLabName: 'GIA',
        number: `GIA-${Date.now()}`,
        holderOrgId: world.sellers[0]?.org.id as string,
        identification: '天然珍珠',
        material: 'pearl',
        treatment: 'natural',
        issuedOn: '2026-11-01',
        status: 'verified',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('listings')
      .set({ certificateId: spare.id, sellerOrgId: world.sellers[0]?.org.id as string })
      .where('id', '=', bound as string)
      .execute();
    // Certificates change status; a lab and a seller are renamed.
    await db
      .updateTable('certificates')
      .set({ status: 'verified' })
      .where('status', '=', 'unverified')
      .where('externalLabName', '=', 'NGTC')
      .execute();
    await db
      .updateTable('certificates')
      .set({ status: 'revoked', revokeReason: '复检不符' })
      .where('id', '=', spare.id)
      .execute();
    await db
      .updateTable('organizations')
      .set({ name: '重庆检测中心', slug: `cq-lab-${Date.now()}` })
      .where('id', '=', world.lab.org.id)
      .execute();
    await db
      .updateTable('organizations')
      .set({ name: '金殿' })
      .where('id', '=', world.sellers[1]?.org.id as string)
      .execute();
    // A listing inserted on sale, certificate and all.
    await db
      .insertInto('listings')
      .values({
        sellerOrgId: world.sellers[2]?.org.id as string,
        title: '新到 Au750 手链',
        category: 'precious_metal',
        priceFen: 88_800,
        stock: 2,
        status: 'published',
        publishedAt: new Date(),
      })
      .execute();

    await expectEntriesMatchListings();
    await expectSamePages();
    const renamed = await call(
      app,
      'GET',
      `/api/catalog?${new URLSearchParams({ sellerId: world.sellers[1]?.org.id as string })}`,
    );
    expect(renamed.json.items[0].seller.name).toBe('金殿');
  });
});
