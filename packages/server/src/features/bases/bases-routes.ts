import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  baseDetailSchema,
  baseListQuerySchema,
  baseSchema,
  createBaseBodySchema,
  operatedBaseSchema,
  updateBaseBodySchema,
} from '@jadelive/shared';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import { describeBases } from './base-views';
import { auditAs, baseParams, operators } from './policies';
import * as repo from './repository';

const tags = ['bases'];

/** Bases as the public sees them: no operator-only counts. */
const publicView = ({ pendingApplicationCount: _, ...base }: z.infer<typeof operatedBaseSchema>) => base;

// Static paths first: `/operated` must not be taken for an `{id}`.
export const baseRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(operators, {
      method: 'get',
      path: '/operated',
      tags,
      summary: "The caller's bases with all studios (retired too) and pending applications",
      responses: { 200: jsonResponse(z.object({ bases: z.array(operatedBaseSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const rows = await repo.listOperatedBases(db, memberActor(c).organizationId);
      return c.json({ bases: await describeBases(db, rows, 'operator') }, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Every livestream base with its cluster and studios in use',
      request: { query: baseListQuerySchema },
      responses: { 200: jsonResponse(z.object({ bases: z.array(baseSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const rows = await repo.listBases(db, c.req.valid('query'));
      const bases = await describeBases(db, rows, 'public');
      return c.json({ bases: bases.map(publicView) }, 200);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Open a base in the caller’s cluster',
      request: { body: jsonBody(createBaseBodySchema) },
      responses: { 201: jsonResponse(operatedBaseSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const operatorOrgId = memberActor(c).organizationId;
      const body = c.req.valid('json');
      const base = await db.transaction().execute(async (trx) => {
        const id = await repo.insertBase(trx, operatorOrgId, body);
        await auditAs(c, trx, {
          action: 'base.created',
          organizationId: operatorOrgId,
          targetType: 'base',
          targetId: id,
          details: { ...body },
        });
        return repo.findOperatedBase(trx, operatorOrgId, id);
      });
      if (!base) throw notFound('base');
      const [described] = await describeBases(db, [base], 'operator');
      return c.json(described!, 201);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change a base’s name, address, district or kind (its operator only)',
      request: { params: baseParams, body: jsonBody(updateBaseBodySchema) },
      responses: { 200: jsonResponse(operatedBaseSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const operatorOrgId = memberActor(c).organizationId;
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const base = await db.transaction().execute(async (trx) => {
        if (!(await repo.updateBase(trx, operatorOrgId, id, patch))) return undefined;
        await auditAs(c, trx, {
          action: 'base.updated',
          organizationId: operatorOrgId,
          targetType: 'base',
          targetId: id,
          details: { ...patch },
        });
        return repo.findOperatedBase(trx, operatorOrgId, id);
      });
      if (!base) throw notFound('base');
      const [described] = await describeBases(db, [base], 'operator');
      return c.json(described!, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One base with its studios in use and the sellers admitted to it',
      request: { params: baseParams },
      responses: { 200: jsonResponse(baseDetailSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { id } = c.req.valid('param');
      const base = await repo.findBase(db, id);
      if (!base) throw notFound('base');
      const [[described], admittedSellers] = await Promise.all([
        describeBases(db, [base], 'public'),
        repo.listAdmittedSellers(db, id),
      ]);
      return c.json({ ...publicView(described!), admittedSellers }, 200);
    },
  );
