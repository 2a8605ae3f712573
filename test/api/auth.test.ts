import type { OutgoingMail } from '@jadelive/server/lib/mailer';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let outbox: OutgoingMail[];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, outbox } = createTestApp(database.db));
});
afterAll(() => database.drop());

describe('login (happy)', () => {
  it('answers 200, sets an httpOnly SameSite cookie and returns the user with a CSRF token', async () => {
    const { members, org } = await createTenant(database.db, 'seller', ['owner']);
    const response = await call(app, 'POST', '/api/auth/login', {
      body: { email: members.owner.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jl_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(response.json.user).toMatchObject({ email: members.owner.email, role: 'owner' });
    expect(response.json.user.organization).toMatchObject({ id: org.id, kind: 'seller' });
    expect(response.json.csrfToken).toEqual(expect.any(String));
  });

  it('stores only a hash of the session secret', async () => {
    const buyer = await createBuyer(database.db);
    const session = await login(app, buyer.email, TEST_PASSWORD);
    const secret = session.cookie.split('=')[1] ?? '';
    const rows = await database.db
      .selectFrom('sessions')
      .select('tokenHash')
      .where('userId', '=', buyer.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(secret);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs up a buyer through a mailed link; the account belongs to no organisation', async () => {
    const email = `new.${Date.now()}@example.test`;
    const body = { email, password: 'a long enough password', displayName: '新买家' };
    const response = await call(app, 'POST', '/api/auth/signup', { body });
    expect(response.status).toBe(202);
    expect(response.headers.get('set-cookie')).toBeNull();
    const mail = outbox.findLast((sent) => sent.to === email);
    const token = mail?.text.match(/\/signup\/confirm\/([\w-]+)/)?.[1];
    expect(token).toEqual(expect.any(String));

    const confirmed = await call(app, 'POST', '/api/auth/signup/confirm', { body: { token } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.user).toMatchObject({ email, role: null, organization: null });
    expect(confirmed.headers.get('set-cookie')).toMatch(/^jl_session=/);
    const reused = await call(app, 'POST', '/api/auth/signup/confirm', { body: { token } });
    expect(reused.status).toBe(404);
    expectErrorShape(reused.json, 'NOT_FOUND');
  });

  it('answers a sign-up for an existing address exactly as for a new one, and tells the owner by mail', async () => {
    const buyer = await createBuyer(database.db);
    const fresh = `fresh.${Date.now()}@example.test`;
    const signup = (email: string) =>
      call(app, 'POST', '/api/auth/signup', {
        body: { email, password: 'a long enough password', displayName: '某人' },
      });
    const existing = await signup(buyer.email);
    const unknown = await signup(fresh);
    expect(existing.status).toBe(202);
    expect([existing.status, existing.text]).toEqual([unknown.status, unknown.text]);
    const notice = outbox.findLast((sent) => sent.to === buyer.email);
    expect(notice?.text).toContain('/login');
    expect(notice?.text).not.toContain('/signup/confirm/');
    // The owner's password is untouched and nobody else got an account with it.
    expect(
      (await call(app, 'POST', '/api/auth/login', { body: { email: buyer.email, password: TEST_PASSWORD } }))
        .status,
    ).toBe(200);
    const users = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', buyer.email)
      .execute();
    expect(users).toHaveLength(1);
  });

  it('GET /api/auth/session returns the signed-in user', async () => {
    const buyer = await createBuyer(database.db);
    const session = await login(app, buyer.email, TEST_PASSWORD);
    const response = await call(app, 'GET', '/api/auth/session', { session });
    expect(response.status).toBe(200);
    expect(response.json.user.id).toBe(buyer.id);
    expect(response.json.csrfToken).toBe(session.csrfToken);
  });
});

describe('login (errors)', () => {
  it('answers 401 with the error shape on a wrong password, and the same for an unknown email', async () => {
    const buyer = await createBuyer(database.db);
    const wrong = await call(app, 'POST', '/api/auth/login', {
      body: { email: buyer.email, password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expectErrorShape(wrong.json, 'INVALID_CREDENTIALS');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await call(app, 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.test', password: 'nope' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
  });

  const attempt = (email: string, password: string, ip: string) =>
    call(app, 'POST', '/api/auth/login', { body: { email, password }, ip });
  /** Moves a pair's attempts back in time, as if the caller had waited that long. */
  const waitAsIf = (email: string, ip: string, seconds: number) =>
    database.db
      .updateTable('loginAttempts')
      .set({ attemptedAt: sql`attempted_at - make_interval(secs => ${seconds})` })
      .where('email', '=', email)
      .where('ip', '=', ip)
      .execute();

  it('failures from one address make it wait, but never stop a correct sign-in from another address', async () => {
    const buyer = await createBuyer(database.db);
    const attacker = '198.51.100.7';
    for (let i = 0; i < 4; i++) {
      expect((await attempt(buyer.email, `wrong-${i}`, attacker)).status).toBe(401);
    }
    const blocked = await attempt(buyer.email, TEST_PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expectErrorShape(blocked.json, 'RATE_LIMITED');
    expect(blocked.json.error.details).toMatchObject({ reason: 'sign_in_throttled', retryAfterSeconds: 1 });
    expect(blocked.headers.get('retry-after')).toBe('1');

    const owner = await attempt(buyer.email, TEST_PASSWORD, '198.51.100.77');
    expect(owner.status).toBe(200);
  });

  it('each further failure from the same address doubles its wait', async () => {
    const buyer = await createBuyer(database.db);
    const ip = '198.51.100.8';
    for (let i = 0; i < 4; i++) await attempt(buyer.email, `wrong-${i}`, ip);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attempt(buyer.email, 'another guess', ip);
      expect(refused.status).toBe(429);
      const wait = refused.json.error.details.retryAfterSeconds as number;
      waits.push(wait);
      await waitAsIf(buyer.email, ip, wait);
      expect((await attempt(buyer.email, 'another guess', ip)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // Waiting out the last delay, the right password signs in and ends the run of failures.
    await waitAsIf(buyer.email, ip, 16);
    expect((await attempt(buyer.email, TEST_PASSWORD, ip)).status).toBe(200);
    expect((await attempt(buyer.email, 'typo', ip)).status).toBe(401);
    expect((await attempt(buyer.email, TEST_PASSWORD, ip)).status).toBe(200);
  });

  it('guessing from many addresses slows every address down, yet the right password still signs in', async () => {
    const buyer = await createBuyer(database.db);
    for (let i = 0; i < 10; i++) {
      expect((await attempt(buyer.email, `wrong-${i}`, `198.51.101.${i}`)).status).toBe(401);
    }
    // Over the account's budget an address has no free failures left: one guess, then a wait.
    const next = '198.51.101.200';
    expect((await attempt(buyer.email, 'guess', next)).status).toBe(401);
    const slowed = await attempt(buyer.email, 'guess again', next);
    expect(slowed.status).toBe(429);
    expect(slowed.json.error.details.retryAfterSeconds).toBe(1);
    expect((await attempt(buyer.email, TEST_PASSWORD, '198.51.101.201')).status).toBe(200);
  });

  it('throttles one address spraying many accounts', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i++) {
      await call(app, 'POST', '/api/auth/login', {
        body: { email: `spray${i}@example.test`, password: 'x' },
        ip,
      });
    }
    const buyer = await createBuyer(database.db);
    const blocked = await call(app, 'POST', '/api/auth/login', {
      body: { email: buyer.email, password: TEST_PASSWORD },
      ip,
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await call(app, 'POST', '/api/auth/login', {
      body: { email: buyer.email, password: TEST_PASSWORD },
      ip: '203.0.113.10',
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('sessions (security)', () => {
  it('an expired session is treated as signed out', async () => {
    const buyer = await createBuyer(database.db);
    const session = await login(app, buyer.email, TEST_PASSWORD);
    await database.db
      .updateTable('sessions')
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where('userId', '=', buyer.id)
      .execute();
    const response = await call(app, 'GET', '/api/auth/session', { session });
    expect(response.status).toBe(401);
    expectErrorShape(response.json, 'UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated mutation without the CSRF header, or with a wrong one', async () => {
    const buyer = await createBuyer(database.db);
    const session = await login(app, buyer.email, TEST_PASSWORD);
    const missing = await call(app, 'POST', '/api/auth/logout', { session, omitCsrf: true });
    expect(missing.status).toBe(403);
    expectErrorShape(missing.json, 'CSRF_FAILED');
    const wrong = await call(app, 'POST', '/api/auth/logout', {
      session,
      omitCsrf: true,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
    const still = await call(app, 'GET', '/api/auth/session', { session });
    expect(still.status).toBe(200);
  });

  it('logout ends the session for good', async () => {
    const buyer = await createBuyer(database.db);
    const session = await login(app, buyer.email, TEST_PASSWORD);
    const out = await call(app, 'POST', '/api/auth/logout', { session });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/jl_session=;/);
    const after = await call(app, 'GET', '/api/auth/session', { session });
    expect(after.status).toBe(401);
  });

  it('records logins and failures in the append-only audit trail', async () => {
    const buyer = await createBuyer(database.db);
    await call(app, 'POST', '/api/auth/login', { body: { email: buyer.email, password: 'bad' } });
    await login(app, buyer.email, TEST_PASSWORD);
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId'])
      .where(sql`details->>'email'`, '=', buyer.email)
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.action)).toEqual(['auth.login_failed', 'auth.login']);
    await expect(database.db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only/);
    await expect(
      database.db.updateTable('auditEvents').set({ action: 'rewritten' }).execute(),
    ).rejects.toThrow(/append-only/);
  });
});
