import { OpenAPIHono, z } from '@hono/zod-openapi';
import { orderDetailSchema, orderListQuerySchema, orderSchema, shipOrderBodySchema } from '@jadelive/shared';
import { Access, actorUserId, MANAGERS, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { orderDetail } from './buyer';
import { listOrders } from './repository';
import { approveRefund, shipOrder } from './seller-actions';
import { toOrder } from './serialize';

const tags = ['orders'];
const sellerMembers = Access.members(['seller']);
const NOT_YOURS = 'An order of another seller’s listing is 404.';
const detail = { 200: jsonResponse(orderDetailSchema) };

export const sellerOrderRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Orders of the seller’s listings, newest first',
      request: { query: orderListQuerySchema },
      responses: { 200: jsonResponse(z.object({ orders: z.array(orderSchema) })) },
    }),
    async (c) => {
      const rows = await listOrders(
        c.var.deps.db,
        { sellerOrgId: memberActor(c).organizationId },
        c.req.valid('query'),
      );
      return c.json({ orders: rows.map(toOrder) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One order with its history and payments',
      description: NOT_YOURS,
      request: { params: uuidParam('id') },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await orderDetail(
          c.var.deps.db,
          { sellerOrgId: memberActor(c).organizationId },
          c.req.valid('param').id,
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerMembers, {
      method: 'post',
      path: '/{id}/ship',
      tags,
      summary: 'Ship a paid order with its tracking number',
      description: `${NOT_YOURS} Only a paid order can be shipped (409 otherwise).`,
      request: { params: uuidParam('id'), body: jsonBody(shipOrderBodySchema) },
      responses: detail,
    }),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await shipOrder(c.var.deps, actor.organizationId, actorUserId(actor), id, c.req.valid('json'));
      return c.json(await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id), 200);
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
      return c.json(await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id), 200);
    },
  );
