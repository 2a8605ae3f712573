import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Database } from '@jadelive/server/db/database';
import type { FlagFeed } from '@jadelive/server/features/compliance/feed';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import { createTestApp, type TestAppHandle } from './app';
import { startTestLivekit } from './livekit';

export const BUILT_CONSOLE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/web/dist',
);

export interface TestServerOptions {
  /**
   * Start a real LiveKit server for this server: its webhooks post to this server's port, which is
   * why the port is bound before the app is built. Fails (never skips) when LiveKit cannot start.
   */
  livekit?: boolean;
  flagFeed?: FlagFeed | null;
}

/** The API and the built console on one loopback port, as production serves them. */
export async function startTestServer(db: Database, options: TestServerOptions = {}) {
  let handle: TestAppHandle | null = null;
  const server = serve({
    fetch: (request) => {
      if (!handle) return new Response('starting', { status: 503 });
      return handle.app.fetch(request);
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));

  let livekit: RunningLivekit | null = null;
  let gateway: LiveKitGateway | null = null;
  if (options.livekit) {
    try {
      livekit = await startTestLivekit(`${baseUrl}/api/live/webhooks`);
    } catch (error) {
      await close();
      throw error;
    }
    gateway = createLiveKitGateway(livekit);
  }
  handle = createTestApp(
    db,
    { webDistDir: BUILT_CONSOLE },
    { livekit: gateway, flagFeed: options.flagFeed ?? null },
  );
  const started = handle;
  return {
    baseUrl,
    app: started.app,
    outbox: started.outbox,
    livekit,
    gateway,
    close: async () => {
      await livekit?.stop();
      // Open streams (SSE, keep-alive) would hold close() forever.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await close();
    },
  };
}
