import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  chatHistoryQuerySchema,
  chatMessageSchema,
  postChatBodySchema,
  postedChatSchema,
} from '@jadelive/shared';
import { complianceFlagSchema } from '@jadelive/shared/compliance';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError, because, forbidden, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { iso } from '../../lib/serialize';
import { loadSession, requireStatus, requireUser } from './access';
import { broadcast } from './broadcast';
import { insertMessage, listMessages, slowModeWait } from './chat-repository';
import { identityFor } from './grants';
import type { ChatHookContext } from './message-hook';
import { activeMute, isActiveCohost, isRemoved } from './moderation-repository';
import { toChatMessage } from './serialize';

const tags = ['live'];
/** Per person across all rooms: generous for people, tight for scripts. */
const CHAT_BURST = { limit: 10, windowSeconds: 10 };

export const chatRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions/{id}/chat',
      tags,
      summary: 'Recent chat of a session, newest first (for late joiners)',
      request: { params: uuidParam('id'), query: chatHistoryQuerySchema },
      responses: { 200: jsonResponse(z.object({ messages: z.array(chatMessageSchema) })) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await loadSession(c, id);
      const rows = await listMessages(c.var.deps.db, id, c.req.valid('query'));
      return c.json({ messages: rows.map(toChatMessage) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/sessions/{id}/chat',
      auditExempt: 'a chat line is its own record (kept with its author and time, refused ones too)',
      tags,
      summary: 'Post a chat message (≤ 200 characters) into a live session',
      description:
        'Checked by the chat hook (claim compliance) before delivery: refused messages are kept for the ' +
        'record and answered 422. Delivered to the room through LiveKit on topic `jl.chat`. Muted or ' +
        'removed users get 403; slow mode and bursts answer 429 with Retry-After.',
      request: { params: uuidParam('id'), body: jsonBody(postChatBodySchema) },
      responses: { 201: jsonResponse(postedChatSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { text } = c.req.valid('json');
      const { deps } = c.var;
      const { db } = deps;
      const { caller, session } = await loadSession(c, id);
      const userId = requireUser(caller);
      requireStatus(session, ['live'], 'chat in');
      await consumeRateLimit(db, `live-chat:${userId}`, CHAT_BURST.limit, CHAT_BURST.windowSeconds);
      const mute = await activeMute(db, id, userId);
      if (mute) {
        throw forbidden(
          'you are muted in this session',
          because('muted', { until: mute.until ? iso(mute.until) : null }),
        );
      }
      if (await isRemoved(db, id, identityFor('viewer', userId)))
        throw forbidden('you were removed from this session', because('removed_from_session'));

      const senderRole = session.isHost
        ? 'host'
        : (await isActiveCohost(db, id, userId))
          ? 'cohost'
          : 'viewer';
      const lineup = await db
        .selectFrom('liveSessionLineup')
        .select('listingId')
        .where('sessionId', '=', id)
        .orderBy('position')
        .execute();
      const context: ChatHookContext = {
        sessionId: id,
        sellerOrgId: session.sellerOrgId,
        userId,
        displayName: caller.displayName,
        senderRole,
        lineupListingIds: lineup.map((row) => row.listingId),
        pinnedListingId: session.pinnedListingId,
      };
      const hook = deps.chatHook;

      const outcome = await db.transaction().execute(async (trx) => {
        // The stage is not slowed down; viewers are.
        const wait =
          senderRole === 'viewer' ? await slowModeWait(trx, id, userId, session.slowModeSeconds) : 0;
        if (wait > 0) return { wait } as const;
        const verdict = await hook({ text }, context);
        const row = await insertMessage(trx, {
          sessionId: id,
          userId,
          text,
          status: verdict.allow ? 'visible' : 'blocked',
          flags: verdict.flags,
        });
        return { row, verdict } as const;
      });
      if ('wait' in outcome) {
        throw new ApiError(
          'RATE_LIMITED',
          `slow mode: wait ${outcome.wait} s between messages`,
          because('slow_mode', { waitSeconds: outcome.wait ?? 0, retryAfterSeconds: outcome.wait ?? 0 }),
        );
      }
      if (!outcome.verdict.allow) {
        // The phrases as the sender wrote them, with each rule's own words in both languages.
        const flags = outcome.verdict.flags.flatMap((flag) => {
          const parsed = complianceFlagSchema.safeParse(flag);
          return parsed.success ? [parsed.data] : [];
        });
        const phrases = flags
          .filter((flag) => flag.severity === 'block')
          .map((flag) => ({
            phrase: text.slice(flag.start, flag.end),
            ruleId: flag.ruleId,
            category: flag.category,
            message: flag.message,
          }));
        throw unprocessable('message refused by the content rules', {
          ...because('content_refused', { phrases }),
          flags: outcome.verdict.flags,
        });
      }
      const message = toChatMessage({
        id: outcome.row.id,
        sessionId: id,
        userId,
        displayName: caller.displayName ?? '',
        text,
        createdAt: outcome.row.createdAt,
        deletedAt: null,
      });
      const delivered = await broadcast(deps, session.roomName, { type: 'chat.message', message });
      return c.json({ message, delivered }, 201);
    },
  );
