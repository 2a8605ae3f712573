import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  expectErrorShape,
  login,
  type TestApp,
  type TestAppHandle,
} from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let handle: TestAppHandle;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = createTestApp(database.db);
  app = handle.app;
});
afterAll(() => database.drop());

async function ownerOf(kind: 'seller' | 'lab' | 'cluster_operator' = 'seller') {
  const tenant = await createTenant(database.db, kind, ['owner', 'staff']);
  const session = await login(app, tenant.members.owner.email, TEST_PASSWORD);
  return { ...tenant, session };
}

describe('API tokens', () => {
  it('are shown once, stored hashed, limited to their permissions, and stop working when revoked', async () => {
    const { session, org } = await ownerOf();
    const issued = await call(app, 'POST', '/api/org/tokens', {
      session,
      body: { name: '字幕服务', permissions: ['org:read'] },
    });
    expect(issued.status).toBe(201);
    const token: string = issued.json.token;
    expect(token).toMatch(/^jl_/);
    const stored = await database.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', issued.json.apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);

    const listed = await call(app, 'GET', '/api/org/tokens', { session });
    expect(JSON.stringify(listed.json)).not.toContain(token);

    const read = await call(app, 'GET', '/api/org', { bearer: token });
    expect(read.status).toBe(200);
    expect(read.json.id).toBe(org.id);

    // No permission for member management, and a token is not a person.
    const members = await call(app, 'GET', '/api/org/members', { bearer: token });
    expect(members.status).toBe(403);
    const sessionRoute = await call(app, 'GET', '/api/auth/session', { bearer: token });
    expect(sessionRoute.status).toBe(403);

    const revoked = await call(app, 'DELETE', `/api/org/tokens/${issued.json.apiToken.id}`, { session });
    expect(revoked.status).toBe(200);
    const after = await call(app, 'GET', '/api/org', { bearer: token });
    expect(after.status).toBe(401);
    expectErrorShape(after.json, 'UNAUTHENTICATED');

    const actions = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('organizationId', '=', org.id)
      .where('action', 'like', 'token.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['token.issued', 'token.revoked']);
  });

  it('staff cannot issue tokens', async () => {
    const tenant = await createTenant(database.db, 'seller', ['owner', 'staff']);
    const staff = await login(app, tenant.members.staff.email, TEST_PASSWORD);
    const response = await call(app, 'POST', '/api/org/tokens', {
      session: staff,
      body: { name: 'x', permissions: ['org:read'] },
    });
    expect(response.status).toBe(403);
    expectErrorShape(response.json, 'FORBIDDEN');
  });
});

describe('members and invitations', () => {
  it('an owner invites a host; the invitee accepts and lands in the organisation with that role', async () => {
    const { session, org } = await ownerOf();
    const email = `host.${Date.now()}@example.test`;
    const created = await call(app, 'POST', '/api/org/invitations', {
      session,
      body: { email, role: 'host' },
    });
    expect(created.status).toBe(201);
    const inviteUrl: string = created.json.inviteUrl;
    expect(handle.outbox.at(-1)).toMatchObject({ to: email, text: inviteUrl });
    const token = inviteUrl.split('/invite/')[1] ?? '';

    const preview = await call(app, 'GET', `/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ email, role: 'host', organization: { id: org.id } });

    const accepted = await call(app, 'POST', `/api/invitations/${token}/accept`, {
      body: { displayName: '新主播', password: 'host password 123' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.json.user).toMatchObject({ email, role: 'host', organization: { id: org.id } });

    const reused = await call(app, 'POST', `/api/invitations/${token}/accept`, {
      body: { displayName: '又来', password: 'host password 123' },
    });
    expect(reused.status).toBe(404);
  });

  it('a host role does not exist in a lab', async () => {
    const { session } = await ownerOf('lab');
    const response = await call(app, 'POST', '/api/org/invitations', {
      session,
      body: { email: 'x@example.test', role: 'host' },
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.json, 'VALIDATION_FAILED');
  });

  it('an owner changes a role and the change is audited; admins may not', async () => {
    const { session, org, members } = await ownerOf();
    const response = await call(app, 'PATCH', `/api/org/members/${members.staff.id}`, {
      session,
      body: { role: 'admin' },
    });
    expect(response.status).toBe(200);
    expect(response.json.role).toBe('admin');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'details'])
      .where('organizationId', '=', org.id)
      .where('action', '=', 'member.role_changed')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ from: 'staff', to: 'admin' });

    const admin = await login(app, members.staff.email, TEST_PASSWORD);
    const byAdmin = await call(app, 'PATCH', `/api/org/members/${members.owner.id}`, {
      session: admin,
      body: { role: 'staff' },
    });
    expect(byAdmin.status).toBe(403);
  });
});

describe('tenancy (security)', () => {
  it("another organisation's members, tokens and invitations answer 404", async () => {
    const a = await ownerOf();
    const b = await ownerOf();
    const token = await call(app, 'POST', '/api/org/tokens', {
      session: b.session,
      body: { name: 'b', permissions: ['org:read'] },
    });
    const invitation = await call(app, 'POST', '/api/org/invitations', {
      session: b.session,
      body: { email: 'someone@example.test', role: 'staff' },
    });

    const patch = await call(app, 'PATCH', `/api/org/members/${b.members.staff.id}`, {
      session: a.session,
      body: { role: 'admin' },
    });
    expect(patch.status).toBe(404);
    expectErrorShape(patch.json, 'NOT_FOUND');
    const revoke = await call(app, 'DELETE', `/api/org/tokens/${token.json.apiToken.id}`, {
      session: a.session,
    });
    expect(revoke.status).toBe(404);
    const withdraw = await call(app, 'DELETE', `/api/org/invitations/${invitation.json.invitation.id}`, {
      session: a.session,
    });
    expect(withdraw.status).toBe(404);

    // B's things are untouched.
    const stillWorks = await call(app, 'GET', '/api/org', { bearer: token.json.token });
    expect(stillWorks.status).toBe(200);
    const staff = await database.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', b.members.staff.id)
      .executeTakeFirstOrThrow();
    expect(staff.role).toBe('staff');
    const members = await call(app, 'GET', '/api/org/members', { session: a.session });
    expect(members.json.members.map((m: { id: string }) => m.id)).not.toContain(b.members.staff.id);
  });

  it('platform routes refuse other organisation kinds', async () => {
    const { session } = await ownerOf();
    const response = await call(app, 'GET', '/api/admin/organizations', { session });
    expect(response.status).toBe(403);
  });
});
