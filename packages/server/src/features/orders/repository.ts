import type { OrderEventCause, OrderStatus } from '@jadelive/shared';
import type { Database } from '../../db/database';

/** Whose orders a query may see: a buyer's own, a seller's listings', or (jobs only) all. */
export type OrderScope = { buyerUserId: string } | { sellerOrgId: string } | { system: true };

export function selectOrders(db: Database, scope: OrderScope) {
  let query = db
    .selectFrom('orders')
    .innerJoin('listings', 'listings.id', 'orders.listingId')
    .selectAll('orders')
    .select('listings.title as listingTitle');
  if ('buyerUserId' in scope) query = query.where('orders.buyerUserId', '=', scope.buyerUserId);
  if ('sellerOrgId' in scope) query = query.where('orders.sellerOrgId', '=', scope.sellerOrgId);
  return query;
}

export type OrderRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectOrders>['executeTakeFirst']>>>;

export async function findOrder(db: Database, scope: OrderScope, orderId: string) {
  return selectOrders(db, scope).where('orders.id', '=', orderId).executeTakeFirst();
}

export async function listOrders(
  db: Database,
  scope: OrderScope,
  query: { status?: OrderStatus; limit: number },
) {
  let select = selectOrders(db, scope);
  if (query.status) select = select.where('orders.status', '=', query.status);
  return select.orderBy('orders.createdAt', 'desc').orderBy('orders.id').limit(query.limit).execute();
}

/** Locks the order row for the rest of the transaction; another tenant's order is not found. */
export async function lockOrder(db: Database, scope: OrderScope, orderId: string) {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if ('buyerUserId' in scope) query = query.where('buyerUserId', '=', scope.buyerUserId);
  if ('sellerOrgId' in scope) query = query.where('sellerOrgId', '=', scope.sellerOrgId);
  return query.forUpdate().executeTakeFirst();
}

export type LockedOrder = NonNullable<Awaited<ReturnType<typeof lockOrder>>>;

export async function listOrderEvents(db: Database, orderId: string) {
  return db
    .selectFrom('orderEvents')
    .select(['fromStatus', 'toStatus', 'actor', 'actorUserId', 'cause', 'causeDetails', 'note', 'occurredAt'])
    .where('orderId', '=', orderId)
    .orderBy('id')
    .execute();
}

export async function insertOrderEvent(
  db: Database,
  event: {
    orderId: string;
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus;
    actor: 'buyer' | 'seller' | 'system' | 'payment' | 'platform';
    actorUserId: string | null;
    cause?: OrderEventCause | null;
    note?: string | null;
  },
) {
  const { cause, ...columns } = event;
  await db
    .insertInto('orderEvents')
    .values({ ...columns, ...eventCauseColumns(cause ?? null), note: event.note ?? null })
    .execute();
}

/** The event columns that hold why an order moved: the kind, and its facts (if any) as jsonb. */
function eventCauseColumns(cause: OrderEventCause | null) {
  if (cause === null) return { cause: null, causeDetails: null };
  const { kind, ...facts } = cause;
  return { cause: kind, causeDetails: Object.keys(facts).length > 0 ? JSON.stringify(facts) : null };
}
