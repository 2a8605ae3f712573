import { OpenAPIHono, z } from '@hono/zod-openapi';
import { inspectionResultBodySchema, inspectionSchema, labInspectionsQuerySchema } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { Access, actorUserId, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { buyerUserId } from '../orders/buyer';
import { findInspection, findOrderInspection, type InspectionScope, listLabInspections } from './repository';
import { requestInspection } from './request';
import { recordInspectionResult } from './result';
import { toInspection } from './serialize';

const tags = ['inspections'];
const one = { 200: jsonResponse(inspectionSchema) };
const LAB_RULE =
  'The lab is the inspection lab of the base the order’s live session was booked in, else of the earliest base that admitted the seller and named one; with no such base, the lab that issued the listing’s certificate (422 no_inspection_lab when that lab is outside the platform).';

async function orderInspection(db: Database, scope: InspectionScope, orderId: string) {
  const row = await findOrderInspection(db, scope, orderId);
  if (!row) throw notFound('inspection');
  return toInspection(row);
}

/** `/api/orders/{id}/inspection`: the buyer's side. */
export const buyerInspectionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/inspection',
      tags,
      summary: 'Ask for 就地检验: the piece is inspected by the base’s lab before it ships',
      description: `Buyer accounts only; another buyer’s order is 404. Allowed while the order is pending_payment or paid (409 not_inspectable otherwise), once per order (409 inspection_exists). The seller cannot ship until the lab answers. ${LAB_RULE}`,
      request: { params: uuidParam('id') },
      responses: { 201: jsonResponse(inspectionSchema, 'Requested') },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await requestInspection(c.var.deps, userId, id);
      return c.json(await orderInspection(c.var.deps.db, { buyerUserId: userId }, id), 201);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/{id}/inspection',
      tags,
      summary: 'The inspection of one of the buyer’s orders, with the lab’s result once recorded',
      description: 'Buyer accounts only; 404 when the order is not theirs or has no inspection.',
      request: { params: uuidParam('id') },
      responses: one,
    }),
    async (c) =>
      c.json(
        await orderInspection(c.var.deps.db, { buyerUserId: buyerUserId(c) }, c.req.valid('param').id),
        200,
      ),
  );

/** `/api/seller/orders/{id}/inspection`. */
export const sellerInspectionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.members(['seller']), {
    method: 'get',
    path: '/{id}/inspection',
    tags,
    summary: 'The inspection a buyer asked for on one of the seller’s orders',
    description: '404 for another seller’s order or an order without inspection.',
    request: { params: uuidParam('id') },
    responses: one,
  }),
  async (c) =>
    c.json(
      await orderInspection(
        c.var.deps.db,
        { sellerOrgId: memberActor(c).organizationId },
        c.req.valid('param').id,
      ),
      200,
    ),
);

const labReaders = Access.members(['lab']);
const labWriters = Access.members(['lab'], { roles: ['owner', 'admin', 'staff'] });

/** `/api/lab/inspections`: requests addressed to the caller's lab. */
export const labInspectionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(labReaders, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Inspections addressed to this lab, newest first',
      request: { query: labInspectionsQuerySchema },
      responses: { 200: jsonResponse(z.object({ inspections: z.array(inspectionSchema) })) },
    }),
    async (c) => {
      const rows = await listLabInspections(
        c.var.deps.db,
        memberActor(c).organizationId,
        c.req.valid('query'),
      );
      return c.json({ inspections: rows.map(toInspection) }, 200);
    },
  )
  .openapi(
    defineRoute(labReaders, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One inspection addressed to this lab',
      description: 'Another lab’s inspection is 404.',
      request: { params: uuidParam('id') },
      responses: one,
    }),
    async (c) => {
      const row = await findInspection(
        c.var.deps.db,
        { labOrgId: memberActor(c).organizationId },
        c.req.valid('param').id,
      );
      if (!row) throw notFound('inspection');
      return c.json(toInspection(row), 200);
    },
  )
  .openapi(
    defineRoute(labWriters, {
      method: 'post',
      path: '/{id}/result',
      tags,
      summary: 'Record the result against the listing’s certificate',
      description:
        'match: the order may ship and the result is attached to it. mismatch: the order is cancelled (unpaid) or refunded through the payment provider, the listing is suspended and a block-severity certificate_mismatch flag goes to the regulator. Another lab’s inspection is 404; a recorded result is final (409). If the provider refund fails, the answer is still 200 with settledAt null and the order refund_requested; the commerce sweeper completes it.',
      request: { params: uuidParam('id'), body: jsonBody(inspectionResultBodySchema) },
      responses: one,
    }),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      const { deps } = c.var;
      await recordInspectionResult(
        deps,
        { orgId: actor.organizationId, userId: actorUserId(actor) },
        id,
        c.req.valid('json'),
      );
      const row = await findInspection(deps.db, { labOrgId: actor.organizationId }, id);
      if (!row) throw notFound('inspection');
      return c.json(toInspection(row), 200);
    },
  );
