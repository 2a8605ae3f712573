import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app';
import { openDatabase } from './db/open';
import { type AppDeps, appConfigFromEnv } from './deps';
import type { Env } from './env';
import { shouldSeedDemo } from './env';
import { startAuctionSweeper } from './features/auctions/sweep';
import { auditLogConfigFromEnv, startAuditLog } from './features/audit/log-runner';
import { createComplianceChatHook } from './features/compliance/chat-hook';
import { createFlagFeed } from './features/compliance/feed';
import { startFollowUpSweeper } from './features/follow-ups/sweep';
import { startLiveVideo } from './features/live/runtime';
import { startCommerceSweeper } from './features/orders/sweep';
import { createDiskImageStorage } from './lib/image-storage';
import { createLogMailer } from './lib/mailer';
import { isDatabaseEmpty, seedDemo } from './seed/demo';

const COMMERCE_SWEEP_EVERY_MS = 15_000;
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
  const deps: AppDeps = {
    db: database.db,
    config,
    logger,
    mailer: createLogMailer(logger),
    images: createDiskImageStorage(config.uploadDir),
    certificateLookups: [],
    livekit: null,
    chatHook: createComplianceChatHook(database.db),
    flagFeed: createFlagFeed(database.url, logger),
  };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('listening', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : env.PORT);
    });
    server.once('error', reject);
  });
  // After listening: a local LiveKit's webhooks need the real port.
  const live = await startLiveVideo(env, deps, port, logger);
  // Payment timeouts, flash-sale stock returns, return windows; one instance at a time (advisory lock).
  const commerceSweeper = startCommerceSweeper(deps, COMMERCE_SWEEP_EVERY_MS);
  // Auctions past their end close (hammer order or stock back) even when nobody looks at them.
  const auctionSweeper = startAuctionSweeper(deps, COMMERCE_SWEEP_EVERY_MS);
  // Giveaway draws nobody made, inspection refunds the payment provider refused; same lock pattern.
  const followUpSweeper = startFollowUpSweeper(deps, COMMERCE_SWEEP_EVERY_MS);
  // Numbers audit entries into the Merkle tree and signs checkpoints; one instance at a time (advisory lock).
  const auditLog = await startAuditLog(deps, auditLogConfigFromEnv(env));
  return {
    port,
    seeded,
    async stop() {
      // Stop accepting, let in-flight requests finish, then close the pool and the database.
      await commerceSweeper.stop();
      await auctionSweeper.stop();
      await followUpSweeper.stop();
      await auditLog.stop();
      await live.stop();
      await deps.flagFeed?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
