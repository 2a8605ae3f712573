import { OpenAPIHono } from '@hono/zod-openapi';
import { createStudioBodySchema, studioSchema, updateStudioBodySchema } from '@jadelive/shared';
import { memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import { auditAs, baseParams, operators, studioParams } from './policies';
import * as repo from './repository';
import { toStudio } from './serialize';

const tags = ['bases'];

export const studioRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(operators, {
      method: 'post',
      path: '/{id}/studios',
      tags,
      summary: 'Add a studio (直播间) to a base (its operator only)',
      request: { params: baseParams, body: jsonBody(createStudioBodySchema) },
      responses: { 201: jsonResponse(studioSchema) },
    }),
    async (c) => {
      const operatorOrgId = memberActor(c).organizationId;
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const studio = await c.var.deps.db.transaction().execute(async (trx) => {
        const inserted = await repo.insertStudio(trx, operatorOrgId, id, body);
        if (!inserted) return undefined;
        await auditAs(c, trx, {
          action: 'studio.created',
          organizationId: operatorOrgId,
          targetType: 'studio',
          targetId: inserted.id,
          details: { baseId: id, name: inserted.name, status: inserted.status },
        });
        return inserted;
      });
      if (!studio) throw notFound('base');
      return c.json(toStudio(studio), 201);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'patch',
      path: '/{id}/studios/{studioId}',
      tags,
      summary: 'Change a studio: name, capacity, equipment, status (its operator only)',
      description:
        'Maintenance and retirement stop new bookings; existing ones stay. A studio with bookings ' +
        'that have not ended cannot be retired (409): cancel them first.',
      request: { params: studioParams, body: jsonBody(updateStudioBodySchema) },
      responses: { 200: jsonResponse(studioSchema) },
    }),
    async (c) => {
      const operatorOrgId = memberActor(c).organizationId;
      const { id, studioId } = c.req.valid('param');
      const patch = c.req.valid('json');
      const studio = await c.var.deps.db.transaction().execute(async (trx) => {
        const before = await repo.lockOperatedStudio(trx, operatorOrgId, id, studioId);
        if (!before) throw notFound('studio');
        if (patch.status === 'retired' && before.status !== 'retired') {
          const open = await repo.countFutureLiveBookings(trx, studioId);
          if (open > 0) {
            throw conflict(`the studio still has ${open} booking(s) that have not ended; cancel them first`, {
              ...because('studio_has_open_bookings', { count: open }),
              openBookings: open,
            });
          }
        }
        const updated = await repo.updateStudio(trx, studioId, patch);
        await auditAs(c, trx, {
          action: 'studio.updated',
          organizationId: operatorOrgId,
          targetType: 'studio',
          targetId: studioId,
          details: { baseId: id, changes: patch, statusBefore: before.status },
        });
        return updated;
      });
      return c.json(toStudio(studio), 200);
    },
  );
