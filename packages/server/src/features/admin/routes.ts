import { OpenAPIHono, z } from '@hono/zod-openapi';
import { auditEventSchema, auditQuerySchema, organizationSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { iso } from '../../lib/serialize';
import { listAuditEvents } from '../audit/listing';

const tags = ['platform admin'];
const platformAdmins = Access.members(['platform'], { roles: ['owner', 'admin'] });

const organizationSummarySchema = organizationSchema.extend({ memberCount: z.number().int() });

export const adminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(platformAdmins, {
      method: 'get',
      path: '/organizations',
      tags,
      summary: 'Every organisation on the platform with its member count',
      responses: { 200: jsonResponse(z.object({ organizations: z.array(organizationSummarySchema) })) },
    }),
    async (c) => {
      const rows = await c.var.deps.db
        .selectFrom('organizations')
        .leftJoin('users', 'users.organizationId', 'organizations.id')
        .select((eb) => [
          'organizations.id',
          'organizations.kind',
          'organizations.name',
          'organizations.slug',
          'organizations.district',
          eb.fn.count<number>('users.id').as('memberCount'),
        ])
        .groupBy('organizations.id')
        .orderBy('organizations.kind')
        .orderBy('organizations.name')
        .execute();
      return c.json(
        {
          organizations: rows.map((row) =>
            organizationSummarySchema.parse({ ...row, memberCount: Number(row.memberCount) }),
          ),
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(platformAdmins, {
      method: 'get',
      path: '/audit',
      tags,
      summary: 'The whole audit trail, newest first',
      request: { query: auditQuerySchema },
      responses: { 200: jsonResponse(z.object({ events: z.array(auditEventSchema) })) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const rows = await listAuditEvents(c.var.deps.db, { organizationId: null }, query);
      return c.json({ events: rows.map((row) => ({ ...row, occurredAt: iso(row.occurredAt) })) }, 200);
    },
  );
