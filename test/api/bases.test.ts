import { seedDemo } from '@jadelive/server/seed/demo';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import type { MemberRole } from '@jadelive/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type TestApp } from '../support/app';
import { NEW_BASE as newBase, openBase, signedInTenant } from '../support/bases';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
});
afterAll(() => database.drop());

const signedIn = <R extends MemberRole>(kind: 'cluster_operator' | 'seller', roles: R[]) =>
  signedInTenant(app, database.db, kind, roles);

async function operatorWithBase() {
  const operator = await signedIn('cluster_operator', ['owner', 'staff']);
  return { ...operator, baseId: await openBase(app, operator.session) };
}

describe('bases and studios: happy paths', () => {
  it('an operator opens a base, adds and changes studios; the public sees it with its cluster', async () => {
    const operator = await operatorWithBase();
    const { baseId } = operator;
    const studio = await call(app, 'POST', `/api/bases/${baseId}/studios`, {
      session: operator.sessions.staff,
      body: { name: 'A01 翡翠直播间', capacity: 6, equipment: ['4K 摄像机', '环形补光灯', '4K 摄像机'] },
    });
    expect(studio.status).toBe(201);
    expect(studio.json).toMatchObject({
      baseId,
      status: 'available',
      equipment: ['4K 摄像机', '环形补光灯'],
    });
    const old = await call(app, 'POST', `/api/bases/${baseId}/studios`, {
      session: operator.session,
      body: { name: '旧直播间', capacity: 2 },
    });
    const retired = await call(app, 'PATCH', `/api/bases/${baseId}/studios/${old.json.id}`, {
      session: operator.session,
      body: { status: 'retired' },
    });
    expect(retired.status).toBe(200);
    expect(retired.json.status).toBe('retired');

    const renamed = await call(app, 'PATCH', `/api/bases/${baseId}`, {
      session: operator.session,
      body: { name: '解放碑直播基地（二期）' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: '解放碑直播基地（二期）', address: newBase.address });

    const operated = await call(app, 'GET', '/api/bases/operated', { session: operator.session });
    expect(operated.status).toBe(200);
    expect(operated.json.bases).toHaveLength(1);
    expect(operated.json.bases[0].studios.map((s: { name: string }) => s.name)).toEqual([
      'A01 翡翠直播间',
      '旧直播间',
    ]);

    const list = await call(app, 'GET', '/api/bases?kind=trade_centre');
    expect(list.status).toBe(200);
    const listed = list.json.bases.find((base: { id: string }) => base.id === baseId);
    expect(listed.cluster).toEqual({ id: operator.org.id, name: operator.org.name, slug: operator.org.slug });
    expect(listed.studios.map((s: { name: string }) => s.name)).toEqual(['A01 翡翠直播间']);
    expect(listed).not.toHaveProperty('pendingApplicationCount');
    const otherKind = await call(app, 'GET', '/api/bases?kind=origin');
    expect(otherKind.json.bases.some((base: { id: string }) => base.id === baseId)).toBe(false);

    const actions = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('organizationId', '=', operator.org.id)
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'base.created',
      'studio.created',
      'studio.created',
      'studio.updated',
      'base.updated',
    ]);
  });
});

