import { OpenAPIHono, z } from '@hono/zod-openapi';
import { type SessionReminder, sessionReminderSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { iso } from '../../lib/serialize';
import { recordBuyerChoice } from '../audit/buyer-choice';
import { nothingToAudit } from '../audit/request-context';
import { buyerUserId } from '../orders/buyer';
import { findPublicSession, forget, hasReminder, listReminders, remind } from './repository';

const tags = ['reminders'];
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); each buyer sees only their own.';
const remindedSchema = z.object({ reminded: z.boolean() });

/** Buyers book reminders (预约) for planned live sessions and are told when they go live. */
export const reminderRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/',
      tags,
      summary: "The caller's reminders: sessions to come first, soonest first",
      description: BUYERS_ONLY,
      responses: { 200: jsonResponse(z.object({ reminders: z.array(sessionReminderSchema) })) },
    }),
    async (c) => {
      const rows = await listReminders(c.var.deps.db, buyerUserId(c));
      const reminders = rows.map(
        (row): SessionReminder => ({
          session: {
            id: row.sessionId,
            title: row.title,
            status: row.status as SessionReminder['session']['status'],
            plannedStartAt: iso(row.plannedStartAt),
          },
          shop: { id: row.shopId, name: row.shopName, slug: row.shopSlug, district: row.shopDistrict },
          remindedAt: iso(row.remindedAt),
        }),
      );
      return c.json({ reminders }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'put',
      path: '/{sessionId}',
      tags,
      summary: 'Book a reminder for a planned session (told when it goes live)',
      description: `${BUYERS_ONLY} Idempotent. A session that is not public is 404; one already live or over is 409 (reason session_status) unless the reminder exists.`,
      request: { params: uuidParam('sessionId') },
      responses: { 200: jsonResponse(remindedSchema) },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { db } = c.var.deps;
      const { sessionId } = c.req.valid('param');
      const session = await findPublicSession(db, sessionId);
      if (!session) throw notFound('live session');
      if (await hasReminder(db, userId, sessionId)) {
        nothingToAudit('the reminder is booked already');
        return c.json({ reminded: true }, 200);
      }
      if (session.status !== 'scheduled') {
        throw conflict(
          'only a planned session takes reminders',
          because('session_status', { status: session.status }),
        );
      }
      await recordBuyerChoice(db, (trx) => remind(trx, userId, sessionId), {
        action: 'reminder.set',
        targetType: 'live_session',
        targetId: sessionId,
      });
      return c.json({ reminded: true }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'delete',
      path: '/{sessionId}',
      tags,
      summary: 'Cancel a reminder',
      description: `${BUYERS_ONLY} Idempotent: cancelling a reminder one does not have answers the same.`,
      request: { params: uuidParam('sessionId') },
      responses: { 200: jsonResponse(remindedSchema) },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { sessionId } = c.req.valid('param');
      await recordBuyerChoice(c.var.deps.db, (trx) => forget(trx, userId, sessionId), {
        action: 'reminder.removed',
        targetType: 'live_session',
        targetId: sessionId,
      });
      return c.json({ reminded: false }, 200);
    },
  );
