/** Chaos helpers: API instances as separate processes, and buyers that retry as a real client would. */

import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@jadelive/server/db/database';
import { findFreePort } from '@jadelive/server/db/embedded';
import { sql } from 'kysely';
import type { Buyer } from './flashsale-world';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_CLI = path.join(ROOT, 'packages/server/src/cli/start.ts');
/** No request may take longer than this: one that does counts as a hang. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface ApiProcess {
  origin: string;
  pid: number;
  alive(): boolean;
  /** SIGKILL: no drain, no goodbye, in-flight requests and transactions cut. */
  kill9(): void;
  stop(): Promise<void>;
  stderrTail(): string;
}

/**
 * `pnpm start`'s entry point in its own Node process (not a tsx wrapper, so a kill reaches the
 * server itself), production mode, on a free loopback port; resolves once /api/health answers.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER_CLI], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      LIVEKIT_DEV: 'false',
      UPLOAD_DIR: path.join(tmpdir(), 'jadelive-chaos-uploads'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-3000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!alive()) throw new Error(`API process exited at start:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not answer within 90 s:\n${stderr}`);
    }
    const ok = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await sleep(200);
  }
  return {
    origin,
    pid: child.pid ?? 0,
    alive,
    kill9: () => child.kill('SIGKILL'),
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(forced);
    },
    stderrTail: () => stderr,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  status: number;
  json: any;
  ms: number;
}

/** One request; a network failure or a timeout is an answer with status 0 (-1 for a timeout). */
export async function request(
  origin: string,
  method: string,
  route: string,
  who?: Buyer,
  body?: unknown,
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (who) {
    headers.cookie = who.cookie;
    headers['x-csrf-token'] = who.csrfToken;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${origin}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json, ms: performance.now() - started };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { status: timedOut ? -1 : 0, json: String(error), ms: performance.now() - started };
  }
}

/** Has the shared error shape: `{error: {code, message, requestId}}`. */
export const hasErrorShape = (json: any, code?: string) =>
  typeof json?.error?.code === 'string' &&
  typeof json.error.message === 'string' &&
  typeof json.error.requestId === 'string' &&
  (code === undefined || json.error.code === code);

export interface CrowdStats {
  statuses: Record<string, number>;
  /** Requests that got no answer within REQUEST_TIMEOUT_MS. */
  hangs: number;
  /** 5xx answers without the error shape. */
  shapelessErrors: number;
  retries: number;
}

export interface BuyerResult {
  userId: string;
  /** The order a 201 (or its replay) answered with. */
  orderId: string | null;
  created201: boolean;
  refused: string | null;
  /** The client saw its payment succeed. */
  paid: boolean;
  gaveUp: string | null;
}

/**
 * Sends one logical request until it gets a definite answer: on a network failure, a timeout or a
 * 5xx the client tries the next instance (the same body, so the same idempotency key), with a short
 * pause, until `deadline`.
 */
async function reliably(
  origins: () => string[],
  first: number,
  stats: CrowdStats,
  method: string,
  route: string,
  who: Buyer,
  body: unknown,
  deadline: number,
): Promise<Answer | null> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const list = origins();
    const origin = list[(first + attempt) % list.length] as string;
    const answer = await request(origin, method, route, who, body);
    stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
    if (answer.status === -1) stats.hangs++;
    if (answer.status >= 500 && !hasErrorShape(answer.json)) stats.shapelessErrors++;
    if (answer.status > 0 && answer.status < 500) return answer;
    stats.retries++;
    await sleep(Math.min(1_000, 100 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
  }
  return null;
}

/**
 * Every buyer grabs once from the sale and pays what it got, `concurrency` at a time, spread over
 * the instances. `onOrder` sees the running count of 201s (the chaos is triggered from it).
 */
