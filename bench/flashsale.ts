/**
 * Flash sale (秒杀) under a crowd: the API runs in-process on a loopback port against a fresh
 * database; BENCH_BUYERS distinct buyers (default 2,000) grab at once, over HTTP through a bounded
 * connection pool, from a sale of BENCH_STOCK pieces (default 100). Prints attempts, orders,
 * oversold (must be 0), orders/s, latency — and, in the same run on the same database, the
 * ceiling: a bare single-row `UPDATE t SET stock = stock - 1 WHERE stock > 0` loop from as many
 * connections as the API's pool, with the ratio of the two.
 *
 *   pnpm bench:flashsale        (uses TEST_DATABASE_URL / DATABASE_URL, else an embedded PostgreSQL)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createApp } from '@jadelive/server';
import { createDatabase as createDatabaseOnServer, dropDatabase } from '@jadelive/server/db/admin';
import { createDatabase, type Database } from '@jadelive/server/db/database';
import { startEmbeddedPostgres } from '@jadelive/server/db/embedded';
import { migrateToLatest } from '@jadelive/server/db/migrate';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createDiskImageStorage } from '@jadelive/server/lib/image-storage';
import { hashToken, randomToken } from '@jadelive/server/lib/tokens';
import { sql } from 'kysely';
import pino from 'pino';
import { Pool } from 'undici';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 2_000);
const STOCK = Number(process.env.BENCH_STOCK ?? 100);
/** Connections of the API's database pool, and of the bare-UPDATE ceiling. */
const DB_POOL = Number(process.env.BENCH_DB_POOL ?? 32);
/** HTTP connections of the client (loopback). */
const HTTP_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 64);
const CEILING_UPDATES = Number(process.env.BENCH_CEILING_UPDATES ?? 3_000);

interface Buyer {
  cookie: string;
  csrfToken: string;
}

