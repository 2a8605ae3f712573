import { createLiveKitGateway } from '@jadelive/server/features/live/livekit-sdk-gateway';
import type { RunningLivekit } from '@jadelive/server/livekit-dev/run';
import { expect } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { createBuyer, TEST_PASSWORD } from './fixtures';
import { createLiveWorld, type LiveWorld, sessionBody } from './live';
import { startTestLivekit } from './livekit';

export interface LiveApiWorld {
  database: TestDatabase;
  livekit: RunningLivekit;
  app: TestApp;
  world: LiveWorld;
  /** Signed-in sessions by the names `who` gave them. */
  as: Record<string, Session>;
  /** A session scheduled by the seller's owner through the API. */
  newSession(): Promise<{ id: string; roomName: string }>;
  close(): Promise<void>;
}

/**
 * The API on a fresh database with a real LiveKit server behind it, the live world's tenants and
 * a buyer, and the people `who` names (by their e-mail) signed in.
 */
export async function startLiveApiWorld(
  who: (world: LiveWorld, buyerEmail: string) => Record<string, string>,
): Promise<LiveApiWorld> {
  const database = await createTestDatabase();
  const livekit = await startTestLivekit().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const app = createTestApp(database.db, {}, { livekit: createLiveKitGateway(livekit) }).app;
  const world = await createLiveWorld(database.db);
  const buyer = await createBuyer(database.db);
  const as: Record<string, Session> = {};
  for (const [name, email] of Object.entries(who(world, buyer.email))) {
    as[name] = await login(app, email, TEST_PASSWORD);
  }
  return {
    database,
    livekit,
    app,
    world,
    as,
    async newSession() {
      const created = await call(app, 'POST', '/api/live/sessions', {
        session: as.owner,
        body: sessionBody(world),
      });
      expect(created.status, created.text).toBe(201);
      return created.json;
    },
    async close() {
      await livekit.stop();
      await database.drop();
    },
  };
}
