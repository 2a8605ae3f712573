import { OpenAPIHono, z } from '@hono/zod-openapi';
import { muteBodySchema, removeParticipantBodySchema, slowModeBodySchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { loadSession, requireModerator, requireUser } from './access';
import { auditSession } from './audit';
import { broadcast } from './broadcast';
import { markDeleted } from './chat-repository';
import { userIdOfIdentity } from './grants';
import { mute, recordRemoval, setSlowMode, unmute, userExists } from './moderation-repository';

const tags = ['live'];
// Moderators: the session's hosts, the seller's owners and admins, the base operator.
const moderators = Access.members(['seller', 'cluster_operator']);
const deliveredSchema = z.object({ ok: z.literal(true), delivered: z.boolean() });

export const moderationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(moderators, {
      method: 'delete',
      path: '/sessions/{id}/chat/{messageId}',
      tags,
      summary: 'Delete a chat message (kept for the record, hidden from everyone)',
      request: { params: uuidParam('id').extend(uuidParam('messageId').shape) },
      responses: { 200: jsonResponse(deliveredSchema) },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid('param');
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      const userId = requireUser(loaded.caller);
      await c.var.deps.db.transaction().execute(async (trx) => {
        if (!(await markDeleted(trx, id, messageId, userId))) throw notFound('chat message');
        await auditSession(trx, loaded.session, 'chat.message_removed', { messageId });
      });
      const delivered = await broadcast(c.var.deps, loaded.session.roomName, {
        type: 'chat.deleted',
        messageId,
      });
      return c.json({ ok: true as const, delivered }, 200);
    },
  )
  .openapi(
    defineRoute(moderators, {
      method: 'post',
      path: '/sessions/{id}/mutes',
      tags,
      summary: 'Mute a user in the chat of this session (for some minutes, or until it ends)',
      request: { params: uuidParam('id'), body: jsonBody(muteBodySchema) },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      const mutedBy = requireUser(loaded.caller);
      if (!(await userExists(c.var.deps.db, body.userId))) throw notFound('user');
      await c.var.deps.db.transaction().execute(async (trx) => {
        await mute(trx, { sessionId: id, userId: body.userId, mutedBy, minutes: body.minutes });
        await auditSession(trx, loaded.session, 'chat.viewer_muted', {
          userId: body.userId,
          minutes: body.minutes ?? null,
        });
      });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(moderators, {
      method: 'delete',
      path: '/sessions/{id}/mutes/{userId}',
      tags,
      summary: 'Lift a chat mute',
      request: { params: uuidParam('id').extend(uuidParam('userId').shape) },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      await c.var.deps.db.transaction().execute(async (trx) => {
        if (!(await unmute(trx, id, userId))) throw notFound('mute');
        await auditSession(trx, loaded.session, 'chat.viewer_unmuted', { userId });
      });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(moderators, {
      method: 'post',
      path: '/sessions/{id}/removals',
      tags,
      summary: 'Remove a viewer from the room; a signed-in viewer gets no new token for it',
      request: { params: uuidParam('id'), body: jsonBody(removeParticipantBodySchema) },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true), disconnected: z.boolean() })) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { identity } = c.req.valid('json');
      const { deps } = c.var;
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      const removedBy = requireUser(loaded.caller);
      const userId = userIdOfIdentity(identity);
      if (userId && !(await userExists(deps.db, userId))) throw notFound('user');
      await deps.db.transaction().execute(async (trx) => {
        await recordRemoval(trx, { sessionId: id, identity, userId, removedBy });
        await auditSession(trx, loaded.session, 'chat.viewer_removed', { identity, userId });
      });
      const disconnected = deps.livekit
        ? await deps.livekit.removeParticipant(loaded.session.roomName, identity)
        : false;
      return c.json({ ok: true as const, disconnected }, 200);
    },
  )
  .openapi(
    defineRoute(moderators, {
      method: 'put',
      path: '/sessions/{id}/slow-mode',
      tags,
      summary: 'Set slow mode: seconds a viewer must wait between messages (0 turns it off)',
      request: { params: uuidParam('id'), body: jsonBody(slowModeBodySchema) },
      responses: { 200: jsonResponse(deliveredSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { seconds } = c.req.valid('json');
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      await c.var.deps.db.transaction().execute(async (trx) => {
        await setSlowMode(trx, id, seconds);
        await auditSession(trx, loaded.session, 'chat.slow_mode_set', { seconds });
      });
      const delivered = await broadcast(c.var.deps, loaded.session.roomName, {
        type: 'slow_mode.changed',
        seconds,
      });
      return c.json({ ok: true as const, delivered }, 200);
    },
  );