async function main() {
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let cleanup = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-bench-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    serverUrl = embedded.url;
    cleanup = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const name = `jadelive_bench_${randomBytes(4).toString('hex')}`;
  const url = await createDatabaseOnServer(serverUrl, name);
  const db = createDatabase(url, DB_POOL);
  let server: ReturnType<typeof serve> | undefined;
  let client: Pool | undefined;
  try {
    await migrateToLatest(db);
    const world = await seed(db);
    const broadcasts = { sent: 0 };
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      mailer: { send: async () => {} },
      images: createDiskImageStorage(path.join(tmpdir(), 'jadelive-bench-uploads')),
      certificateLookups: [],
      livekit: countingLivekit(broadcasts),
      flagFeed: null,
      config: {
        publicUrl: 'http://127.0.0.1',
        sessionTtlHours: 24,
        cookieSecure: false,
        trustProxy: false,
        uploadDir: path.join(tmpdir(), 'jadelive-bench-uploads'),
      },
    });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server?.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new Pool(origin, { connections: HTTP_CONNECTIONS, pipelining: 1 });
    const http = client;

    const post = async (who: Buyer, route: string, body: unknown) => {
      const response = await http.request({
        method: 'POST',
        path: route,
        headers: {
          cookie: who.cookie,
          'x-csrf-token': who.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      const text = await response.body.text();
      return { status: response.statusCode, json: JSON.parse(text) };
    };

    const created = await post(world.host, `/api/live/sessions/${world.sessionId}/flash-sales`, {
      quantity: STOCK,
      priceFen: 99_00,
      durationSeconds: 600,
      perBuyerLimit: 1,
    });
    if (created.status !== 201) throw new Error(`flash sale not created: ${JSON.stringify(created.json)}`);
    const saleId = created.json.id as string;
    // Warm the connections and the code paths on a route that does not touch the sale.
    await Promise.all(
      Array.from({ length: HTTP_CONNECTIONS }, (_, i) =>
        http
          .request({ method: 'GET', path: `/api/flash-sales/${saleId}`, headers: { 'x-i': String(i) } })
          .then((r) => r.body.text()),
      ),
    );

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let lastOrderAt = 0;
    const started = performance.now();
    await Promise.all(
      world.buyers.map(async (buyer, i) => {
        const sent = performance.now();
        const result = await post(buyer, `/api/flash-sales/${saleId}/grab`, {
          idempotencyKey: `bench-grab-${i}`,
        });
        const done = performance.now();
        latencies.push(done - sent);
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        if (result.status === 201) lastOrderAt = Math.max(lastOrderAt, done);
      }),
    );
    const finished = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 400));

    const facts = await sql<{ orders: number; remaining: number; listingStock: number; buyers: number }>`
      select (select count(*) from orders where flash_sale_id = ${saleId})::int as orders,
             (select count(distinct buyer_user_id) from orders where flash_sale_id = ${saleId})::int as buyers,
             (select remaining from flash_sales where id = ${saleId}) as remaining,
             (select stock from listings where id = ${world.listingId}) as "listingStock"`
      .execute(db)
      .then((r) => r.rows[0]);
    if (!facts) throw new Error('no facts');
    const ordersCreated = statuses.get(201) ?? 0;
    const saleSeconds = (lastOrderAt - started) / 1000;
    const ordersPerSecond = ordersCreated / saleSeconds;

    const ceiling = await bareUpdateCeiling(db);
    const { p50, p99 } = percentiles(latencies);
    const report = {
      bench: 'flashsale',
      attempts: world.buyers.length,
      distinctBuyers: world.buyers.length,
      stock: STOCK,
      ordersCreated,
      ordersInDatabase: facts.orders,
      distinctBuyersWithOrders: facts.buyers,
      oversold: Math.max(0, facts.orders - STOCK),
      remainingAfter: facts.remaining,
      stockConsistent:
        facts.orders + facts.remaining === STOCK && facts.listingStock === world.listingStockAfterReserve,
      statuses: Object.fromEntries(statuses),
      secondsUntilSoldOut: round(saleSeconds, 3),
      secondsForAllAttempts: round((finished - started) / 1000, 3),
      ordersPerSecond: round(ordersPerSecond, 1),
      attemptsPerSecond: round(world.buyers.length / ((finished - started) / 1000), 1),
      latencyMs: {
        p50: round(p50, 1),
        p99: round(p99, 1),
        note: 'from request issue, including the wait for one of the client connections',
      },
      roomUpdatesSent: broadcasts.sent,
      ceiling: {
        what: 'bare UPDATE t SET stock = stock - 1 WHERE stock > 0 RETURNING stock, autocommit, same database',
        connections: DB_POOL,
        updates: ceiling.updates,
        updatesPerSecond: round(ceiling.perSecond, 1),
      },
      ratioOfCeiling: round(ordersPerSecond / ceiling.perSecond, 3),
      setup: {
        dbPool: DB_POOL,
        httpConnections: HTTP_CONNECTIONS,
        cpus: (await import('node:os')).cpus().length,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    if (report.oversold > 0 || !report.stockConsistent) process.exitCode = 1;
  } finally {
    await client?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await db.destroy();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${url}`);
    else await dropDatabase(serverUrl, name);
    await cleanup();
  }
}

/** The bare hot-row decrement: as fast as one row can be updated and committed from DB_POOL connections. */
async function bareUpdateCeiling(db: Database) {
  await sql`create table bench_ceiling (id int primary key, stock int not null) with (fillfactor = 50)`.execute(
    db,
  );
  await sql`insert into bench_ceiling values (1, ${CEILING_UPDATES})`.execute(db);
  let updates = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DB_POOL }, async () => {
      for (;;) {
        const result = await sql<{ stock: number }>`
          update bench_ceiling set stock = stock - 1 where id = 1 and stock > 0 returning stock`.execute(db);
        if (result.rows.length === 0) return;
        updates++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { updates, perSecond: updates / seconds };
}

async function seed(db: Database) {
  const seller = await db
    .insertInto('organizations')
    .values({ kind: 'seller', name: '秒杀测试商家', slug: `bench-seller-${randomBytes(3).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const host = await db
    .insertInto('users')
    .values({
      email: 'host@bench.test',
      passwordHash: 'no-login',
      displayName: '主播',
      organizationId: seller.id,
      role: 'host',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const initialStock = STOCK + 20;
  const listing = await db
    .insertInto('listings')
    .values({
      sellerOrgId: seller.id,
      title: '足金转运珠',
      category: 'precious_metal',
      priceFen: 199_00,
      stock: initialStock,
      status: 'published',
      purityMark: '足金',
      metalWeightMg: 1_000,
      publishedAt: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto('liveSessions')
    .values({
      sellerOrgId: seller.id,
      title: '秒杀压测',
      plannedStartAt: new Date(),
      status: 'live',
      pinnedListingId: listing.id,
      createdBy: host.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('liveSessionHosts').values({ sessionId: session.id, userId: host.id }).execute();

  // Buyers and their sessions in bulk: no password hashing, no 2,000 logins.
  const buyers: Buyer[] = [];
  const expiresAt = new Date(Date.now() + 3_600_000);
  for (let offset = 0; offset < BUYERS; offset += 500) {
    const count = Math.min(500, BUYERS - offset);
    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `buyer${offset + i}@bench.test`,
          passwordHash: 'no-login',
          displayName: `买家${offset + i}`,
        })),
      )
      .returning('id')
      .execute();
    const tokens = users.map((user) => ({ user, token: randomToken(), csrfToken: randomToken(16) }));
    await db
      .insertInto('sessions')
      .values(
        tokens.map(({ user, token, csrfToken }) => ({
          tokenHash: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt,
        })),
      )
      .execute();
    buyers.push(...tokens.map(({ token, csrfToken }) => ({ cookie: `jl_session=${token}`, csrfToken })));
  }
  const hostToken = randomToken();
  const hostCsrf = randomToken(16);
  await db
    .insertInto('sessions')
    .values({ tokenHash: hashToken(hostToken), userId: host.id, csrfToken: hostCsrf, expiresAt })
    .execute();
  return {
    listingId: listing.id,
    listingStockAfterReserve: initialStock - STOCK,
    sessionId: session.id,
    host: { cookie: `jl_session=${hostToken}`, csrfToken: hostCsrf },
    buyers,
  };
}

/** LiveKit as far as room data goes: counts what the throttled announcer sends. */
function countingLivekit(counter: { sent: number }): LiveKitGateway {
  const unused = () => {
    throw new Error('not used by the benchmark');
  };
  return {
    url: 'ws://127.0.0.1:1',
    createRoom: unused,
    deleteRoom: unused,
    listRooms: unused,
    listParticipants: unused,
    removeParticipant: unused,
    setPublishSources: unused,
    mintToken: unused,
    receiveWebhook: unused,
    async sendData() {
      counter.sent++;
    },
  };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

await main();
