import { OpenAPIHono, z } from '@hono/zod-openapi';
import { organizationSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { listOrganizationsWithMemberCounts } from './repository';

const tags = ['platform admin'];
const platformAdmins = Access.members(['platform'], { roles: ['owner', 'admin'] });

const organizationSummarySchema = organizationSchema.extend({ memberCount: z.number().int() });

export const adminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(platformAdmins, {
    method: 'get',
    path: '/organizations',
    tags,
    summary: 'Every organisation on the platform with its member count',
    responses: { 200: jsonResponse(z.object({ organizations: z.array(organizationSummarySchema) })) },
  }),
  async (c) => {
    const rows = await listOrganizationsWithMemberCounts(c.var.deps.db);
    return c.json(
      {
        organizations: rows.map((row) =>
          organizationSummarySchema.parse({ ...row, memberCount: Number(row.memberCount) }),
        ),
      },
      200,
    );
  },
);
