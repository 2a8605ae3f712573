import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { CONNECT_TIMEOUT_MS, createDatabase, type Database } from '@jadelive/server/db/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import { buyerSession } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The app reaches PostgreSQL through a loopback TCP proxy this file controls, so "the database
 * went away" is real (refused connections, connections cut mid-query, a peer that accepts and then
 * never answers) without touching the shared server the other test files use.
 */
type Mode = 'forward' | 'stall' | 'blackhole';

class PostgresProxy {
  mode: Mode = 'forward';
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => {});
      if (this.mode === 'blackhole') return;
      const upstream = connect(this.upstreamPort, this.upstreamHost);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('data', (chunk) => {
        // A stalled proxy swallows queries: the request is in flight when the line is cut.
        if (this.mode !== 'stall') upstream.write(chunk);
      });
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** PostgreSQL is gone: new connections are refused and open ones are cut. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let database: TestDatabase;
let proxy: PostgresProxy;
let proxied: Database;
let app: TestApp;
let buyer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  const upstream = new URL(database.url);
  proxy = new PostgresProxy(upstream.hostname, Number(upstream.port || 5432));
  await proxy.open();
  const viaProxy = new URL(database.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  proxied = createDatabase(viaProxy.toString(), 4);
  ({ app } = createTestApp(proxied));
  buyer = await buyerSession(database.db);
});
afterAll(async () => {
  await proxy.close();
  await proxied.destroy();
  await database.drop();
});

const timed = async <T>(request: () => Promise<T>) => {
  const started = performance.now();
  const result = await request();
  return { ...result, ms: performance.now() - started };
};

const expectUnavailable = (response: { status: number; json: unknown; headers: Headers }) => {
  expect(response.status).toBe(503);
  expectErrorShape(response.json, 'SERVICE_UNAVAILABLE');
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
};

describe('the API while PostgreSQL is unreachable', () => {
  it('answers 503 with the error shape at once, for signed-in and public routes, and recovers by itself', async () => {
    const before = await call(app, 'GET', '/api/orders', { session: buyer });
    expect(before.status).toBe(200);

    proxy.mode = 'forward';
    await proxy.close();
    const orders = await timed(() => call(app, 'GET', '/api/orders', { session: buyer }));
    expectUnavailable(orders);
    expect(orders.ms).toBeLessThan(2_000);
    const sale = await timed(() => call(app, 'GET', `/api/flash-sales/${randomUUID()}`));
    expectUnavailable(sale);
    const grab = await timed(() =>
      call(app, 'POST', `/api/flash-sales/${randomUUID()}/grab`, {
        session: buyer,
        body: { idempotencyKey: 'while-down' },
      }),
    );
    expectUnavailable(grab);
    const health = await call(app, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expectErrorShape(health.json, 'SERVICE_UNAVAILABLE');

    // Back on the same address: the pool opens fresh connections, nothing to restart.
    await proxy.open();
    const after = await call(app, 'GET', '/api/orders', { session: buyer });
    expect(after.status).toBe(200);
  });

  it('a request whose connection is cut mid-query answers 503, and the next one works', async () => {
    expect((await call(app, 'GET', '/api/orders', { session: buyer })).status).toBe(200);
    proxy.mode = 'stall';
    const inFlight = timed(() => call(app, 'GET', '/api/orders', { session: buyer }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await proxy.close();
    const cut = await inFlight;
    expectUnavailable(cut);
    expect(cut.ms).toBeLessThan(2_000);

    proxy.mode = 'forward';
    await proxy.open();
    expect((await call(app, 'GET', '/api/orders', { session: buyer })).status).toBe(200);
  });

  it('a server that accepts but never answers costs at most the connect timeout, then 503', async () => {
    await proxy.close();
    // Let the pool notice its cut connections, so the request has to open a new one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    proxy.mode = 'blackhole';
    await proxy.open();
    const hung = await timed(() => call(app, 'GET', '/api/orders', { session: buyer }));
    expectUnavailable(hung);
    expect(hung.ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    expect(hung.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 3_000);

    await proxy.close();
    proxy.mode = 'forward';
    await proxy.open();
    expect((await call(app, 'GET', '/api/orders', { session: buyer })).status).toBe(200);
  }, 20_000);
});
