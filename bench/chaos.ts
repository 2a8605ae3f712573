/**
 * Faults on purpose, everything real and on loopback: its own embedded PostgreSQL (never the
 * machine's own server), API instances as separate Node processes, a local livekit-server, and
 * Chromium for the live-room clients. Every loop and wait is bounded. Prints one JSON line per
 * scenario with the measured facts and `pass`; exits non-zero when one fails.
 *
 *   (a) kill-api        kill -9 one of two API instances in the middle of a flash sale
 *   (b) restart-postgres PostgreSQL stopped and started again in the middle of a sale
 *   (c) restart-livekit livekit-server killed and restarted during a live session
 *   (d) drop-webhooks   every LiveKit webhook of a session lost
 *
 *   pnpm chaos                      all four
 *   pnpm chaos kill-api drop-webhooks   some of them
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedDatabase, findFreePort, startEmbeddedPostgres } from '@jadelive/server/db/embedded';
import {
  type ApiProcess,
  hasErrorShape,
  request,
  runRetryingCrowd,
  saleFacts,
  sleep,
  startApiProcess,
} from './chaos-api';
import { dropWebhooks, restartLivekit } from './chaos-live';
import { type Buyer, seed } from './flashsale-world';
import { openScratchDatabase, type ScratchDatabase } from './scratch-database';

const BUYERS = Number(process.env.CHAOS_BUYERS ?? 400);
const STOCK = Number(process.env.CHAOS_STOCK ?? 150);
const CONCURRENCY = 48;
const API_POOL = '12';
/** How long a crowd may take, chaos included, before its stragglers give up. */
const CROWD_DEADLINE_MS = 90_000;
/** PostgreSQL stays away this long in (b), while the API is probed. */
const POSTGRES_DOWN_MS = 4_000;

type World = Awaited<ReturnType<typeof seed>>;
interface Context {
  pg: { embedded: EmbeddedDatabase; dataDir: string; port: number };
  scratch: ScratchDatabase;
  world: World;
}

