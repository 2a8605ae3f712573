import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';

/**
 * Runs `fn` while holding the PostgreSQL advisory lock `key` on one pooled connection (handed to
 * `fn` for work that may as well use it), so only one API instance does the job at a time.
 * Answers `undefined` without running when another instance holds it: the job is skipped, never
 * queued.
 */
export async function withAdvisoryLock<T>(
  db: Database,
  key: number,
  fn: (conn: Database) => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn);
    if (!locked.rows[0]?.ok) return undefined;
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/** Runs `job` every `intervalMs` until stopped; failures are logged as `failure`, never thrown. */
export function runPeriodically(
  logger: Pick<Logger, 'warn'>,
  intervalMs: number,
  failure: string,
  job: () => Promise<unknown>,
) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = job().catch((error: unknown) => logger.warn({ err: error }, failure));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
