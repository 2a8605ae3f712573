import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';

// Two API processes' worth of state: separate apps, separate pools, real HTTP, one database.
let database: TestDatabase;
const servers: ReturnType<typeof serve>[] = [];
const baseUrls: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 2; i++) {
    const { app } = createTestApp(database.connect(4));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    baseUrls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await database.drop();
});

const post = (instance: number, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrls[instance]}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('two API instances on one database', () => {
  it('a session opened on one instance works on the other, and logout on the other ends it', async () => {
    const buyer = await createBuyer(database.db);
    const loggedIn = await post(0, '/api/auth/login', { email: buyer.email, password: TEST_PASSWORD });
    expect(loggedIn.status).toBe(200);
    const cookie = loggedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await loggedIn.json()) as { csrfToken: string };

    const onOther = await fetch(`${baseUrls[1]}/api/auth/session`, { headers: { cookie } });
    expect(onOther.status).toBe(200);

    const out = await post(1, '/api/auth/logout', {}, { cookie, 'x-csrf-token': csrfToken });
    expect(out.status).toBe(200);
    const afterLogout = await fetch(`${baseUrls[0]}/api/auth/session`, { headers: { cookie } });
    expect(afterLogout.status).toBe(401);
  });

  it('login throttling counts failures across instances', async () => {
    const buyer = await createBuyer(database.db);
    // Four failures from one address, alternating instances: that address now has to wait on both.
    for (let i = 0; i < 4; i++) {
      const response = await post(i % 2, '/api/auth/login', { email: buyer.email, password: 'wrong' });
      expect(response.status).toBe(401);
    }
    for (const instance of [0, 1]) {
      const blocked = await post(instance, '/api/auth/login', {
        email: buyer.email,
        password: TEST_PASSWORD,
      });
      expect(blocked.status).toBe(429);
    }
  });

  it('request rate limits are shared: sign-ups from one address are counted once across both', async () => {
    const ip = '192.0.2.200';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await post(
        i % 2,
        '/api/auth/signup',
        { email: `rl${i}.${Date.now()}@example.test`, password: 'long enough pw', displayName: 'r' },
        { 'x-forwarded-for': ip },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
