import { OpenAPIHono } from '@hono/zod-openapi';
import { flashSaleCountsSchema, flashSaleSchema, grabBodySchema, orderSchema } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { BUYER_VIEW } from '../addresses/order-view';
import { loadSession, requireStageControl } from '../live/access';
import { buyerUserId } from '../orders/buyer';
import { toOrder } from '../orders/serialize';
import { announceFlashSale } from './announce';
import { endFlashSaleEarly } from './create';
import { grabFlashSale } from './grab';
import { findGrabbedOrder } from './lookups';
import { countSaleOrders, flashSaleState, readFlashSale, toFlashSale } from './repository';
import { forgetSale, saleSnapshot, sessionOpenSnapshot } from './snapshot';

const tags = ['flash-sales'];

/**
 * A sale sells only while its live session is open. Not checked when the (cached) snapshot
 * already refuses (sold out, ended), so a crowd after the last piece is answered without a query.
 */
async function refuseAfterSessionEnded(db: Database, saleId: string) {
  const sale = await saleSnapshot(db, saleId);
  if (!sale || ['sold_out', 'ended'].includes(flashSaleState(sale))) return;
  if (!(await sessionOpenSnapshot(db, sale))) {
    throw conflict('the live session of this flash sale is over', because('session_ended'));
  }
}

/** `/api/flash-sales/…`: what buyers and the stage do with a sale once it exists. */
export const flashSaleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A flash sale: price, remaining stock, state and the server clock for the countdown',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(flashSaleSchema) },
    }),
    async (c) => {
      const sale = await readFlashSale(c.get('deps').db, c.req.valid('param').id);
      if (!sale) throw notFound('flash sale');
      // Whoever may see its session, as with auctions and giveaways: once the session is over, a
      // sale is gone for the public.
      await loadSession(c, sale.sessionId).catch(() => {
        throw notFound('flash sale');
      });
      return c.json(toFlashSale(sale), 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/grab',
      tags,
      summary: 'Grab one piece (秒杀): creates an order at the flash price',
      description:
        'Buyer accounts only. 201 with the order; the same idempotencyKey answers 200 with the same order. 409 with details.reason sold_out | not_started | ended | limit_reached | session_ended (its live session is over). The order must be paid within FLASH_SALE_PAYMENT_TIMEOUT_MINUTES or the piece goes back on sale.',
      request: { params: uuidParam('id'), body: jsonBody(grabBodySchema) },
      responses: { 201: jsonResponse(orderSchema, 'Created'), 200: jsonResponse(orderSchema, 'Replayed') },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await refuseAfterSessionEnded(c.get('deps').db, id);
      const outcome = await grabFlashSale(c.get('deps'), userId, id, c.req.valid('json').idempotencyKey);
      // The batch answers with the order; only a replay outside a batch reads it back.
      const order = outcome.order ?? (await findGrabbedOrder(c.get('deps').db, userId, outcome.orderId));
      if (!order) throw new Error('order vanished after the grab');
      return c.json(toOrder(order, BUYER_VIEW), outcome.replayed ? 200 : 201);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'get',
      path: '/{id}/counts',
      tags,
      summary: 'Orders a flash sale made so far and how many are paid, for the studio counters',
      description:
        'The session’s hosts and the seller’s owners and admins; another seller’s sale is 404. Counted in the database, so a large sale is counted whole.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(flashSaleCountsSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const sale = await readFlashSale(db, c.req.valid('param').id);
      if (!sale) throw notFound('flash sale');
      requireStageControl(await loadSession(c, sale.sessionId));
      return c.json(await countSaleOrders(db, sale.sellerOrgId, sale.id), 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/{id}/end',
      tags,
      summary: 'End a flash sale early; the unsold rest goes back to the listing',
      description:
        'The session’s hosts and the seller’s owners and admins; another seller’s sale is 404; an ended sale 409.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(flashSaleSchema) },
    }),
    async (c) => {
      const { deps } = c.var;
      const { id } = c.req.valid('param');
      const sale = await readFlashSale(deps.db, id);
      if (!sale) throw notFound('flash sale');
      const loaded = await loadSession(c, sale.sessionId);
      requireStageControl(loaded);
      await endFlashSaleEarly(deps, sale.sessionId, id);
      forgetSale(id);
      await announceFlashSale(deps, id, { force: true });
      const after = await readFlashSale(deps.db, id);
      if (!after) throw notFound('flash sale');
      return c.json(toFlashSale(after), 200);
    },
  );
