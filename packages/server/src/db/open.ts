import type { Logger } from 'pino';
import type { Env } from '../env';
import { createDatabase as createDatabaseOnServer, databaseExists, withDatabaseName } from './admin';
import { createDatabase, type Database } from './database';
import { startEmbeddedPostgres } from './embedded';
import { migrateToLatest } from './migrate';

export interface OpenedDatabase {
  db: Database;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'jadelive';

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL (data kept on disk) when there
 * is none, and migrates to the latest schema before anyone can use it.
 */
export async function openDatabase(
  env: Env,
  logger: Logger,
  options: { migrate?: boolean } = {},
): Promise<OpenedDatabase> {
  let url = env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!url) {
    const started = performance.now();
    const embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR,
      port: env.EMBEDDED_PG_PORT,
      log: (line) => logger.debug({ postgres: line }),
    });
    stopEmbedded = embedded.stop;
    if (!(await databaseExists(embedded.url, EMBEDDED_DATABASE))) {
      await createDatabaseOnServer(embedded.url, EMBEDDED_DATABASE);
    }
    url = withDatabaseName(embedded.url, EMBEDDED_DATABASE);
    logger.info(
      { dataDir: env.EMBEDDED_PG_DIR, ms: Math.round(performance.now() - started) },
      'embedded PostgreSQL started',
    );
  }
  const db = createDatabase(url, env.DATABASE_POOL_SIZE);
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    }
  } catch (error) {
    await db.destroy();
    await stopEmbedded();
    throw error;
  }
  return {
    db,
    url,
    embedded: env.DATABASE_URL === undefined,
    async close() {
      await db.destroy();
      await stopEmbedded();
    },
  };
}
