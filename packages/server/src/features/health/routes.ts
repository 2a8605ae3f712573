import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';

export const healthRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.public, {
    method: 'get',
    path: '/',
    tags: ['health'],
    summary: 'Ready: the database answers and is migrated',
    responses: { 200: jsonResponse(z.object({ status: z.literal('ok') })) },
  }),
  async (c) => {
    // The server listens only after migrating, so a reachable database means ready.
    const reachable = await sql`select 1`
      .execute(c.var.deps.db)
      .then(() => true)
      .catch(() => false);
    if (!reachable) throw new ApiError('SERVICE_UNAVAILABLE', 'database unreachable');
    return c.json({ status: 'ok' as const }, 200);
  },
);
