import { loadEnv, publicUrl } from '../env';
import { createLogger } from '../lib/logger';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../seed/demo-accounts';
import { startServer } from '../server';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const started = performance.now();
const server = await startServer(env, logger);
logger.info({ port: server.port, ms: Math.round(performance.now() - started) }, 'Jadelive API listening');

const url = env.PUBLIC_URL ?? publicUrl({ ...env, PORT: server.port });
const lines = [`\n  Jadelive is running at ${url}  (API docs: ${url}/api/docs)`];
if (server.seeded || !env.DATABASE_URL) {
  lines.push(`  Demo logins (password: ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(26)} ${login.home}`);
}
process.stdout.write(`${lines.join('\n')}\n\n`);

// Drain first, then stop PostgreSQL (embedded or not) and LiveKit.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => process.exit(1), 15_000);
    forceExit.unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
