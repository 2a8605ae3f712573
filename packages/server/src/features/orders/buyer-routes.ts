import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createOrderBodySchema,
  orderDetailSchema,
  orderListQuerySchema,
  orderSchema,
  paymentSchema,
  refundRequestBodySchema,
} from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { BUYER_VIEW } from '../addresses/order-view';
import { announceStockChange } from '../live/listing-events';
import { startPayment } from '../payments/start';
import { buyerUserId, orderDetail } from './buyer';
import { cancelUnpaidOrder, confirmDelivery, requestRefund } from './buyer-actions';
import { createOrder } from './create-order';
import { findOrder, listOrders } from './repository';
import { toOrder, toPayment } from './serialize';

const tags = ['orders'];
const buyers = Access.signedIn;
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); another buyer’s order is 404.';
const detail = { 200: jsonResponse(orderDetailSchema) };

const action = <Path extends string>(path: Path, summary: string, description?: string) =>
  defineRoute(buyers, {
    method: 'post',
    path,
    tags,
    summary,
    description: [BUYERS_ONLY, description].filter(Boolean).join(' '),
    request: { params: uuidParam('id') },
    responses: detail,
  });

export const buyerOrderRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(buyers, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Order a published listing at its current price',
      description: `${BUYERS_ONLY} Its pieces are held now (the listing's holds ledger) and released once if the order is not paid within PAYMENT_TIMEOUT_MINUTES. 409 out_of_stock when not enough pieces are free, 409 auction_running while an auction holds the listing. The same idempotencyKey answers with the same order (200) instead of a second one.`,
      request: { body: jsonBody(createOrderBodySchema) },
      responses: { 201: jsonResponse(orderSchema, 'Created'), 200: jsonResponse(orderSchema, 'Replayed') },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { db } = c.var.deps;
      const outcome = await createOrder(c.var.deps, userId, c.req.valid('json'));
      const order = await findOrder(db, { buyerUserId: userId }, outcome.orderId);
      if (!order) throw new Error('order vanished after creation');
      if (!outcome.replayed) await announceStockChange(c.var.deps, order.listingId);
      return c.json(toOrder(order, BUYER_VIEW), outcome.replayed ? 200 : 201);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'get',
      path: '/',
      tags,
      summary: "The buyer's own orders, newest first",
      description: BUYERS_ONLY,
      request: { query: orderListQuerySchema },
      responses: { 200: jsonResponse(z.object({ orders: z.array(orderSchema) })) },
    }),
    async (c) => {
      const rows = await listOrders(c.var.deps.db, { buyerUserId: buyerUserId(c) }, c.req.valid('query'));
      return c.json({ orders: rows.map((row) => toOrder(row, BUYER_VIEW)) }, 200);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One of the buyer’s orders with its history and payments',
      description: BUYERS_ONLY,
      request: { params: uuidParam('id') },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await orderDetail(
          c.var.deps.db,
          { buyerUserId: buyerUserId(c) },
          c.req.valid('param').id,
          BUYER_VIEW,
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(buyers, {
      method: 'post',
      path: '/{id}/pay',
      tags,
      summary: 'Open a payment for an unpaid order (the sandbox provider)',
      description: `${BUYERS_ONLY} Answers the open payment if there is one; the buyer pays at payUrl. 409 once the order is no longer pending_payment or its payment window closed, and 409 shipping_address_required while it has no shipping address (PUT /orders/{id}/shipping-address).`,
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(paymentSchema) },
    }),
    async (c) => {
      const payment = await startPayment(c.var.deps, buyerUserId(c), c.req.valid('param').id);
      return c.json(toPayment(payment), 200);
    },
  )
  .openapi(action('/{id}/cancel', 'Cancel an unpaid order (its stock goes back on sale)'), async (c) => {
    const userId = buyerUserId(c);
    const { id } = c.req.valid('param');
    await cancelUnpaidOrder(c.var.deps, userId, id);
    const detail = await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW);
    if (!detail.order.flashSaleId) await announceStockChange(c.var.deps, detail.order.listingId);
    return c.json(detail, 200);
  })
  .openapi(action('/{id}/confirm-delivery', 'Confirm that a shipped order arrived'), async (c) => {
    const userId = buyerUserId(c);
    const { id } = c.req.valid('param');
    await confirmDelivery(c.var.deps, userId, id);
    return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
  })
  .openapi(
    defineRoute(buyers, {
      method: 'post',
      path: '/{id}/refund-request',
      tags,
      summary: 'Ask for a refund of a paid order before it ships',
      description: `${BUYERS_ONLY} Other statuses answer 409; a delivered order's no-reason return is \`POST /api/orders/{id}/return-request\`.`,
      request: { params: uuidParam('id'), body: jsonBody(refundRequestBodySchema) },
      responses: detail,
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await requestRefund(c.var.deps, userId, id, c.req.valid('json').reason);
      return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
    },
  );
