import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { coalescedLookup, perDatabase } from '../../lib/coalesce';
import { compiledOnce } from '../../lib/compiled-once';
import { type OrderRow, selectOrders } from '../orders/repository';

/**
 * The reads a crowd of grabs makes besides the batch itself, coalesced across concurrent requests
 * (`lib/coalesce.ts`): after the last piece, 2,000 refusals each look up their idempotency key,
 * and every winner reads its order for the answer. Each read still happens after its request
 * arrived, on the database every instance shares.
 */

interface KeyRef {
  scope: string;
  key: string;
}

const grabKeysStatement = compiledOnce((db: Database, scopes: string[], keys: string[]) =>
  db
    .selectFrom('idempotencyKeys')
    .select(['scope', 'key', 'fingerprint', 'orderId'])
    .where(sql<boolean>`(scope, key) in (select * from unnest(${scopes}::text[], ${keys}::text[]))`),
);

const keyLookup = perDatabase((db: Database) =>
  coalescedLookup<KeyRef, { fingerprint: string; orderId: string }>({
    id: ({ scope, key }) => JSON.stringify([scope, key]),
    load: async (refs) => {
      const rows = await grabKeysStatement(
        db,
        refs.map((r) => r.scope),
        refs.map((r) => r.key),
      );
      return new Map(rows.map((row) => [JSON.stringify([row.scope, row.key]), row]));
    },
  }),
);

/** The order a buyer's idempotency key already made, if any. */
export function findGrabKey(db: Database, scope: string, key: string) {
  return keyLookup(db)({ scope, key });
}

interface OrderRef {
  buyerUserId: string;
  orderId: string;
}

const orderLookup = perDatabase((db: Database) =>
  coalescedLookup<OrderRef, OrderRow>({
    id: ({ buyerUserId, orderId }) => `${buyerUserId}:${orderId}`,
    load: async (refs) => {
      // Scoped in the query: each order only with the buyer it belongs to.
      const rows = await selectOrders(db, { system: true })
        .where(
          sql<boolean>`(orders.id, orders.buyer_user_id) in (select * from unnest(${refs.map((r) => r.orderId)}::uuid[], ${refs.map((r) => r.buyerUserId)}::uuid[]))`,
        )
        .execute();
      return new Map(rows.map((row) => [`${row.buyerUserId}:${row.id}`, row]));
    },
  }),
);

/** A buyer's own order (another buyer's is not found), for the grab's answer. */
export function findGrabbedOrder(db: Database, buyerUserId: string, orderId: string) {
  return orderLookup(db)({ buyerUserId, orderId });
}
