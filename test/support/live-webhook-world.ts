import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { LiveKitGateway } from '@jadelive/server/features/live/livekit-gateway';
import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import { expect } from 'vitest';
import { call, createTestApp, login, type TestApp } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { TEST_PASSWORD } from './fixtures';
import { createLiveWorld, type LiveWorld, sessionBody } from './live';
import { signWebhook, startTestLivekit, webhookBody } from './livekit';

export interface LiveWebhookWorld {
  database: TestDatabase;
  livekit: RunningLivekit;
  gateway: LiveKitGateway;
  app: TestApp;
  world: LiveWorld;
  /** A session of the world's seller scheduled by its owner. */
  newSession(): Promise<{ id: string; roomName: string }>;
  /** Posts a webhook signed as the LiveKit server signs it. */
  signedWebhook(event: Parameters<typeof webhookBody>[0]): ReturnType<typeof call>;
  close(): Promise<void>;
}

/**
 * The app serving real HTTP, so a real LiveKit server posts its webhooks to it, with the live
 * world (createLiveWorld) in a fresh database. `close` stops all three, whatever started.
 */
export async function startLiveWebhookWorld(): Promise<LiveWebhookWorld> {
  const database = await createTestDatabase();
  let app: TestApp | undefined;
  const server = serve({
    fetch: (request) => (app as TestApp).fetch(request),
    port: 0,
    hostname: '127.0.0.1',
  });
  let livekit: RunningLivekit | undefined;
  const close = async () => {
    await livekit?.stop();
    await new Promise((resolve) => server.close(resolve));
    await database.drop();
  };
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    livekit = await startTestLivekit(`http://127.0.0.1:${port}/api/live/webhooks`);
    const running = livekit;
    const gateway = createLiveKitGateway(running);
    const ready = createTestApp(database.db, {}, { livekit: gateway }).app;
    app = ready;
    const world = await createLiveWorld(database.db);
    return {
      database,
      livekit: running,
      gateway,
      app: ready,
      world,
      async newSession() {
        const owner = await login(ready, world.seller.members.owner.email, TEST_PASSWORD);
        const created = await call(ready, 'POST', '/api/live/sessions', {
          session: owner,
          body: sessionBody(world),
        });
        expect(created.status, created.text).toBe(201);
        return created.json;
      },
      async signedWebhook(event) {
        const body = webhookBody(event);
        return call(ready, 'POST', '/api/live/webhooks', {
          rawBody: body,
          headers: {
            'content-type': 'application/webhook+json',
            authorization: await signWebhook(running.apiKey, running.apiSecret, body),
          },
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
