import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  app = createTestApp(database.db).app;
});
afterAll(() => database.drop());

describe('demo data', () => {
  it('every promised demo login signs in with the demo password', async () => {
    for (const { email } of DEMO_LOGINS) {
      const response = await call(app, 'POST', '/api/auth/login', {
        body: { email, password: DEMO_PASSWORD },
        ip: `10.9.0.${email.length}`,
      });
      expect(response.status, email).toBe(200);
    }
  });

  it('every demo seller has at least five published listings backed by verified certificates', async () => {
    const rows = await database.db
      .selectFrom('organizations')
      .leftJoin('listings', (join) =>
        join.onRef('listings.sellerOrgId', '=', 'organizations.id').on('listings.status', '=', 'published'),
      )
      .leftJoin('certificates', (join) =>
        join
          .onRef('certificates.id', '=', 'listings.certificateId')
          .on('certificates.status', '=', 'verified'),
      )
      .select(['organizations.slug', (eb) => eb.fn.count<number>('certificates.id').as('certified')])
      .where('organizations.kind', '=', 'seller')
      .groupBy('organizations.slug')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(Number(row.certified), row.slug).toBeGreaterThanOrEqual(5);
    const catalogue = await call(app, 'GET', '/api/catalog?limit=60');
    const categories = new Set(catalogue.json.items.map((item: { category: string }) => item.category));
    for (const category of ['jadeite', 'nephrite', 'pearl', 'precious_metal'])
      expect(categories).toContain(category);
  });

  it('includes an unverified registration and a revoked certificate with its listing suspended', async () => {
    const statuses = await database.db.selectFrom('certificates').select('status').distinct().execute();
    expect(statuses.map((row) => row.status).sort()).toEqual(['revoked', 'unverified', 'verified']);
    const suspended = await database.db
      .selectFrom('listings')
      .select('statusReason')
      .where('status', '=', 'suspended')
      .execute();
    expect(suspended.length).toBeGreaterThan(0);
  });

  it('seeding again changes nothing', async () => {
    const count = async (table: 'listings' | 'certificates' | 'users' | 'studioBookings') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await Promise.all([
      count('listings'),
      count('certificates'),
      count('users'),
      count('studioBookings'),
    ]);
    await seedDemo(database.db);
    const after = await Promise.all([
      count('listings'),
      count('certificates'),
      count('users'),
      count('studioBookings'),
    ]);
    expect(after).toEqual(before);
  });
});
