import { canTransitionOrder, type OrderEventCause, type OrderStatus } from '@jadelive/shared';
import { sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { Orders } from '../../db/schema.generated';
import { because, conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { insertOrderEvent, type LockedOrder, lockOrder, type OrderScope } from './repository';

export interface OrderActor {
  actor: 'buyer' | 'seller' | 'system' | 'payment' | 'platform';
  userId: string | null;
}

const STAMP: Partial<Record<OrderStatus, keyof Orders>> = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  completed: 'completedAt',
  cancelled: 'cancelledAt',
  refund_requested: 'refundRequestedAt',
  refunded: 'refundedAt',
};

/**
 * Moves an order along the state machine inside the caller's transaction: locks the row (scoped to
 * the caller, so another tenant's order is 404), refuses a move the machine does not allow (409),
 * stamps the time and records the event and its audit entry. `check` may refuse on business rules
 * before anything is written.
 */
export async function transitionOrder(
  trx: Database,
  scope: OrderScope,
  orderId: string,
  to: OrderStatus,
  by: OrderActor,
  options: {
    /** Why the order moved (the console words it, with its facts); `note` is only what a person typed. */
    cause?: OrderEventCause;
    note?: string | null;
    set?: Updateable<Orders>;
    check?: (order: LockedOrder) => void | Promise<void>;
  } = {},
): Promise<{ before: LockedOrder; after: LockedOrder }> {
  const before = await lockOrder(trx, scope, orderId);
  if (!before) throw notFound('order');
  const from = before.status as OrderStatus;
  if (!canTransitionOrder(from, to)) {
    throw conflict(`an order that is ${from} cannot become ${to}`, {
      ...because('invalid_transition', { from, to }),
      status: from,
    });
  }
  await options.check?.(before);
  const stamp = STAMP[to];
  const after = await trx
    .updateTable('orders')
    .set({
      ...options.set,
      ...(stamp ? { [stamp]: sql`now()` } : {}),
      status: to,
      updatedAt: sql`now()`,
    })
    .where('id', '=', orderId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertOrderEvent(trx, {
    orderId,
    fromStatus: from,
    toStatus: to,
    actor: by.actor,
    actorUserId: by.userId,
    cause: options.cause,
    note: options.note,
  });
  await recordAudit(trx, {
    action: to === 'pending_payment' ? 'order.created' : `order.${to}`,
    // The system, the payment provider and a seller's API token act without a user.
    actorUserId: by.userId,
    // The seller's order, whoever moved it (the buyer, the provider, the platform's arbitration).
    organizationId: before.sellerOrgId,
    targetType: 'order',
    targetId: orderId,
    details: { from, to, by: by.actor, cause: options.cause?.kind ?? null, note: options.note ?? null },
  });
  return { before, after };
}
