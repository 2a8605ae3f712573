import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { expect } from 'vitest';
import { call, login } from './app';
import { createListing } from './live';
import type { LiveBrowserWorld } from './live-browser';

/**
 * A new piece of the demo jade shop in a session scheduled by its owner and hosted by the demo
 * host, starting in a minute: what a browser test of selling in a live room begins with.
 */
export async function scheduleDemoSessionWithPiece(
  world: LiveBrowserWorld,
  piece: { title: string; priceFen: number; stock?: number },
  sessionTitle: string,
) {
  const { db } = world.database;
  const seller = await db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'jiefangbei-cuiyuxuan')
    .executeTakeFirstOrThrow();
  const host = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'host@jadelive.test')
    .executeTakeFirstOrThrow();
  const listing = await createListing(db, seller.id, { priceFen: piece.priceFen, title: piece.title });
  if (piece.stock !== undefined) {
    await db.updateTable('listings').set({ stock: piece.stock }).where('id', '=', listing.id).execute();
  }
  const owner = await login(world.server.app, 'seller@jadelive.test', DEMO_PASSWORD);
  const created = await call(world.server.app, 'POST', '/api/live/sessions', {
    session: owner,
    body: {
      title: `${sessionTitle} ${Date.now().toString(36)}`,
      hostUserIds: [host.id],
      plannedStartAt: new Date(Date.now() + 60_000).toISOString(),
      listingIds: [listing.id],
    },
  });
  expect(created.status, created.text).toBe(201);
  return { id: created.json.id as string, listing };
}
