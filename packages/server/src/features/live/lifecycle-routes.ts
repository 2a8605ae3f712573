import { OpenAPIHono } from '@hono/zod-openapi';
import { liveSessionSchema, liveSummarySchema } from '@jadelive/shared';
import { sql } from 'kysely';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { isoOrNull } from '../../lib/serialize';
import { loadSession, requireModerator, requireStageControl, requireStatus } from './access';
import { endLiveSession, ensureRoom, requireLivekit } from './lifecycle';
import { viewerAggregates } from './presence';
import { toLiveSession } from './serialize';
import { transition } from './session-writes';

const tags = ['live'];
const seller = Access.members(['seller']);
const params = { params: uuidParam('id') };

export const lifecycleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(seller, {
      method: 'post',
      path: '/sessions/{id}/start',
      tags,
      summary: 'Go live: scheduled → live (creates the LiveKit room)',
      description:
        'Answers 503 when live video is unavailable. A host publishing a track also starts the session.',
      request: params,
      responses: { 200: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      requireStatus(loaded.session, ['scheduled'], 'start');
      const livekit = requireLivekit(c.var.deps);
      await ensureRoom(livekit, loaded.session);
      if (!(await transition(c.var.deps.db, id, 'start')))
        throw conflict('the session is no longer scheduled', because('session_not_scheduled'));
      const { session } = await loadSession(c, id);
      return c.json(toLiveSession(session), 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller', 'cluster_operator']), {
      method: 'post',
      path: '/sessions/{id}/end',
      tags,
      summary: 'End the broadcast: live → ended (tells the room, then closes it)',
      description:
        "The session's hosts and seller managers, or the operator of a base the seller belongs to.",
      request: params,
      responses: { 200: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const loaded = await loadSession(c, id);
      requireModerator(loaded);
      requireStatus(loaded.session, ['live'], 'end');
      if (!(await endLiveSession(c.var.deps, loaded.session, { deleteRoom: true }))) {
        throw conflict('the session is no longer live', because('session_status', { status: 'ended' }));
      }
      const { session } = await loadSession(c, id);
      return c.json(toLiveSession(session), 200);
    },
  )
  .openapi(
    defineRoute(seller, {
      method: 'post',
      path: '/sessions/{id}/cancel',
      tags,
      summary: 'Call off a scheduled session: scheduled → cancelled',
      request: params,
      responses: { 200: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { deps } = c.var;
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      requireStatus(loaded.session, ['scheduled'], 'cancel');
      if (!(await transition(deps.db, id, 'cancel'))) {
        throw conflict('the session is no longer scheduled', because('session_not_scheduled'));
      }
      // A host may have opened the room to prepare; nobody should stay in a cancelled one.
      await deps.livekit?.deleteRoom(loaded.session.roomName).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'could not delete the room of a cancelled session');
      });
      const { session } = await loadSession(c, id);
      return c.json(toLiveSession(session), 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller', 'cluster_operator', 'regulator']), {
      method: 'get',
      path: '/sessions/{id}/summary',
      tags,
      summary: 'Figures of a session: viewers (current, peak, average, unique), live minutes, chat, pins',
      description:
        "For the seller, the operator of a base it belongs to, and the regulator of the seller's district.",
      request: params,
      responses: { 200: jsonResponse(liveSummarySchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db } = c.var.deps;
      const { session } = await loadSession(c, id);
      if (!session.isSeller && !session.isOperator && !session.isRegulator) throw notFound('live session');
      const stats = await db
        .selectFrom('liveSessionStats')
        .selectAll()
        .where('sessionId', '=', id)
        .executeTakeFirst();
      const frozen = session.status === 'ended' && stats?.averageViewers != null;
      const live = frozen ? null : await viewerAggregates(db, id);
      const liveSeconds = frozen ? (stats?.liveSeconds ?? 0) : (live?.liveSeconds ?? 0);
      const chat = await db
        .selectFrom('chatMessages')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('sessionId', '=', id)
        .where('status', '=', 'visible')
        .executeTakeFirstOrThrow();
      return c.json(
        {
          sessionId: id,
          status: session.status as 'scheduled' | 'live' | 'ended' | 'cancelled',
          startedAt: isoOrNull(session.startedAt),
          endedAt: isoOrNull(session.endedAt),
          liveMinutes: Math.round((liveSeconds / 60) * 10) / 10,
          currentViewers: session.currentViewers,
          peakViewers: session.peakViewers,
          averageViewers:
            Math.round((frozen ? (stats?.averageViewers ?? 0) : (live?.averageViewers ?? 0)) * 100) / 100,
          uniqueViewers: frozen ? (stats?.uniqueViewers ?? 0) : (live?.uniqueViewers ?? 0),
          chatMessages: chat.n,
          pins: stats?.pinCount ?? 0,
        },
        200,
      );
    },
  );
