import { OpenAPIHono, z } from '@hono/zod-openapi';
import { setInspectionLabBodySchema } from '@jadelive/shared';
import { Access, MANAGERS, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, notFound, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { auditAs } from '../bases/policies';

const baseLabSchema = z.object({ baseId: z.uuid(), inspectionLabOrgId: z.uuid().nullable() });

/** `/api/bases/{id}/inspection-lab`: which lab inspects the pieces of a base's sellers (就地检验). */
export const baseInspectionLabRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.members(['cluster_operator'], { roles: MANAGERS }), {
    method: 'put',
    path: '/{id}/inspection-lab',
    tags: ['bases', 'inspections'],
    summary: 'Name the lab that inspects pieces sold by the base’s sellers (null: none)',
    description: 'The base’s operator only (another operator’s base is 404); 422 when labOrgId is not a lab.',
    request: { params: uuidParam('id'), body: jsonBody(setInspectionLabBodySchema) },
    responses: { 200: jsonResponse(baseLabSchema) },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const operatorOrgId = memberActor(c).organizationId;
    const { id } = c.req.valid('param');
    const { labOrgId } = c.req.valid('json');
    if (labOrgId !== null) {
      const lab = await db
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', labOrgId)
        .where('kind', '=', 'lab')
        .executeTakeFirst();
      if (!lab) throw unprocessable('labOrgId is not a lab on the platform', because('lab_not_found'));
    }
    const updated = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('bases')
        .set({ inspectionLabOrgId: labOrgId })
        .where('id', '=', id)
        .where('operatorOrgId', '=', operatorOrgId)
        .returning(['id', 'inspectionLabOrgId'])
        .executeTakeFirst();
      if (row) {
        await auditAs(c, trx, {
          action: 'base.inspection_lab_set',
          organizationId: operatorOrgId,
          targetType: 'base',
          targetId: id,
          details: { labOrgId },
        });
      }
      return row;
    });
    if (!updated) throw notFound('base');
    return c.json({ baseId: updated.id, inspectionLabOrgId: updated.inspectionLabOrgId }, 200);
  },
);