const SCENARIOS: Record<string, (ctx: Context) => Promise<Record<string, unknown>>> = {
  'kill-api': killApiInstance,
  'restart-postgres': restartPostgres,
  'restart-livekit': (ctx) => restartLivekit(ctx.scratch),
  'drop-webhooks': (ctx) => dropWebhooks(ctx.scratch),
};

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
  for (const name of wanted) if (!(name in SCENARIOS)) throw new Error(`unknown scenario ${name}`);
  const names = wanted.length > 0 ? wanted : Object.keys(SCENARIOS);

  const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-chaos-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await findFreePort();
  const embedded = await startEmbeddedPostgres({ dataDir, port });
  const pg = { embedded, dataDir, port };
  let scratch: ScratchDatabase | null = null;
  try {
    scratch = await openScratchDatabase(4, embedded.url);
    const world = await seed(scratch.db, {
      buyers: BUYERS,
      stock: STOCK,
      shortStock: STOCK,
      warmupBuyers: 1,
    });
    const ctx: Context = { pg, scratch, world };
    for (const name of names) {
      const started = performance.now();
      let report: Record<string, unknown>;
      try {
        report = await (SCENARIOS[name] as (ctx: Context) => Promise<Record<string, unknown>>)(ctx);
      } catch (error) {
        report = { pass: false, error: (error as Error).stack ?? String(error) };
      }
      const line: Record<string, unknown> = {
        scenario: name,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        ...report,
      };
      console.log(JSON.stringify(line));
      if (line.pass !== true) process.exitCode = 1;
    }
  } finally {
    await scratch?.close().catch(() => {});
    await pg.embedded.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Two API processes; the host opens a sale of STOCK pieces on the first. */
async function twoInstancesAndASale(ctx: Context, stage: { sessionId: string }) {
  const instances: ApiProcess[] = [];
  const env = { DATABASE_URL: ctx.scratch.url, DATABASE_POOL_SIZE: API_POOL };
  instances.push(await startApiProcess(env), await startApiProcess(env));
  const host: Buyer = ctx.world.host;
  const created = await request(
    (instances[0] as ApiProcess).origin,
    'POST',
    `/api/live/sessions/${stage.sessionId}/flash-sales`,
    host,
    { quantity: STOCK, priceFen: 99_00, durationSeconds: 600, perBuyerLimit: 1 },
  );
  if (created.status !== 201) throw new Error(`flash sale not created: ${JSON.stringify(created.json)}`);
  return { instances, saleId: created.json.id as string };
}

/**
 * (a) A crowd grabs and pays through both instances; when a quarter of the stock is sold, one
 * instance is killed with SIGKILL. Clients whose request failed retry on the survivor with the
 * same idempotency key.
 */
async function killApiInstance(ctx: Context) {
  const { instances, saleId } = await twoInstancesAndASale(ctx, ctx.world.sustained);
  const [victim, survivor] = instances as [ApiProcess, ApiProcess];
  let killedAtOrders: number | null = null;
  try {
    const crowd = await runRetryingCrowd({
      origins: () => (victim.alive() ? [victim.origin, survivor.origin] : [survivor.origin]),
      saleId,
      buyers: ctx.world.buyers,
      keyPrefix: 'chaos-kill-',
      concurrency: CONCURRENCY,
      deadlineMs: CROWD_DEADLINE_MS,
      onOrder: (created) => {
        if (killedAtOrders === null && created >= Math.floor(STOCK / 4)) {
          killedAtOrders = created;
          victim.kill9();
        }
      },
    });
    const facts = await saleFacts(ctx.scratch.db, saleId, STOCK, crowd.results);
    const checks = {
      killed: killedAtOrders !== null && !victim.alive(),
      survivorServed: survivor.alive(),
      zeroOversold: facts.oversold === 0 && facts.stockConsistent,
      every201Exists: facts.ordersToldButMissing === 0,
      onePerBuyer: facts.buyersWithTwoOrders === 0,
      noPaidOrderLost: facts.paidOrdersLost === 0,
      noneChargedTwice: facts.ordersChargedTwice === 0,
      everyClientAnswered: Object.keys(facts.clientsGaveUp).length === 0,
      soldOut: facts.ordersInDatabase === STOCK,
    };
    return {
      pass: Object.values(checks).every(Boolean),
      checks,
      killedAfterOrders: killedAtOrders,
      buyers: ctx.world.buyers.length,
      ...facts,
      http: crowd.stats,
    };
  } finally {
    for (const instance of instances) await instance.stop();
  }
}

/**
 * (b) A crowd grabs and pays through two instances; when a quarter of the stock is sold,
 * PostgreSQL is stopped (fast shutdown: sessions terminated), the API is probed while it is away,
 * and it is started again on the same port. Clients retry 503s and failures as in (a).
 */
async function restartPostgres(ctx: Context) {
  const { instances, saleId } = await twoInstancesAndASale(ctx, ctx.world.short);
  const probes: { route: string; status: number; ms: number; errorShape: boolean; code: string | null }[] =
    [];
  let restart: Promise<void> | null = null;
  let backAfterMs: number | null = null;
  let firstAnswerAfterRestartMs: number | null = null;
  const buyer = ctx.world.warmup.buyers[0] as Buyer;
  const bounce = async () => {
    await ctx.pg.embedded.stop();
    const downAt = performance.now();
    while (performance.now() - downAt < POSTGRES_DOWN_MS) {
      for (const instance of instances) {
        for (const [route, who] of [
          ['/api/orders', buyer],
          [`/api/flash-sales/${saleId}`, undefined],
        ] as const) {
          const answer = await request(instance.origin, 'GET', route, who);
          probes.push({
            route: route.replace(saleId, ':id'),
            status: answer.status,
            ms: Math.round(answer.ms),
            errorShape: hasErrorShape(answer.json, 'SERVICE_UNAVAILABLE'),
            code: answer.json?.error?.code ?? null,
          });
        }
      }
      await sleep(250);
    }
    ctx.pg.embedded = await startEmbeddedPostgres({ dataDir: ctx.pg.dataDir, port: ctx.pg.port });
    const upAt = performance.now();
    backAfterMs = Math.round(upAt - downAt);
    // Bounded: the API must answer from the database again within 30 s, by itself.
    while (performance.now() - upAt < 30_000) {
      const answers = await Promise.all(
        instances.map((instance) => request(instance.origin, 'GET', '/api/orders', buyer)),
      );
      if (answers.every((answer) => answer.status === 200)) {
        firstAnswerAfterRestartMs = Math.round(performance.now() - upAt);
        break;
      }
      await sleep(100);
    }
  };
  try {
    const crowd = await runRetryingCrowd({
      origins: () => instances.map((instance) => instance.origin),
      saleId,
      buyers: ctx.world.buyers,
      keyPrefix: 'chaos-pg-',
      concurrency: CONCURRENCY,
      deadlineMs: CROWD_DEADLINE_MS,
      onOrder: (created) => {
        if (restart === null && created >= Math.floor(STOCK / 4)) restart = bounce();
      },
    });
    await restart;
    const facts = await saleFacts(ctx.scratch.db, saleId, STOCK, crowd.results);
    const probeMs = probes.map((probe) => probe.ms);
    const checks = {
      restarted: backAfterMs !== null,
      apiProcessesSurvived: instances.every((instance) => instance.alive()),
      answered503WithErrorShape: probes.length > 0 && probes.every((p) => p.status === 503 && p.errorShape),
      noHang: crowd.stats.hangs === 0 && Math.max(...probeMs) < 5_000,
      no5xxWithoutShape: crowd.stats.shapelessErrors === 0,
      recoveredByItself: firstAnswerAfterRestartMs !== null,
      zeroOversold: facts.oversold === 0 && facts.stockConsistent,
      every201Exists: facts.ordersToldButMissing === 0,
      onePerBuyer: facts.buyersWithTwoOrders === 0,
      noPaidOrderLost: facts.paidOrdersLost === 0,
      noneChargedTwice: facts.ordersChargedTwice === 0,
      everyClientAnswered: Object.keys(facts.clientsGaveUp).length === 0,
    };
    return {
      pass: Object.values(checks).every(Boolean),
      checks,
      postgresDownMs: backAfterMs,
      apiAnsweringAgainMsAfterStart: firstAnswerAfterRestartMs,
      probesWhileDown: {
        count: probes.length,
        statuses: [...new Set(probes.map((p) => p.status))],
        codes: [...new Set(probes.map((p) => p.code))],
        maxMs: Math.max(...probeMs),
        medianMs: probeMs.sort((a, b) => a - b)[Math.floor(probeMs.length / 2)],
      },
      ...facts,
      http: crowd.stats,
      apiStderr: instances.some((instance) => !instance.alive())
        ? instances.map((instance) => instance.stderrTail().slice(-800))
        : undefined,
    };
  } finally {
    for (const instance of instances) await instance.stop();
  }
}

await main();
