import type { CreateOrderBody, OrderEventCause } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, unprocessable } from '../../http/errors';
import { shippingSnapshot, writeShippingAddress } from '../addresses/order-address';
import { recordAudit } from '../audit/repository';
import { openInspection } from '../inspections/request';
import { commerceConfig } from './config';
import { buyerKeyScope, createOnce, type IdempotentOutcome } from './idempotency';
import { insertOrderEvent } from './repository';
import { holdForOrder } from './stock';

/**
 * An order for a published listing at its current price. Its pieces are held in the same
 * transaction (released again if the order is cancelled or not paid in time; refused with 409
 * while an auction holds the listing); a repeated idempotency key answers with the first order.
 */
export async function createOrder(
  deps: Pick<AppDeps, 'db' | 'config'>,
  buyerUserId: string,
  body: CreateOrderBody,
): Promise<IdempotentOutcome> {
  const timeoutMinutes = commerceConfig(deps.config).paymentTimeoutMinutes;
  return createOnce(
    deps.db,
    {
      scope: buyerKeyScope(buyerUserId),
      key: body.idempotencyKey,
      fingerprint: `order:${body.listingId}:${body.quantity}:${body.liveSessionId ?? ''}${body.inspection ? ':inspection' : ''}${body.addressId ? `:${body.addressId}` : ''}`,
    },
    async (trx, orderId) => {
      if (body.liveSessionId) await requireSellersSession(trx, body.liveSessionId, body.listingId);
      const address = body.addressId ? await shippingSnapshot(trx, buyerUserId, body.addressId) : null;
      const taken = await holdForOrder(trx, {
        id: orderId,
        listingId: body.listingId,
        quantity: body.quantity,
      });
      await insertPendingOrder(trx, timeoutMinutes, {
        id: orderId,
        buyerUserId,
        sellerOrgId: taken.sellerOrgId,
        listingId: taken.id,
        liveSessionId: body.liveSessionId ?? null,
        quantity: body.quantity,
        unitPriceFen: taken.priceFen,
        customMade: taken.customMade,
        actor: 'buyer',
        actorUserId: buyerUserId,
      });
      if (address) await writeShippingAddress(trx, orderId, address);
      if (body.inspection) {
        const order = { id: orderId, buyerUserId, sellerOrgId: taken.sellerOrgId, listingId: taken.id };
        await openInspection(trx, { ...order, liveSessionId: body.liveSessionId ?? null });
      }
    },
  );
}

/**
 * Inserts an order awaiting payment (due `timeoutMinutes` from now) with its opening event; the
 * caller holds its pieces (`holdForOrder`, or the hold a hammer moves to the winner).
 */
export async function insertPendingOrder(
  trx: Database,
  timeoutMinutes: number,
  order: {
    id: string;
    buyerUserId: string;
    sellerOrgId: string;
    listingId: string;
    liveSessionId: string | null;
    auctionId?: string;
    quantity: number;
    unitPriceFen: number;
    customMade: boolean;
    actor: 'buyer' | 'system';
    actorUserId: string | null;
    cause?: OrderEventCause;
  },
) {
  const { actor, actorUserId, cause, ...columns } = order;
  await trx
    .insertInto('orders')
    .values({
      ...columns,
      auctionId: columns.auctionId ?? null,
      totalFen: columns.unitPriceFen * columns.quantity,
      status: 'pending_payment',
      paymentDueAt: sql<Date>`now() + make_interval(mins => ${timeoutMinutes})`,
    })
    .execute();
  await insertOrderEvent(trx, {
    orderId: order.id,
    fromStatus: null,
    toStatus: 'pending_payment',
    actor,
    actorUserId,
    cause,
  });
  await recordAudit(trx, {
    action: 'order.created',
    actorUserId,
    organizationId: order.sellerOrgId,
    targetType: 'order',
    targetId: order.id,
    details: {
      by: actor,
      listingId: order.listingId,
      quantity: order.quantity,
      totalFen: order.unitPriceFen * order.quantity,
      auctionId: order.auctionId ?? null,
      liveSessionId: order.liveSessionId,
    },
  });
}

async function requireSellersSession(trx: Database, sessionId: string, listingId: string) {
  const session = await trx
    .selectFrom('liveSessions')
    .innerJoin('listings', 'listings.sellerOrgId', 'liveSessions.sellerOrgId')
    .select('liveSessions.id')
    .where('liveSessions.id', '=', sessionId)
    .where('listings.id', '=', listingId)
    .where('liveSessions.status', 'in', ['scheduled', 'live', 'ended'])
    .executeTakeFirst();
  if (!session)
    throw unprocessable('that live session is not one of the listing seller’s', {
      ...because('session_not_sellers'),
      field: 'liveSessionId',
    });
}
