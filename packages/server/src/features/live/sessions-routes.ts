import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createLiveSessionBodySchema,
  lineupBodySchema,
  liveSessionListQuerySchema,
  liveSessionSchema,
  liveStatusSchema,
} from '@jadelive/shared';
import { Access, MANAGERS, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, forbidden } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { loadSession, requireStageControl, requireStatus } from './access';
import { liveCaller } from './caller';
import { lineupCard, lineupCards } from './cards';
import { toLiveSession } from './serialize';
import { listSessions } from './session-repository';
import { checkSessionInputs, insertSession, replaceLineup } from './session-writes';

const tags = ['live'];
const sellerManagers = Access.members(['seller'], { roles: MANAGERS });

export const sessionsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/status',
      tags,
      summary: 'Whether live video is available right now',
      description: 'The console shows plainly that streaming is unavailable when `available` is false.',
      responses: { 200: jsonResponse(liveStatusSchema) },
    }),
    (c) => {
      const { livekit } = c.var.deps;
      return c.json(livekit ? { available: true, url: livekit.url } : { available: false }, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions',
      tags,
      summary: 'Live sessions: public (live and upcoming) or mine (own / monitor wall / jurisdiction)',
      description:
        '`view=public` (default) lists live and scheduled sessions for everyone. `view=mine` lists a ' +
        "seller's own sessions, a base operator's monitor wall (sellers admitted to its bases) or a " +
        "regulator's jurisdiction; other callers get 403.",
      request: { query: liveSessionListQuerySchema },
      responses: { 200: jsonResponse(z.object({ sessions: z.array(liveSessionSchema) })) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const caller = liveCaller(c);
      if (
        query.view === 'mine' &&
        !['seller', 'cluster_operator', 'regulator'].includes(caller.orgKind ?? '')
      ) {
        throw forbidden(
          'view=mine is for sellers, base operators and regulators',
          because('view_mine_not_allowed'),
        );
      }
      const rows = await listSessions(c.var.deps.db, caller, query);
      return c.json({ sessions: rows.map((row) => toLiveSession(row)) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerManagers, {
      method: 'post',
      path: '/sessions',
      tags,
      summary: 'Schedule a live session with hosts and a lineup of published listings',
      request: { body: jsonBody(createLiveSessionBodySchema) },
      responses: { 201: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      const sellerOrgId = memberActor(c).organizationId;
      const body = c.req.valid('json');
      const { db } = c.var.deps;
      await checkSessionInputs(db, sellerOrgId, body);
      const id = await insertSession(db, sellerOrgId, actor.userId, body);
      const { session } = await loadSession(c, id);
      return c.json(toLiveSession(session, { pinned: null, lineup: await lineupCards(db, id) }), 201);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions/{id}',
      tags,
      summary: 'One session with its lineup and the currently pinned card (for late joiners)',
      description:
        'Scheduled and live sessions are public; ended and cancelled ones only for their seller, base operator and regulator.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db } = c.var.deps;
      const { session } = await loadSession(c, id);
      const pinned = session.pinnedListingId ? await lineupCard(db, id, session.pinnedListingId) : undefined;
      return c.json(
        toLiveSession(session, { pinned: pinned ?? null, lineup: await lineupCards(db, id) }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'put',
      path: '/sessions/{id}/lineup',
      tags,
      summary: 'Replace the lineup (published listings of the seller, in order)',
      request: { params: uuidParam('id'), body: jsonBody(lineupBodySchema) },
      responses: { 200: jsonResponse(liveSessionSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { listingIds } = c.req.valid('json');
      const { db } = c.var.deps;
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      requireStatus(loaded.session, ['scheduled', 'live'], 'change the lineup of');
      await replaceLineup(db, loaded.session.sellerOrgId, id, listingIds);
      const { session } = await loadSession(c, id);
      const pinned = session.pinnedListingId ? await lineupCard(db, id, session.pinnedListingId) : undefined;
      return c.json(
        toLiveSession(session, { pinned: pinned ?? null, lineup: await lineupCards(db, id) }),
        200,
      );
    },
  );
