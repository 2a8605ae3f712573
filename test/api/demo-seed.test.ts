import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type TestApp } from '../support/app';
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
      .select(['statusReasonKind', 'statusReasonDetails'])
      .where('status', '=', 'suspended')
      .execute();
    expect(suspended).toContainEqual({
      statusReasonKind: 'certificate_revoked',
      statusReasonDetails: { reason: '复检发现经充填处理，与原证书结论不符' },
    });
  });

  it('the demo buyer has orders in several states, each with its history and payment', async () => {
    const buyer = await login(app, 'buyer@jadelive.test', DEMO_PASSWORD);
    const list = await call(app, 'GET', '/api/orders', { session: buyer });
    expect(list.status, list.text).toBe(200);
    const orders = list.json.orders as { id: string; status: string; trackingNumber: string | null }[];
    expect(orders.map((order) => order.status).sort()).toEqual(
      ['completed', 'delivered', 'paid', 'pending_payment', 'shipped'].sort(),
    );
    const steps = ['pending_payment', 'paid', 'shipped', 'delivered', 'completed'];
    for (const order of orders) {
      const detail = await call(app, 'GET', `/api/orders/${order.id}`, { session: buyer });
      expect(detail.status, detail.text).toBe(200);
      const history = detail.json.events.map((event: { toStatus: string }) => event.toStatus);
      expect(history, order.status).toEqual(steps.slice(0, steps.indexOf(order.status) + 1));
      // As the real flow records them: each move's cause, no sentence as a note.
      const causes = [null, 'payment_received', 'shipped', null, 'return_window_closed'];
      expect(
        detail.json.events.map((event: { cause: { kind: string } | null; note: string | null }) => [
          event.cause?.kind ?? null,
          event.note,
        ]),
        order.status,
      ).toEqual(history.map((_: string, i: number) => [causes[i], null]));
      const paid = detail.json.payments.filter(
        (payment: { status: string }) => payment.status === 'succeeded',
      );
      expect(paid.length, order.status).toBe(order.status === 'pending_payment' ? 0 : 1);
      if (['shipped', 'delivered', 'completed'].includes(order.status))
        expect(order.trackingNumber).not.toBeNull();
    }
    const seller = await login(app, 'seller@jadelive.test', DEMO_PASSWORD);
    const sellerList = await call(app, 'GET', '/api/seller/orders', { session: seller });
    expect(sellerList.status, sellerList.text).toBe(200);
    expect(sellerList.json.orders.length).toBeGreaterThanOrEqual(2);
  });

  it("tonight's demo session starts at eight in the evening, Beijing time, whatever the server's zone", async () => {
    const tonight = await database.db
      .selectFrom('liveSessions')
      .select('plannedStartAt')
      .where('title', '=', '冰种翡翠手镯专场 · 今晚八点')
      .executeTakeFirstOrThrow();
    const beijing = new Date(tonight.plannedStartAt.getTime() + 8 * 3_600_000);
    expect([beijing.getUTCHours(), beijing.getUTCMinutes()]).toEqual([20, 0]);
    expect(tonight.plannedStartAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(tonight.plannedStartAt.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
  });

  it('a 渝中 case waits for a second officer: regulator2@ may approve it, regulator@ who asked may not, 大足 does not see it', async () => {
    const asker = await login(app, 'regulator@jadelive.test', DEMO_PASSWORD, '10.9.1.1');
    const second = await login(app, 'regulator2@jadelive.test', DEMO_PASSWORD, '10.9.1.2');
    const dazu = await login(app, 'regulator.dazu@jadelive.test', DEMO_PASSWORD, '10.9.1.3');
    const cases = (await call(app, 'GET', '/api/cases', { session: second })).json.cases;
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ step: 'filing_pending', seller: { name: '解放碑翠玉轩' } });
    expect((await call(app, 'GET', `/api/cases/${cases[0].id}`, { session: asker })).json.actions).toEqual([
      'drop',
    ]);
    const detail = (await call(app, 'GET', `/api/cases/${cases[0].id}`, { session: second })).json;
    expect(detail.actions).toEqual(['approve_filing', 'refuse_filing', 'drop']);
    expect(detail.subjects.observations).toHaveLength(1);
    expect((await call(app, 'GET', `/api/cases/${cases[0].id}`, { session: dazu })).status).toBe(404);
  });

  it('seeding again changes nothing', async () => {
    const count = async (
      table: 'listings' | 'certificates' | 'users' | 'studioBookings' | 'orders' | 'cases',
    ) =>
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
      count('orders'),
      count('cases'),
    ]);
    await seedDemo(database.db);
    const after = await Promise.all([
      count('listings'),
      count('certificates'),
      count('users'),
      count('studioBookings'),
      count('orders'),
      count('cases'),
    ]);
    expect(after).toEqual(before);
  });
});
