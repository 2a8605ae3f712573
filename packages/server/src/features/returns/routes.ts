import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  arbitrationCaseSchema,
  arbitrationDecisionBodySchema,
  orderDetailSchema,
  returnRefusalBodySchema,
  returnRequestBodySchema,
  returnShipmentBodySchema,
  returnStatementBodySchema,
} from '@jadelive/shared';
import { Access, actorUserId, MANAGERS, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { BUYER_VIEW } from '../addresses/order-view';
import { buyerUserId, orderDetail } from '../orders/buyer';
import { shopViewer } from '../orders/seller-routes';
import { listArbitrationCases } from './repository';
import { toArbitrationCase } from './serialize';
import * as returns from './service';

const tags = ['returns'];
const detail = { 200: jsonResponse(orderDetailSchema) };
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); another buyer’s order is 404.';
const NOT_YOURS = 'An order of another seller’s listing is 404.';
const OTHER_STATUS = 'An order in another status answers 409.';

const buyerStep = <Path extends string, Body extends z.ZodType>(
  path: Path,
  summary: string,
  body: Body,
  description: string,
) =>
  defineRoute(Access.signedIn, {
    method: 'post',
    path,
    tags,
    summary,
    description: `${BUYERS_ONLY} ${description} ${OTHER_STATUS}`,
    request: { params: uuidParam('id'), body: jsonBody(body) },
    responses: detail,
  });

const sellerStep = <Path extends string, Body extends z.ZodType>(
  path: Path,
  summary: string,
  body: Body,
  description: string,
) =>
  defineRoute(Access.members(['seller'], { roles: MANAGERS }), {
    method: 'post',
    path,
    tags,
    summary,
    description: `Shop owners and admins. ${NOT_YOURS} ${description} ${OTHER_STATUS}`,
    request: { params: uuidParam('id'), body: jsonBody(body) },
    responses: detail,
  });

const emptyBody = z.strictObject({});

/** The buyer's side of a no-reason return, mounted at /api/orders. */
export const buyerReturnRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    buyerStep(
      '/{id}/return-request',
      'Ask for a 7-day no-reason return (七日无理由退货) of a delivered order',
      returnRequestBodySchema,
      'Photos are ids from `POST /api/images/buyer`. Custom-made goods and requests after the 7-day window answer 422. The seller has 48 hours to answer; silence agrees.',
    ),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await returns.requestReturn(c.var.deps, userId, id, c.req.valid('json'));
      return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
    },
  )
  .openapi(
    buyerStep(
      '/{id}/return/arbitration',
      'Take a refused return to platform arbitration, with the buyer’s statement and photos',
      returnStatementBodySchema,
      'Only a refused return, within 7 days of the refusal.',
    ),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await returns.escalateReturn(c.var.deps, userId, id, c.req.valid('json'));
      return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
    },
  )
  .openapi(
    buyerStep(
      '/{id}/return/accept-refusal',
      'Accept the seller’s refusal: the sale stands',
      emptyBody,
      'Only a refused return.',
    ),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await returns.acceptRefusal(c.var.deps, userId, id);
      return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
    },
  )
  .openapi(
    buyerStep(
      '/{id}/return/shipment',
      'Ship the piece back (carrier and tracking number) once the return was agreed',
      returnShipmentBodySchema,
      'Only an agreed return.',
    ),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await returns.shipReturn(c.var.deps, userId, id, c.req.valid('json'));
      return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
    },
  );

/** The seller's side, mounted at /api/seller/orders. */
export const sellerReturnRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    sellerStep(
      '/{id}/return/approve',
      'Agree to a requested return: the buyer ships it back',
      emptyBody,
      'Only a requested return.',
    ),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await returns.approveReturn(c.var.deps, actor.organizationId, actorUserId(actor), id);
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  )
  .openapi(
    sellerStep(
      '/{id}/return/refusal',
      'Refuse a requested return, with the reason the buyer (and an arbiter) reads',
      returnRefusalBodySchema,
      'Only a requested return, within 48 hours of the request (after that it counts as agreed: 409).',
    ),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await returns.refuseReturn(
        c.var.deps,
        actor.organizationId,
        actorUserId(actor),
        id,
        c.req.valid('json').reason,
      );
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  )
  .openapi(
    sellerStep(
      '/{id}/return/receipt',
      'Confirm the returned piece arrived as sent: the money goes back to the buyer',
      emptyBody,
      'Only a return the buyer shipped back.',
    ),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await returns.receiveReturn(c.var.deps, actor.organizationId, actorUserId(actor), id);
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  )
  .openapi(
    sellerStep(
      '/{id}/return/damage',
      'Report that the returned piece came back damaged, with photos: the platform decides',
      returnStatementBodySchema,
      'Only a return the buyer shipped back. Photos are the shop’s own uploads.',
    ),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      await returns.reportDamage(
        c.var.deps,
        actor.organizationId,
        actorUserId(actor),
        id,
        c.req.valid('json'),
      );
      return c.json(
        await orderDetail(c.var.deps.db, { sellerOrgId: actor.organizationId }, id, shopViewer(c)),
        200,
      );
    },
  );

const platformAdmins = Access.members(['platform'], { roles: ['owner', 'admin'] });

/** Platform arbitration of disputed returns, mounted at /api/admin/arbitrations. */
export const arbitrationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(platformAdmins, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Returns waiting for the platform’s decision, oldest first, with both sides’ words and photos',
      responses: { 200: jsonResponse(z.object({ cases: z.array(arbitrationCaseSchema) })) },
    }),
    async (c) => c.json({ cases: (await listArbitrationCases(c.var.deps.db)).map(toArbitrationCase) }, 200),
  )
  .openapi(
    defineRoute(platformAdmins, {
      method: 'post',
      path: '/{id}/decision',
      tags,
      summary: 'Decide a disputed return for the buyer or the seller, with the reason both read',
      description:
        'For the buyer: a refused return goes ahead (the buyer ships it back); a piece already returned is refunded. ' +
        'For the seller: the sale stands. Only an order in arbitration (409 otherwise; unknown order 404).',
      request: { params: uuidParam('id'), body: jsonBody(arbitrationDecisionBodySchema) },
      responses: {
        200: jsonResponse(
          z.object({ orderId: z.uuid(), status: orderDetailSchema.shape.order.shape.status }),
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const status = await returns.decideArbitration(
        c.var.deps,
        sessionActor(c).userId,
        id,
        c.req.valid('json'),
      );
      return c.json({ orderId: id, status }, 200);
    },
  );
