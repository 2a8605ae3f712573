import { startEmbeddedPostgres } from '../db/embedded';
import type { Env } from '../env';

/**
 * Gives `run` the URL of a PostgreSQL server: `DATABASE_URL` when set, otherwise the embedded
 * one, which is stopped again when `run` is done.
 */
export async function withDatabaseServer<T>(env: Env, run: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return run(env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}
