/** The world of the flash-sale benchmark: seeded data, the crowd, the ceiling, LiveKit counter. */

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Database } from '@jadelive/server/db/database';
import { hashToken, randomToken } from '@jadelive/server/lib/tokens';
import { sql } from 'kysely';

export const BUYERS = Number(process.env.BENCH_BUYERS ?? 2_000);
/**
 * Pieces of the sustained sale, the one compared with the ceiling: enough that the sale lasts
 * many round trips, so its orders/s is a rate as the ceiling's is (3,000 updates), not the
 * latency of the first two batches.
 */
export const STOCK = Number(process.env.BENCH_STOCK ?? 1_000);
/** Pieces of the short sale: the usual live drop, over within a few round trips. */
export const SHORT_STOCK = Number(process.env.BENCH_SHORT_STOCK ?? 100);
/** Connections of the API's database pool, and of the bare-UPDATE ceiling. */
export const DB_POOL = Number(process.env.BENCH_DB_POOL ?? 32);
/** HTTP connections of the client (loopback). */
export const HTTP_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 64);
/** More on the shelf than the sale offers: the sale reserves its pieces from the listing. */
export const LISTING_SPARE = 20;
export const CEILING_UPDATES = Number(process.env.BENCH_CEILING_UPDATES ?? 3_000);

export interface Buyer {
  userId: string;
  cookie: string;
  csrfToken: string;
}

/** The bare hot-row decrement: as fast as one row can be updated and committed from DB_POOL connections. */
export async function bareUpdateCeiling(db: Database) {
  await sql`create table if not exists bench_ceiling (id int primary key, stock int not null) with (fillfactor = 50)`.execute(
    db,
  );
  await sql`insert into bench_ceiling values (1, ${CEILING_UPDATES})
    on conflict (id) do update set stock = excluded.stock`.execute(db);
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

/** How many buyers, and how many pieces each staged sale offers; the bench's figures by default. */
export interface WorldSizes {
  buyers: number;
  stock: number;
  shortStock: number;
  warmupBuyers: number;
}

export async function seed(
  db: Database,
  sizes: WorldSizes = {
    buyers: BUYERS,
    stock: STOCK,
    shortStock: SHORT_STOCK,
    warmupBuyers: HTTP_CONNECTIONS,
  },
) {
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
  const stage = async (title: string, saleStock: number) => {
    const stock = saleStock + LISTING_SPARE;
    const listing = await db
      .insertInto('listings')
      .values({
        sellerOrgId: seller.id,
        title,
        category: 'precious_metal',
        priceFen: 199_00,
        stock,
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
        title: `${title} 秒杀`,
        plannedStartAt: new Date(),
        status: 'live',
        pinnedListingId: listing.id,
        createdBy: host.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('liveSessionHosts').values({ sessionId: session.id, userId: host.id }).execute();
    return { listingId: listing.id, sessionId: session.id };
  };
  const sustained = await stage('足金转运珠', sizes.stock);
  const short = await stage('足金小金豆', sizes.shortStock);
  const warmup = await stage('足金平安扣（预热）', sizes.warmupBuyers);
  const direct = await stage('足金手链（进程内）', sizes.stock);

  // Buyers and their sessions in bulk: no password hashing, no 2,000 logins.
  const buyers: Buyer[] = [];
  const expiresAt = new Date(Date.now() + 3_600_000);
  const total = sizes.buyers + sizes.warmupBuyers;
  for (let offset = 0; offset < total; offset += 500) {
    const count = Math.min(500, total - offset);
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
    buyers.push(
      ...tokens.map(({ user, token, csrfToken }) => ({
        userId: user.id,
        cookie: `jl_session=${token}`,
        csrfToken,
      })),
    );
  }
  const hostToken = randomToken();
  const hostCsrf = randomToken(16);
  await db
    .insertInto('sessions')
    .values({ tokenHash: hashToken(hostToken), userId: host.id, csrfToken: hostCsrf, expiresAt })
    .execute();
  return {
    sustained: { ...sustained, stock: sizes.stock },
    short: { ...short, stock: sizes.shortStock },
    direct: { ...direct, stock: sizes.stock },
    host: { userId: host.id, cookie: `jl_session=${hostToken}`, csrfToken: hostCsrf },
    buyers: buyers.slice(0, sizes.buyers),
    warmup: { sessionId: warmup.sessionId, buyers: buyers.slice(sizes.buyers) },
  };
}

export interface CrowdResult {
  latencies: number[];
  statuses: Record<string, number>;
  /** Milliseconds after the first request was sent. */
  lastOrderAt: number;
  finishedAt: number;
}

/** Every buyer grabs once, all at once, through a bounded undici pool, on a worker thread. */
export function runCrowd(input: {
  origin: string;
  saleId: string;
  connections: number;
  buyers: Buyer[];
  /** Idempotency keys are per buyer: each sale's attempts need their own. */
  keyPrefix: string;
}) {
  const undiciPath = createRequire(import.meta.url).resolve('undici');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { Pool } = require(workerData.undiciPath);
    const pool = new Pool(workerData.origin, { connections: workerData.connections, pipelining: 1 });
    const latencies = [];
    const statuses = {};
    let lastOrderAt = 0;
    let started = 0;
    // Viewers in a live room are already connected (they poll and chat): every connection is
    // opened, and undici's HTTP parser compiled, before the clock starts.
    Promise.all(Array.from({ length: workerData.connections }, async () => {
      const response = await pool.request({ method: 'GET', path: '/api/health' });
      await response.body.text();
    })).then(() => {
      started = performance.now();
      return Promise.all(workerData.buyers.map(async (buyer, i) => {
      const sent = performance.now();
      const response = await pool.request({
        method: 'POST',
        path: '/api/flash-sales/' + workerData.saleId + '/grab',
        headers: { cookie: buyer.cookie, 'x-csrf-token': buyer.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: workerData.keyPrefix + i }),
      });
      await response.body.text();
      const done = performance.now();
      latencies.push(done - sent);
      statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1;
      if (response.statusCode === 201) lastOrderAt = Math.max(lastOrderAt, done - started);
    }));
    }).then(async () => {
      const finishedAt = performance.now() - started;
      await pool.close();
      parentPort.postMessage({ latencies, statuses, lastOrderAt, finishedAt });
    });
  `;
  return new Promise<CrowdResult>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { ...input, undiciPath } });
    worker.once('message', (result: CrowdResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

export const round = (value: number, digits: number) => Number(value.toFixed(digits));
