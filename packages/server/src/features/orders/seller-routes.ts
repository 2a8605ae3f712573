import { OpenAPIHono, z } from '@hono/zod-openapi';
import { orderDetailSchema, orderListQuerySchema, orderSchema, shipOrderBodySchema } from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, actorUserId, MANAGERS, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import type { OrderViewer } from '../addresses/order-view';
import { orderDetail } from './buyer';
import { listOrders } from './repository';
import { approveRefund, shipOrder } from './seller-actions';
import { toOrder } from './serialize';

const tags = ['orders'];
const sellerMembers = Access.members(['seller']);
const NOT_YOURS = 'An order of another seller’s listing is 404.';
const detail = { 200: jsonResponse(orderDetailSchema) };
const ADDRESS_RULE =
  'The shipping address shows only once the order is paid; a host sees it masked (name and mobile, nothing below the district).';

/** The shop member reading: their role decides how much of the buyer's address they see. */
export function shopViewer(c: Context<AppEnv>): OrderViewer {
  const actor = memberActor(c);
  return { kind: 'shop', role: actor.type === 'session' ? actor.role : null };
}

export const sellerOrderRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Orders of the seller’s listings, newest first',
      description: ADDRESS_RULE,
      request: { query: orderListQuerySchema },
      responses: { 200: jsonResponse(z.object({ orders: z.array(orderSchema) })) },
    }),
    async (c) => {
      const rows = await listOrders(
        c.var.deps.db,
        { sellerOrgId: memberActor(c).organizationId },
        c.req.valid('query'),
      );
      const viewer = shopViewer(c);
      return c.json({ orders: rows.map((row) => toOrder(row, viewer)) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One order with its history and payments',
      description: `${NOT_YOURS} ${ADDRESS_RULE}`,
      request: { params: uuidParam('id') },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await orderDetail(
          c.var.deps.db,
          { sellerOrgId: memberActor(c).organizationId },
          c.req.valid('param').id,
          shopViewer(c),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerMembers, {
      method: 'post',
      path: '/{id}/ship',
      tags,
      summary: 'Ship a paid order with its carrier and tracking number',
      description: `${NOT_YOURS} Only a paid order can be shipped (409 otherwise), and not while the buyer's 就地检验 waits for its result (409 inspection_pending).`,
      request: { params: uuidParam('id'), body: jsonBody(shipOrderBodySchema) },
      responses: detail,
    }),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await shipOrder(c.var.deps, actor.organizationId, actorUserId(actor), id, c.req.valid('json'));
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.members(['seller'], { roles: MANAGERS }), {
      method: 'post',
      path: '/{id}/approve-refund',
      tags,
      summary: 'Approve a requested refund or return; the money goes back through the payment provider',
      description: `${NOT_YOURS} Only a refund_requested order (409 otherwise).`,
      request: { params: uuidParam('id') },
      responses: detail,
    }),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await approveRefund(c.var.deps, actor.organizationId, actorUserId(actor), id);
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  );
