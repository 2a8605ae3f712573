import type { Context } from 'hono';
import type { Database } from '../../db/database';
import { sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, forbidden, notFound } from '../../http/errors';
import type { OrderViewer } from '../addresses/order-view';
import { listOrderPayments } from '../payments/repository';
import { findReturn } from '../returns/repository';
import { toOrderReturn } from '../returns/serialize';
import { findOrder, listOrderEvents, type OrderScope } from './repository';
import { toOrder, toOrderEvent, toPayment } from './serialize';

/** Buyers are signed-in people without an organisation; members buy nothing in their own name here. */
export function buyerUserId(c: Context<AppEnv>): string {
  const actor = sessionActor(c);
  if (actor.organizationId !== null)
    throw forbidden('only buyer accounts may do this', because('buyer_accounts_only'));
  return actor.userId;
}

/** An order with its history and payments, as its buyer or a member of its shop sees it. */
export async function orderDetail(db: Database, scope: OrderScope, orderId: string, viewer: OrderViewer) {
  const order = await findOrder(db, scope, orderId);
  if (!order) throw notFound('order');
  const [events, payments, orderReturn] = await Promise.all([
    listOrderEvents(db, order.id),
    listOrderPayments(db, order.id),
    findReturn(db, order.id),
  ]);
  return {
    order: toOrder(order, viewer),
    events: events.map(toOrderEvent),
    payments: payments.map(toPayment),
    return: orderReturn ? toOrderReturn(orderReturn) : null,
  };
}
