/**
 * The audit log under write load: two API instances' worth of writers (two connection pools, each
 * with its own sequencer candidate, as `startServer` runs one per instance) insert audit entries
 * through `recordAudit` for BENCH_SECONDS (default 30) with BENCH_WRITERS concurrent writers per
 * instance (default 8), while whichever instance holds the advisory lock numbers them into the
 * Merkle tree and signs checkpoints every AUDIT_CHECKPOINT_EVERY_MS (default 3,000).
 *
 * Baseline, same run, same database, same writers: the same single-row INSERT (same query builder)
 * into a plain table with the audit table's original columns and primary key only (no sequencing
 * column, index, triggers or sequencer), for the same time before and after the audit phase; the
 * figure is the mean of the two, since the machine is shared and its load drifts.
 *
 * Prints JSON: entries/s for both and their ratio; the sequencing lag per entry (its leaf's
 * insertion in the sequencer's transaction minus the entry's occurred_at, which for these one-
 * statement transactions is their commit within a millisecond) p50/p95/max; the time the
 * sequencer needed to catch up after the writers stopped; the intervals between checkpoints; and
 * `verifyAuditLog` over the result (what `pnpm -s audit:verify` does). Targets: ≥ 2,000 entries/s,
 * lag p95 < 1 s, within 2× of the baseline. PostgreSQL, writers and sequencers share the machine.
 *
 *   pnpm bench:audit        (uses TEST_DATABASE_URL / DATABASE_URL, else an embedded PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@jadelive/server/db/database';
import { readHead } from '@jadelive/server/features/audit/log-repository';
import { startAuditLog } from '@jadelive/server/features/audit/log-runner';
import { recordAudit } from '@jadelive/server/features/audit/repository';
import { verifyAuditLog } from '@jadelive/server/features/audit/verify-log';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { round } from './flashsale-world';
import { openScratchDatabase } from './scratch-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const INSTANCES = 2;
const CHECKPOINT_EVERY_MS = Number(process.env.AUDIT_CHECKPOINT_EVERY_MS ?? 3_000);
const SEQUENCE_EVERY_MS = Number(process.env.AUDIT_SEQUENCE_EVERY_MS ?? 200);

const entry = (instance: number) => ({
  action: 'listing.updated' as const,
  actorUserId: randomUUID(),
  organizationId: randomUUID(),
  targetType: 'listing',
  targetId: randomUUID(),
  ip: `192.0.2.${instance + 1}`,
  requestId: randomUUID(),
  details: { field: 'priceFen', from: 128_000, to: 118_000 },
});

/** Every writer of every instance runs `insert` back to back for SECONDS; answers inserts/s. */
async function writeFor(pools: Database[], insert: (db: Database, instance: number) => Promise<unknown>) {
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let written = 0;
  await Promise.all(
    pools.flatMap((db, instance) =>
      Array.from({ length: WRITERS }, async () => {
        while (performance.now() < end) {
          await insert(db, instance);
          written++;
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return { written, perSecond: round(written / seconds, 0) };
}

async function main() {
  const { url, db, close } = await openScratchDatabase(4);
  const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-bench-audit-'));
  const pools = Array.from({ length: INSTANCES }, () => createDatabase(url, WRITERS + 2));
  try {
    await sql`
      create table audit_plain (
        id bigint generated always as identity primary key,
        occurred_at timestamptz not null default now(),
        action text not null, actor_user_id uuid, actor_token_id uuid, organization_id uuid,
        target_type text, target_id text, ip text, request_id text,
        details jsonb not null default '{}'::jsonb
      )`.execute(db);
    // The insert recordAudit makes (same query builder and plugins), aimed at the plain table.
    const plainInsert = (pool: Database, instance: number) => {
      const { details, ...row } = entry(instance);
      return (pool as unknown as Kysely<any>)
        .insertInto('auditPlain')
        .values({ ...row, details: JSON.stringify(details) })
        .execute();
    };
    const baselineBefore = await writeFor(pools, plainInsert);

    const logger = pino({ level: 'error' });
    const config = {
      signingKey: undefined,
      signingKeyFile: path.join(dir, 'signing-key.pem'),
      checkpointDir: path.join(dir, 'checkpoints'),
      checkpointEveryMs: CHECKPOINT_EVERY_MS,
      sequenceEveryMs: SEQUENCE_EVERY_MS,
    };
    const logs = [];
    for (const pool of pools) logs.push(await startAuditLog({ db: pool, logger }, config));
    const audited = await writeFor(pools, (pool, instance) => recordAudit(pool, entry(instance)));
    const stoppedWriting = performance.now();
    while ((await readHead(db)).treeSize < audited.written)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const catchUpMs = Math.round(performance.now() - stoppedWriting);
    for (const log of logs) await log.stop();
    // Measured before and after, so load from elsewhere on the machine weighs on both sides alike.
    const baselineAfter = await writeFor(pools, plainInsert);
    const baseline = {
      written: baselineBefore.written + baselineAfter.written,
      perSecond: round((baselineBefore.perSecond + baselineAfter.perSecond) / 2, 0),
      runs: [baselineBefore.perSecond, baselineAfter.perSecond],
    };

    const lag = await sql<{ p50: number; p95: number; max: number }>`
      select percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.95) within group (order by ms) as p95, max(ms) as max
      from (select extract(epoch from l.sequenced_at - e.occurred_at) * 1000 as ms
            from audit_log_leaves l join audit_events e on e.id = l.audit_event_id) lags`.execute(db);
    const intervals = await sql<{ p50: number; max: number; count: string }>`
      select percentile_cont(0.5) within group (order by ms) as p50, max(ms) as max, count(*) + 1 as count
      from (select extract(epoch from issued_at - lag(issued_at) over (order by tree_size)) * 1000 as ms
            from audit_checkpoints) gaps where ms is not null`.execute(db);
    const verifyStarted = performance.now();
    const verified = await verifyAuditLog(db, { checkpointDir: config.checkpointDir });
    const ms = (value: unknown) => Math.round(Number(value));
    const lagRow = lag.rows[0];
    const intervalRow = intervals.rows[0];
    console.log(
      JSON.stringify(
        {
          seconds: SECONDS,
          instances: INSTANCES,
          writersPerInstance: WRITERS,
          baseline: {
            table: 'audit_plain (no sequencing)',
            entries: baseline.written,
            entriesPerSecond: baseline.perSecond,
            beforeAndAfter: baseline.runs,
          },
          audited: {
            entries: audited.written,
            entriesPerSecond: audited.perSecond,
            ofBaseline: round(audited.perSecond / baseline.perSecond, 2),
            sequencingLagMs: { p50: ms(lagRow?.p50), p95: ms(lagRow?.p95), max: ms(lagRow?.max) },
            catchUpAfterWritersStoppedMs: catchUpMs,
            checkpoints: Number(intervalRow?.count ?? 0),
            checkpointIntervalMs: {
              configured: CHECKPOINT_EVERY_MS,
              p50: ms(intervalRow?.p50),
              max: ms(intervalRow?.max),
            },
          },
          verify: {
            ok: verified.ok,
            entries: verified.entries,
            ms: Math.round(performance.now() - verifyStarted),
          },
          targets: { entriesPerSecond: 2000, lagP95Ms: 1000, ofBaselineAtLeast: 0.5 },
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.all(pools.map((pool) => pool.destroy()));
    await close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
