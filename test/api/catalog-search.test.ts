import { bigramFrequencies, scanWindow } from '@jadelive/server/features/catalog/repository';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
const MINUTE = 60_000;

/**
 * 300 listings on sale: every other one a frequent Au750 gold piece, newest first by index; three
 * of the Au750 pieces are pearls (a frequent term with a rare filter), one listing says 紫罗兰冰种.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  const seller = await createTenant(database.db, 'seller', ['owner']);
  const now = Date.now();
  await database.db
    .insertInto('listings')
    .values(
      Array.from({ length: 300 }, (_, i) => ({
        sellerOrgId: seller.org.id,
        title: i === 250 ? `紫罗兰冰种手镯 ${i}` : i % 2 === 0 ? `足金Au750吊坠 ${i}` : `冰种飘花手镯 ${i}`,
        category: [40, 120, 280].includes(i) ? 'pearl' : i % 2 === 0 ? 'precious_metal' : 'jadeite',
        priceFen: 10_000 + ((i * 7919) % 300) * 100,
        stock: 1,
        status: i % 10 === 9 ? 'draft' : 'published',
        publishedAt: i % 10 === 9 ? null : new Date(now - i * MINUTE),
      })),
    )
    .execute();
  await sql`analyze listings, catalog_entries`.execute(database.db);
});
afterAll(() => database.drop());

const search = async (params: Record<string, string>) => {
  const response = await call(app, 'GET', `/api/catalog?${new URLSearchParams(params)}`);
  expect(response.status, response.text).toBe(200);
  return response.json as {
    items: { title: string; priceFen: number; category: string }[];
    hasMore: boolean;
  };
};
const numberOf = (title: string) => Number(title.split(' ').at(-1));

describe('catalogue search (frequent and rare terms)', () => {
  it('reads a frequent term in page order and a rare one through the bigram index', async () => {
    const frequencies = await bigramFrequencies(database.db);
    expect(scanWindow(frequencies, ['Au750'], 25)).toBeGreaterThan(0);
    expect(scanWindow(frequencies, ['au750'], 25)).toBeGreaterThan(0);
    expect(scanWindow(frequencies, ['紫罗兰冰种'], 25)).toBeNull();
  });

  it('a frequent term answers the newest matching pieces, page after page, with hasMore', async () => {
    // Even numbers are Au750 pieces (drafts are the ones ending in 9, all odd), but for 紫罗兰 250.
    const onSaleAu750 = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 2 === 0 && i !== 250);
    expect(onSaleAu750).toHaveLength(149);
    const first = await search({ q: 'au750', limit: '20' });
    expect(first.items.map((item) => numberOf(item.title))).toEqual(onSaleAu750.slice(0, 20));
    expect(first.hasMore).toBe(true);
    const later = await search({ q: 'Au750', limit: '20', offset: '120' });
    expect(later.items.map((item) => numberOf(item.title))).toEqual(onSaleAu750.slice(120, 140));
    const last = await search({ q: 'Au750', limit: '20', offset: '140' });
    expect(last.items.map((item) => numberOf(item.title))).toEqual(onSaleAu750.slice(140));
    expect(last.hasMore).toBe(false);
  });

  it('a frequent term with a rare filter still finds every match (the window falls back to the index)', async () => {
    const pearls = await search({ q: 'Au750', category: 'pearl' });
    expect(pearls.items.map((item) => numberOf(item.title))).toEqual([40, 120, 280]);
    expect(pearls.hasMore).toBe(false);
  });

  it('a frequent term sorted by price comes back in price order', async () => {
    const cheapest = await search({ q: 'Au750', sort: 'price_asc', limit: '30' });
    const prices = cheapest.items.map((item) => item.priceFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(cheapest.items.every((item) => item.title.includes('Au750'))).toBe(true);
    const all = await search({ q: 'Au750', sort: 'price_asc', limit: '60' });
    const rest = await search({ q: 'Au750', sort: 'price_asc', limit: '60', offset: '60' });
    const more = await search({ q: 'Au750', sort: 'price_asc', limit: '60', offset: '120' });
    const everyPrice = [...all.items, ...rest.items, ...more.items].map((item) => item.priceFen);
    expect(everyPrice).toHaveLength(149);
    expect(everyPrice).toEqual([...everyPrice].sort((a, b) => a - b));
    expect(everyPrice.slice(0, 30)).toEqual(prices);
  });

  it('a rare term and a term that matches nothing', async () => {
    const rare = await search({ q: '紫罗兰冰种' });
    expect(rare.items.map((item) => item.title)).toEqual(['紫罗兰冰种手镯 250']);
    expect(rare.hasMore).toBe(false);
    const none = await search({ q: 'Pt950' });
    expect(none.items).toEqual([]);
  });
});
