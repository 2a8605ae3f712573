// Regenerates src/db/schema.generated.ts from the migrations, on a scratch database.
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '../db/admin';
import { runCodegen } from '../db/codegen';
import { createDatabase as connect } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { loadEnv } from '../env';
import { withDatabaseServer } from './database-server';

const env = loadEnv();
await withDatabaseServer(env, async (serverUrl) => {
  const name = `jadelive_codegen_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  try {
    const db = connect(url, 2);
    await migrateToLatest(db);
    await db.destroy();
    const result = runCodegen(url, { verify: false });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (result.status !== 0) process.exitCode = 1;
  } finally {
    await dropDatabase(serverUrl, name);
  }
});