export async function runRetryingCrowd(input: {
  origins: () => string[];
  saleId: string;
  buyers: Buyer[];
  keyPrefix: string;
  concurrency: number;
  deadlineMs: number;
  onOrder?: (created: number) => void;
}): Promise<{ results: BuyerResult[]; stats: CrowdStats }> {
  const stats: CrowdStats = { statuses: {}, hangs: 0, shapelessErrors: 0, retries: 0 };
  const deadline = Date.now() + input.deadlineMs;
  const results: BuyerResult[] = [];
  let created = 0;
  let next = 0;
  const one = async (index: number) => {
    const who = input.buyers[index] as Buyer;
    const result: BuyerResult = {
      userId: who.userId,
      orderId: null,
      created201: false,
      refused: null,
      paid: false,
      gaveUp: null,
    };
    results.push(result);
    const go = (method: string, route: string, body?: unknown) =>
      reliably(input.origins, index, stats, method, route, who, body, deadline);
    const grab = await go('POST', `/api/flash-sales/${input.saleId}/grab`, {
      idempotencyKey: `${input.keyPrefix}${index}`,
    });
    if (!grab) {
      result.gaveUp = 'grab';
      return;
    }
    if (grab.status !== 201 && grab.status !== 200) {
      result.refused = grab.json?.error?.details?.reason ?? grab.json?.error?.code ?? String(grab.status);
      return;
    }
    result.orderId = grab.json.id;
    result.created201 = grab.status === 201;
    input.onOrder?.(++created);
    let pay = await go('POST', `/api/orders/${result.orderId}/pay`, {});
    if (pay?.status === 409 && pay.json?.error?.details?.reason === 'shipping_address_required') {
      // Paying needs a shipping address from the buyer's book: add one, put it on the order.
      const added = await go(
        'POST',
        '/api/addresses',
        await shippingAddress(() => go('GET', '/api/regions')),
      );
      const chosen =
        added?.status === 201
          ? await go('PUT', `/api/orders/${result.orderId}/shipping-address`, { addressId: added.json.id })
          : added;
      if (chosen?.status !== 200) {
        result.gaveUp = `address ${chosen?.status}: ${chosen?.json?.error?.message ?? ''}`;
        return;
      }
      pay = await go('POST', `/api/orders/${result.orderId}/pay`, {});
    }
    if (!pay) {
      result.gaveUp = 'pay';
      return;
    }
    if (pay.status === 409 && pay.json?.error?.details?.status === 'paid') {
      result.paid = true;
      return;
    }
    if (pay.status !== 200) {
      result.gaveUp = `pay ${pay.status}: ${pay.json?.error?.message ?? ''}`;
      return;
    }
    const done = await go('POST', `/api/payments/sandbox/${pay.json.id}/complete`, { outcome: 'success' });
    if (!done) {
      result.gaveUp = 'complete';
      return;
    }
    // A 409 "already succeeded" is the answer to a retry whose first attempt went through.
    result.paid =
      (done.status === 200 && done.json?.order?.status === 'paid') ||
      (done.status === 409 && done.json?.error?.details?.status === 'succeeded');
    if (!result.paid) result.gaveUp = `complete ${done.status}`;
  };
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (next < input.buyers.length) await one(next++);
    }),
  );
  return { results, stats };
}

let addressBody: Record<string, unknown> | null = null;

/**
 * A valid address body: the first district of the region tree the API itself serves, read with
 * the crowd's retries (an instance may be down) and kept only once it was read.
 */
async function shippingAddress(readRegions: () => Promise<Answer | null>) {
  if (addressBody) return addressBody;
  const answer = await readRegions();
  const province = answer?.status === 200 ? answer.json?.provinces?.[0] : undefined;
  const city = province?.cities?.[0];
  if (!province || !city) return null;
  addressBody = {
    recipientName: '压测买家',
    mobile: '13800138000',
    provinceCode: province.code,
    cityCode: city.code,
    districtCode: city.districts?.[0]?.code ?? null,
    detail: '解放碑步行街 1 号',
  };
  return addressBody;
}

/** What the database holds after a sale, against what the clients were told. */
export async function saleFacts(db: Database, saleId: string, stock: number, results: BuyerResult[]) {
  const rows = await sql<{ id: string; buyerUserId: string; status: string; succeededPayments: number }>`
    select o.id, o.buyer_user_id as "buyerUserId", o.status,
           (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded')::int
             as "succeededPayments"
      from orders o where o.flash_sale_id = ${saleId}`.execute(db);
  const sale = await sql<{
    remaining: number;
  }>`select remaining from flash_sales where id = ${saleId}`.execute(db);
  const orders = new Map(rows.rows.map((row) => [row.id, row]));
  const perBuyer = new Map<string, number>();
  for (const row of rows.rows) perBuyer.set(row.buyerUserId, (perBuyer.get(row.buyerUserId) ?? 0) + 1);
  const told = results.filter((r) => r.orderId);
  const remaining = sale.rows[0]?.remaining ?? Number.NaN;
  return {
    stock,
    ordersInDatabase: rows.rows.length,
    remaining,
    oversold: Math.max(0, rows.rows.length - stock),
    stockConsistent: rows.rows.length + remaining === stock,
    clientsTold201: results.filter((r) => r.created201).length,
    clientsWithOrder: told.length,
    ordersToldButMissing: told.filter((r) => !orders.has(r.orderId as string)).length,
    buyersWithTwoOrders: [...perBuyer.values()].filter((n) => n > 1).length,
    clientsSawPaid: results.filter((r) => r.paid).length,
    paidOrdersLost: results.filter((r) => r.paid && orders.get(r.orderId as string)?.status !== 'paid')
      .length,
    ordersChargedTwice: rows.rows.filter((row) => row.succeededPayments > 1).length,
    paidInDatabase: rows.rows.filter((row) => row.status === 'paid').length,
    refusals: countBy(results.map((r) => r.refused).filter((r): r is string => r !== null)),
    clientsGaveUp: countBy(results.map((r) => r.gaveUp).filter((r): r is string => r !== null)),
  };
}

const countBy = (values: string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};
