import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase as createDatabaseOnServer, dropDatabase } from '@jadelive/server/db/admin';
import { createDatabase } from '@jadelive/server/db/database';
import { startEmbeddedPostgres } from '@jadelive/server/db/embedded';
import { migrateToLatest } from '@jadelive/server/db/migrate';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL server (`TEST_DATABASE_URL`, else an embedded one in a temp dir)
 * and a migrated template database that every test file clones, so files never share rows.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'jadelive-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data') });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const templateDatabase = `jadelive_tpl_${randomBytes(4).toString('hex')}`;
  const templateUrl = await createDatabaseOnServer(serverUrl, templateDatabase);
  const db = createDatabase(templateUrl, 1);
  await migrateToLatest(db);
  await db.destroy();

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await dropDatabase(serverUrl, templateDatabase);
    await stopEmbedded();
  };
}
