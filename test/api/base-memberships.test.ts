import type { MemberRole } from '@jadelive/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import { decideMembership, NEW_BASE as newBase, openBase, signedInTenant } from '../support/bases';
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

const decide = (session: Session, baseId: string, sellerOrgId: string, status: string, note?: string) =>
  decideMembership(app, session, baseId, sellerOrgId, status, note);

describe('memberships', () => {
  it('a seller applies, is admitted, suspended, readmitted, removed and applies again; each step audited', async () => {
    const operator = await operatorWithBase();
    const { baseId } = operator;
    const seller = await signedIn('seller', ['owner', 'host']);

    const applied = await call(app, 'POST', `/api/bases/${baseId}/applications`, {
      session: seller.session,
      body: { note: '主营翡翠手镯' },
    });
    expect(applied.status).toBe(201);
    expect(applied.json).toMatchObject({
      status: 'applied',
      note: '主营翡翠手镯',
      seller: { id: seller.org.id },
    });
    const again = await call(app, 'POST', `/api/bases/${baseId}/applications`, {
      session: seller.session,
      body: {},
    });
    expect(again.status).toBe(409);
    expectErrorShape(again.json, 'CONFLICT');

    const pending = await call(app, 'GET', `/api/bases/${baseId}/members?status=applied`, {
      session: operator.session,
    });
    expect(pending.json.memberships.map((m: { seller: { id: string } }) => m.seller.id)).toEqual([
      seller.org.id,
    ]);
    const operated = await call(app, 'GET', '/api/bases/operated', { session: operator.session });
    expect(operated.json.bases[0].pendingApplicationCount).toBe(1);

    const steps = ['admitted', 'suspended', 'admitted', 'removed'];
    for (const status of steps) {
      const response = await decide(operator.session, baseId, seller.org.id, status, `理由：${status}`);
      expect(response.status, status).toBe(200);
      expect(response.json.membership).toMatchObject({ status, note: `理由：${status}` });
    }
    const mine = await call(app, 'GET', '/api/bases/memberships/mine', { session: seller.sessions.host });
    expect(mine.status).toBe(200);
    expect(mine.json.memberships).toEqual([
      expect.objectContaining({ base: { id: baseId, name: newBase.name }, status: 'removed' }),
    ]);

    const reapplied = await call(app, 'POST', `/api/bases/${baseId}/applications`, {
      session: seller.session,
      body: {},
    });
    expect(reapplied.status).toBe(201);
    expect(reapplied.json).toMatchObject({ status: 'applied', decidedAt: null });

    const decisions = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'details'])
      .where('organizationId', '=', operator.org.id)
      .where('action', 'like', 'base_membership.%')
      .orderBy('id')
      .execute();
    expect(decisions.map((row) => row.action)).toEqual(steps.map((status) => `base_membership.${status}`));
    expect(decisions[1]!.details).toMatchObject({
      baseId,
      from: 'admitted',
      to: 'suspended',
      note: '理由：suspended',
    });
    const applications = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('organizationId', '=', seller.org.id)
      .where('action', '=', 'base_membership.applied')
      .execute();
    expect(applications).toHaveLength(2);
  });

  it('admitted sellers appear by name on the public base page; applicants and rejected ones do not', async () => {
    const operator = await operatorWithBase();
    const [admitted, rejected, applicant] = [
      await signedIn('seller', ['owner']),
      await signedIn('seller', ['owner']),
      await signedIn('seller', ['owner']),
    ];
    for (const seller of [admitted, rejected, applicant]) {
      await call(app, 'POST', `/api/bases/${operator.baseId}/applications`, {
        session: seller.session,
        body: {},
      });
    }
    await decide(operator.session, operator.baseId, admitted.org.id, 'admitted');
    await decide(operator.session, operator.baseId, rejected.org.id, 'rejected', '品类不符');
    const page = await call(app, 'GET', `/api/bases/${operator.baseId}`);
    expect(page.status).toBe(200);
    expect(page.json.admittedSellers).toEqual([{ id: admitted.org.id, name: admitted.org.name }]);
    expect(page.json.admittedSellerCount).toBe(1);

    const rejectedView = await call(app, 'GET', '/api/bases/memberships/mine', { session: rejected.session });
    expect(rejectedView.json.memberships[0]).toMatchObject({ status: 'rejected', note: '品类不符' });
    const retry = await call(app, 'POST', `/api/bases/${operator.baseId}/applications`, {
      session: rejected.session,
      body: { note: '已补充资质' },
    });
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ status: 'applied', note: '已补充资质' });
  });

  it('refuses transitions the workflow does not allow with 409, leaving the status as it was', async () => {
    const operator = await operatorWithBase();
    const seller = await signedIn('seller', ['owner']);
    await call(app, 'POST', `/api/bases/${operator.baseId}/applications`, {
      session: seller.session,
      body: {},
    });
    const suspendApplicant = await decide(operator.session, operator.baseId, seller.org.id, 'suspended');
    expect(suspendApplicant.status).toBe(409);
    expectErrorShape(suspendApplicant.json, 'CONFLICT');
    expect(suspendApplicant.json.error.details).toEqual({
      reason: 'invalid_transition',
      from: 'applied',
      to: 'suspended',
      allowed: ['admitted', 'rejected'],
    });
    await decide(operator.session, operator.baseId, seller.org.id, 'admitted');
    expect((await decide(operator.session, operator.baseId, seller.org.id, 'admitted')).status).toBe(409);
    expect((await decide(operator.session, operator.baseId, seller.org.id, 'rejected')).status).toBe(409);
    await decide(operator.session, operator.baseId, seller.org.id, 'removed');
    expect((await decide(operator.session, operator.baseId, seller.org.id, 'admitted')).status).toBe(409);
    const stored = await database.db
      .selectFrom('baseMemberships')
      .select('status')
      .where('sellerOrgId', '=', seller.org.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('removed');

    const backToApplied = await decide(operator.session, operator.baseId, seller.org.id, 'applied');
    expect(backToApplied.status).toBe(400);
    const stranger = await signedIn('seller', ['owner']);
    expect((await decide(operator.session, operator.baseId, stranger.org.id, 'admitted')).status).toBe(404);
  });

  it('two applications at once: one is recorded, the other answers 409', async () => {
    const { baseId } = await operatorWithBase();
    const seller = await signedIn('seller', ['owner']);
    const responses = await Promise.all(
      [1, 2].map(() =>
        call(app, 'POST', `/api/bases/${baseId}/applications`, { session: seller.session, body: {} }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
