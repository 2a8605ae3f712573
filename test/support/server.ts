import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Database } from '@jadelive/server/db/database';
import { createTestApp } from './app';

export const BUILT_CONSOLE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/web/dist',
);

/** The API and the built console on one loopback port, as production serves them. */
export async function startTestServer(db: Database) {
  const { app, outbox } = createTestApp(db, { webDistDir: BUILT_CONSOLE });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    outbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
