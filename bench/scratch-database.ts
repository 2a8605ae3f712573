/** A throw-away, migrated database for one benchmark run. */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase as createDatabaseOnServer, dropDatabase } from '@jadelive/server/db/admin';
import { createDatabase, type Database } from '@jadelive/server/db/database';
import { startEmbeddedPostgres } from '@jadelive/server/db/embedded';
import { migrateToLatest } from '@jadelive/server/db/migrate';

export interface ScratchDatabase {
  url: string;
  db: Database;
  /** Closes the pool and drops the database (kept with BENCH_KEEP_DB), then stops an embedded server. */
  close(): Promise<void>;
}

/**
 * On `onServer`, else the server of TEST_DATABASE_URL / DATABASE_URL, else on an embedded
 * PostgreSQL started for the run: the benches measure a real server either way, never a shared
 * application database.
 */
export async function openScratchDatabase(poolSize: number, onServer?: string): Promise<ScratchDatabase> {
  let serverUrl = onServer ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'jadelive-bench-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const server = serverUrl;
  const name = `jadelive_bench_${randomBytes(4).toString('hex')}`;
  const url = await createDatabaseOnServer(server, name);
  const db = createDatabase(url, poolSize);
  const close = async () => {
    await db.destroy();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${url}`);
    else
      await dropDatabase(server, name).catch((error: unknown) => console.warn('could not drop', name, error));
    await stopServer();
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, db, close };
}
