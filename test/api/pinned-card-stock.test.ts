import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  publishedListing,
  sweepDeps,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { recordingLivekit } from '../support/recording-livekit';

// The pinned card's 库存 follows every sale of the piece, not only flash sales: a buy-now order,
// its cancellation and its expiry each tell the live rooms showing the listing its new stock.
let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let buyer: Session;
const livekit = recordingLivekit();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId } = await liveSaleWorld(database.db, livekit.gateway));
  buyer = await buyerSession(database.db);
});
afterAll(() => database?.drop());

const stockAnnounced = (listingId: string) =>
  livekit.sent
    .map((message) => message.payload)
    .filter((payload) => payload.type === 'listing.updated' && payload.listingId === listingId)
    .map((payload) => payload.stock as number);

describe('the pinned card follows buy-now sales', () => {
  it('an order, its cancellation and an expired order each announce the listing’s stock to the room', async () => {
    const listingId = await publishedListing(app, world, { stock: 2 });
    await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);

    const first = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
    });
    expect(first.status, first.text).toBe(201);
    expect(stockAnnounced(listingId)).toEqual([1]);

    expect((await call(app, 'POST', `/api/orders/${first.json.id}/cancel`, { session: buyer })).status).toBe(
      200,
    );
    expect(stockAnnounced(listingId)).toEqual([1, 2]);

    const second = await call(app, 'POST', '/api/orders', {
      session: buyer,
      body: { listingId, quantity: 2, idempotencyKey: idempotencyKey() },
    });
    expect(second.status, second.text).toBe(201);
    expect(stockAnnounced(listingId)).toEqual([1, 2, 0]);
    await sweepCommerce(
      { ...sweepDeps(database.db), livekit: livekit.gateway },
      new Date(Date.now() + 60 * 60_000),
    );
    expect(stockAnnounced(listingId)).toEqual([1, 2, 0, 2]);
  });
});
