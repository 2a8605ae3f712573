import { randomBytes } from 'node:crypto';
import { createDatabase as createDatabaseOnServer, dropDatabase } from '@jadelive/server/db/admin';
import { createDatabase, type Database } from '@jadelive/server/db/database';
import { inject } from 'vitest';

export interface TestDatabase {
  db: Database;
  url: string;
  name: string;
  /** Another pool on the same database: a second API instance. */
  connect(poolSize?: number): Database;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template; call `drop` in `afterAll`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('databaseServerUrl');
  const template = inject('templateDatabase');
  const name = `jadelive_t_${randomBytes(5).toString('hex')}`;
  const url = await cloneWithRetry(serverUrl, name, template);
  const pools: Database[] = [];
  const connect = (poolSize = 10) => {
    const pool = createDatabase(url, poolSize);
    pools.push(pool);
    return pool;
  };
  return {
    db: connect(),
    url,
    name,
    connect,
    async drop() {
      await Promise.all(pools.map((pool) => pool.destroy()));
      await dropDatabase(serverUrl, name);
    },
  };
}

// Two files cloning the template at the same instant can see "source database is being
// accessed by other users"; a short retry settles it.
async function cloneWithRetry(serverUrl: string, name: string, template: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createDatabaseOnServer(serverUrl, name, template);
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
