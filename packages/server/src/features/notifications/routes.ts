import { OpenAPIHono, z } from '@hono/zod-openapi';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { iso, isoOrNull } from '../../lib/serialize';
import { listNotifications, markNotificationRead } from './repository';

const tags = ['notifications'];
const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  message: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** The facts behind the message (e.g. `{title, reason}` for listing_suspended), for the reader's language. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.members('any'), {
      method: 'get',
      path: '/',
      tags,
      summary: "What the platform told the caller's organisation, newest first",
      responses: { 200: jsonResponse(z.object({ notifications: z.array(notificationSchema) })) },
    }),
    async (c) => {
      const rows = await listNotifications(c.var.deps.db, memberActor(c).organizationId);
      return c.json(
        {
          notifications: rows.map((row) => ({
            ...row,
            details: (row.details ?? {}) as Record<string, string | number | boolean | null>,
            createdAt: iso(row.createdAt),
            readAt: isoOrNull(row.readAt),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.members('any'), {
      method: 'post',
      path: '/{notificationId}/read',
      auditExempt: 'a read mark is the reader’s own inbox state',
      tags,
      summary: 'Mark a notification read',
      request: { params: uuidParam('notificationId') },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { notificationId } = c.req.valid('param');
      if (!(await markNotificationRead(c.var.deps.db, memberActor(c).organizationId, notificationId))) {
        throw notFound('notification');
      }
      return c.json({ ok: true as const }, 200);
    },
  );
