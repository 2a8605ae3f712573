import { OpenAPIHono, z } from '@hono/zod-openapi';
import { buyerNotificationSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { iso, isoOrNull } from '../../lib/serialize';
import { buyerUserId } from '../orders/buyer';
import { listBuyerNotifications, markBuyerNotificationRead } from './buyer-repository';

const tags = ['notifications'];
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); another buyer’s notification is 404.';

/** A buyer's own notifications (organisations read theirs at /api/notifications). */
export const buyerNotificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/',
      tags,
      summary: 'What the platform told the calling buyer, newest first',
      description: BUYERS_ONLY,
      responses: { 200: jsonResponse(z.object({ notifications: z.array(buyerNotificationSchema) })) },
    }),
    async (c) => {
      const rows = await listBuyerNotifications(c.var.deps.db, buyerUserId(c));
      const notifications = rows.map((row) =>
        buyerNotificationSchema.parse({
          ...row,
          createdAt: iso(row.createdAt),
          readAt: isoOrNull(row.readAt),
        }),
      );
      return c.json({ notifications }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{notificationId}/read',
      auditExempt: 'a read mark is the reader’s own inbox state',
      tags,
      summary: 'Mark one of the buyer’s notifications read',
      description: BUYERS_ONLY,
      request: { params: uuidParam('notificationId') },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { notificationId } = c.req.valid('param');
      if (!(await markBuyerNotificationRead(c.var.deps.db, buyerUserId(c), notificationId))) {
        throw notFound('notification');
      }
      return c.json({ ok: true as const }, 200);
    },
  );
