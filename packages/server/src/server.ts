import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app';
import { openDatabase } from './db/open';
import { appConfigFromEnv } from './deps';
import type { Env } from './env';
import { shouldSeedDemo } from './env';
import { createLogMailer } from './lib/mailer';
import { isDatabaseEmpty, seedDemo } from './seed/demo';

const BUILT_CONSOLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface RunningServer {
  port: number;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Opens the database, seeds demo data on an empty one, and listens; `stop` drains and closes. */
export async function startServer(env: Env, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(env, logger);
  let seeded = false;
  if (shouldSeedDemo(env) && (await isDatabaseEmpty(database.db))) {
    await seedDemo(database.db);
    seeded = true;
  }
  const config = appConfigFromEnv(env);
  if (!config.webDistDir && env.NODE_ENV === 'production' && existsSync(BUILT_CONSOLE)) {
    config.webDistDir = BUILT_CONSOLE;
  }
  const app = createApp({ db: database.db, config, logger, mailer: createLogMailer(logger) });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('listening', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : env.PORT);
    });
    server.once('error', reject);
  });
  return {
    port,
    seeded,
    async stop() {
      // Stop accepting, let in-flight requests finish, then close the pool and the database.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