describe('bases and studios: errors and security', () => {
  it('refuses malformed bodies with 400', async () => {
    const { session, baseId } = await operatorWithBase();
    const cases = [
      ['POST', '/api/bases', { ...newBase, kind: 'casino' }],
      ['POST', '/api/bases', { ...newBase, operatorOrgId: baseId }],
      ['PATCH', `/api/bases/${baseId}`, {}],
      ['POST', `/api/bases/${baseId}/studios`, { name: 'x', capacity: 0 }],
      ['POST', `/api/bases/${baseId}/studios`, { name: ' ', capacity: 3 }],
    ] as const;
    for (const [method, path, body] of cases) {
      const response = await call(app, method, path, { session, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expectErrorShape(response.json, 'VALIDATION_FAILED');
    }
  });

  it("another operator cannot see or change my base's members, base or studios: 404", async () => {
    const mine = await operatorWithBase();
    const studio = await call(app, 'POST', `/api/bases/${mine.baseId}/studios`, {
      session: mine.session,
      body: { name: 'A01', capacity: 4 },
    });
    const other = await signedIn('cluster_operator', ['owner']);
    const attempts = [
      ['PATCH', `/api/bases/${mine.baseId}`, { name: '被改名' }],
      ['POST', `/api/bases/${mine.baseId}/studios`, { name: '偷建', capacity: 2 }],
      ['PATCH', `/api/bases/${mine.baseId}/studios/${studio.json.id}`, { status: 'retired' }],
      ['GET', `/api/bases/${mine.baseId}/members`, undefined],
      ['GET', `/api/bases/${mine.baseId}/bookings`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const response = await call(app, method, path, { session: other.session, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    const after = await call(app, 'GET', `/api/bases/${mine.baseId}`);
    expect(after.json.name).toBe(newBase.name);
    expect(after.json.studios).toEqual([expect.objectContaining({ name: 'A01', status: 'available' })]);
  });

  it('only operators manage bases; only seller owners and admins apply', async () => {
    const { baseId } = await operatorWithBase();
    const seller = await signedIn('seller', ['owner', 'host']);
    const bySeller = await call(app, 'POST', '/api/bases', { session: seller.session, body: newBase });
    expect(bySeller.status).toBe(403);
    expectErrorShape(bySeller.json, 'FORBIDDEN');
    const anonymous = await call(app, 'POST', '/api/bases', { body: newBase });
    expect(anonymous.status).toBe(401);
    const byHost = await call(app, 'POST', `/api/bases/${baseId}/applications`, {
      session: seller.sessions.host,
      body: {},
    });
    expect(byHost.status).toBe(403);
    const operator = await signedIn('cluster_operator', ['owner']);
    const byOperator = await call(app, 'POST', `/api/bases/${baseId}/applications`, {
      session: operator.session,
      body: {},
    });
    expect(byOperator.status).toBe(403);
  });

  it('unknown bases answer 404', async () => {
    const seller = await signedIn('seller', ['owner']);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call(app, 'GET', `/api/bases/${missing}`)).status).toBe(404);
    const apply = await call(app, 'POST', `/api/bases/${missing}/applications`, {
      session: seller.session,
      body: {},
    });
    expect(apply.status).toBe(404);
    expectErrorShape(apply.json, 'NOT_FOUND');
  });
});

describe('demo data', () => {
  it('gives every demo cluster 1–2 bases of 3–4 studios, admits the demo sellers, books the coming week, once', async () => {
    await seedDemo(database.db);
    const counts = async () => ({
      bases: await database.db.selectFrom('bases').select('id').execute(),
      studios: await database.db.selectFrom('studios').select('id').execute(),
      bookings: await database.db.selectFrom('studioBookings').select('id').execute(),
    });
    const first = await counts();
    const perOperator = await database.db
      .selectFrom('bases')
      .innerJoin('organizations', 'organizations.id', 'bases.operatorOrgId')
      .leftJoin('studios', 'studios.baseId', 'bases.id')
      .select((eb) => ['organizations.slug', 'bases.id', eb.fn.count<string>('studios.id').as('studios')])
      .where('organizations.slug', 'in', [
        'jiefangbei-trade-centre',
        'lianglu-guoyuan-processing',
        'dazu-cultural-creative',
        'jiangjin-jade-origin',
      ])
      .groupBy(['organizations.slug', 'bases.id'])
      .execute();
    const basesPerOperator = new Map<string, number>();
    for (const row of perOperator) {
      basesPerOperator.set(row.slug, (basesPerOperator.get(row.slug) ?? 0) + 1);
      expect(Number(row.studios)).toBeGreaterThanOrEqual(3);
      expect(Number(row.studios)).toBeLessThanOrEqual(4);
    }
    expect(basesPerOperator.size).toBe(4);
    for (const count of basesPerOperator.values()) expect([1, 2]).toContain(count);

    const memberships = await database.db
      .selectFrom('baseMemberships')
      .innerJoin('organizations', 'organizations.id', 'baseMemberships.sellerOrgId')
      .select(['organizations.slug', 'baseMemberships.status'])
      .where('organizations.slug', 'not like', 'seller-%')
      .execute();
    const admittedSellers = new Set(memberships.filter((m) => m.status === 'admitted').map((m) => m.slug));
    expect(admittedSellers.size).toBe(6);
    expect(memberships.filter((m) => m.status === 'applied')).toHaveLength(1);

    const window = await database.db
      .selectFrom('studioBookings')
      .select((eb) => [
        eb.fn.min<Date>(eb.fn('lower', ['during'])).as('first'),
        eb.fn.max<Date>(eb.fn('upper', ['during'])).as('last'),
      ])
      .executeTakeFirstOrThrow();
    expect(first.bookings.length).toBeGreaterThan(10);
    expect(new Date(window.first).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(window.last).getTime()).toBeLessThan(Date.now() + 8 * 24 * 3600 * 1000);

    await seedDemo(database.db);
    const second = await counts();
    expect(second.bases.length).toBe(first.bases.length);
    expect(second.studios.length).toBe(first.studios.length);
    expect(second.bookings.length).toBe(first.bookings.length);

    const operator = await login(app, 'operator@jadelive.test', DEMO_PASSWORD);
    const operated = await call(app, 'GET', '/api/bases/operated', { session: operator });
    expect(operated.json.bases.map((base: { name: string }) => base.name)).toContain(
      '解放碑珠宝玉石直播基地',
    );
  });
});
