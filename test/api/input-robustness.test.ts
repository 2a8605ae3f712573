import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let admin: Session;
/** One caller of every kind, so each route's handler runs past its access check. */
let callers: Record<string, Session>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  const platform = await createTenant(database.db, 'platform', ['owner']);
  admin = await login(app, platform.members.owner.email, TEST_PASSWORD);
  const seller = await createTenant(database.db, 'seller', ['owner', 'host']);
  const lab = await createTenant(database.db, 'lab', ['owner']);
  const operator = await createTenant(database.db, 'cluster_operator', ['owner']);
  const regulator = await createTenant(database.db, 'regulator', ['owner']);
  const buyer = await createBuyer(database.db);
  callers = {
    seller: await login(app, seller.members.owner.email, TEST_PASSWORD),
    host: await login(app, seller.members.host.email, TEST_PASSWORD),
    lab: await login(app, lab.members.owner.email, TEST_PASSWORD),
    operator: await login(app, operator.members.owner.email, TEST_PASSWORD),
    regulator: await login(app, regulator.members.owner.email, TEST_PASSWORD),
    buyer: await login(app, buyer.email, TEST_PASSWORD),
  };
});
afterAll(() => database.drop());

describe('bad input answers 4xx with the error shape', () => {
  it('malformed JSON', async () => {
    const response = await call(app, 'POST', '/api/auth/login', { rawBody: '{"email": "a@b.c",' });
    expect(response.status).toBe(400);
    expectErrorShape(response.json, 'MALFORMED_JSON');
  });

  it('wrong types, listing every issue', async () => {
    const response = await call(app, 'POST', '/api/auth/login', { body: { email: 42, password: ['x'] } });
    expect(response.status).toBe(400);
    expectErrorShape(response.json, 'VALIDATION_FAILED');
    const paths = response.json.error.details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('unknown fields', async () => {
    const response = await call(app, 'POST', '/api/auth/signup', {
      body: { email: 'x@example.test', password: 'long enough pw', displayName: 'x', isAdmin: true },
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.json, 'VALIDATION_FAILED');
    const user = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'x@example.test')
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it('oversized bodies', async () => {
    const response = await call(app, 'POST', '/api/auth/login', {
      rawBody: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expectErrorShape(response.json, 'PAYLOAD_TOO_LARGE');
  });

  it('bad path parameters and query strings', async () => {
    const badId = await call(app, 'DELETE', '/api/org/tokens/not-a-uuid', { session: admin });
    expect(badId.status).toBe(400);
    expectErrorShape(badId.json, 'VALIDATION_FAILED');
    const badQuery = await call(app, 'GET', '/api/audit?limit=lots', { session: admin });
    expect(badQuery.status).toBe(400);
    expectErrorShape(badQuery.json, 'VALIDATION_FAILED');
  });

  it('NUL characters in bodies and query strings', async () => {
    const body = await call(app, 'POST', '/api/auth/signup', {
      body: { email: 'nul@example.test', password: 'long enough pw', displayName: 'a\u0000b' },
    });
    expect(body.status).toBe(400);
    expectErrorShape(body.json, 'VALIDATION_FAILED');
    const query = await call(app, 'GET', '/api/catalog?q=%00abc');
    expect(query.status).toBe(400);
  });

  it('over a real socket: declared sizes, chunked, NUL and malformed bodies', async () => {
    // The Node adapter path (Content-Length checked from the header, body read once) that
    // app.request() never takes.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = async (body: string | ReadableStream<Uint8Array>, chunked = false) => {
      const response = await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        ...(chunked ? { duplex: 'half' } : {}),
      } as RequestInit);
      return { status: response.status, json: await response.json() };
    };
    const huge = JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2 * 1024 * 1024) });
    try {
      const declared = await post(huge);
      expect(declared.status).toBe(413);
      expectErrorShape(declared.json, 'PAYLOAD_TOO_LARGE');
      // Chunked: no declared size, so the counting reader runs (its 413 is covered in-process).
      const chunked = await post(new Blob(['{"email": "a@b.c",']).stream(), true);
      expect(chunked.status).toBe(400);
      expectErrorShape(chunked.json, 'MALFORMED_JSON');
      const nul = await post(JSON.stringify({ email: 'a\u0000@example.test', password: 'x' }));
      expect(nul.status).toBe(400);
      expectErrorShape(nul.json, 'VALIDATION_FAILED');
      const malformed = await post('{"email": "a@b.c",');
      expect(malformed.status).toBe(400);
      expectErrorShape(malformed.json, 'MALFORMED_JSON');
      const wrongPassword = await post(
        JSON.stringify({ email: 'nobody@example.test', password: 'wrong pw' }),
      );
      expect(wrongPassword.status).toBe(401);
      expectErrorShape(wrongPassword.json, 'INVALID_CREDENTIALS');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('unknown API routes answer 404 with the shape', async () => {
    const response = await call(app, 'GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expectErrorShape(response.json, 'NOT_FOUND');
  });
});

describe('no documented route answers 5xx to junk', () => {
  const JUNK_BODIES = [
    '{',
    '[]',
    '"text"',
    'null',
    '{"unexpected": true}',
    '{"email": {"$gt": ""}}',
    '\u0000',
  ];
  const JUNK_PARAMS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%27%3B--', 'x'.repeat(300)];

  async function documentedOperations() {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() })),
    );
  }

  /** Sends every junk body to every operation with every path value; returns what answered 5xx. */
  async function fuzz(sessions: (Session | undefined)[], params: string[], bodies: string[]) {
    const failures: string[] = [];
    const operations = await documentedOperations();
    // A few operations at a time: every call waits on PostgreSQL, so the sweep grows with the API
    // without growing the wall time as fast. Each operation's own calls stay in order.
    const fuzzOperation = async ({ path, method }: { path: string; method: string }) => {
      for (const param of params) {
        const concrete = path.replace(/\{[^}]+\}/g, param);
        for (const session of sessions) {
          for (const rawBody of method === 'GET' ? [undefined] : bodies) {
            const response = await call(app, method, `${concrete}?limit=-1&before=abc&junk=%FF`, {
              session,
              rawBody,
            });
            if (response.status >= 500)
              failures.push(`${method} ${concrete} ${rawBody} -> ${response.status}`);
            else if (response.status >= 400)
              expect(response.json?.error?.code, `${method} ${concrete}`).toBeTypeOf('string');
          }
        }
      }
    };
    const queue = [...operations];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await fuzzOperation(next);
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return failures;
  }

  it('for every operation in the OpenAPI document, signed in and anonymous', async () => {
    expect((await documentedOperations()).length).toBeGreaterThan(15);
    expect(await fuzz([admin, undefined], JUNK_PARAMS, JUNK_BODIES)).toEqual([]);
  }, 120_000);

  it('past the access check: as a seller, host, lab, operator, regulator and buyer, with empty bodies too', async () => {
    const params = ['not-a-uuid', '00000000-0000-0000-0000-000000000000'];
    expect(await fuzz(Object.values(callers), params, [...JUNK_BODIES, '{}'])).toEqual([]);
  }, 120_000);
});
