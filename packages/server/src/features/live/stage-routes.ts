import { OpenAPIHono, z } from '@hono/zod-openapi';
import { cohostBodySchema, pinBodySchema, pinnedCardSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, notFound, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { loadSession, requireStageControl, requireStatus, requireUser } from './access';
import { auditSession } from './audit';
import { broadcast } from './broadcast';
import { lineupCard } from './cards';
import { identityFor } from './grants';
import { inviteCohost, removeCohost, userExists } from './moderation-repository';
import { pinListing, unpinListing } from './session-writes';

const tags = ['live'];
const seller = Access.members(['seller']);
const OPEN = ['scheduled', 'live'] as const;
const pinnedSchema = z.object({ card: pinnedCardSchema.nullable(), delivered: z.boolean() });

export const stageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(seller, {
      method: 'post',
      path: '/sessions/{id}/pin',
      tags,
      summary: 'Pin a listing of the lineup (讲解卡); every viewer gets the card at once',
      description: 'Sent into the room on topic `jl.room` as `{type: "pin.changed", card}`.',
      request: { params: uuidParam('id'), body: jsonBody(pinBodySchema) },
      responses: { 200: jsonResponse(pinnedSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { listingId } = c.req.valid('json');
      const { deps } = c.var;
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      requireStatus(loaded.session, OPEN, 'pin in');
      const pinnedBy = requireUser(loaded.caller);
      const card = await lineupCard(deps.db, id, listingId);
      if (!card)
        throw unprocessable('only listings of the lineup can be pinned', because('pin_not_in_lineup'));
      if (card.listingStatus !== 'published') {
        throw unprocessable(
          `the listing is ${card.listingStatus}`,
          because('listing_not_on_sale', { status: card.listingStatus }),
        );
      }
      await pinListing(deps.db, loaded.session, listingId, pinnedBy);
      const at = new Date().toISOString();
      const delivered = await broadcast(deps, loaded.session.roomName, { type: 'pin.changed', card, at });
      return c.json({ card, delivered }, 200);
    },
  )
  .openapi(
    defineRoute(seller, {
      method: 'delete',
      path: '/sessions/{id}/pin',
      tags,
      summary: 'Take the pinned card down',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(pinnedSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { deps } = c.var;
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      await unpinListing(deps.db, loaded.session);
      const at = new Date().toISOString();
      const delivered = await broadcast(deps, loaded.session.roomName, {
        type: 'pin.changed',
        card: null,
        at,
      });
      return c.json({ card: null, delivered }, 200);
    },
  )
  .openapi(
    defineRoute(seller, {
      method: 'post',
      path: '/sessions/{id}/cohosts',
      tags,
      summary: 'Invite a user on stage as co-host (they may then ask for a cohost token)',
      request: { params: uuidParam('id'), body: jsonBody(cohostBodySchema) },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { userId } = c.req.valid('json');
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      requireStatus(loaded.session, OPEN, 'invite co-hosts to');
      const invitedBy = requireUser(loaded.caller);
      if (!(await userExists(c.var.deps.db, userId))) throw notFound('user');
      await c.var.deps.db.transaction().execute(async (trx) => {
        await inviteCohost(trx, id, userId, invitedBy);
        await auditSession(trx, loaded.session, 'live_session.cohost_invited', { userId });
      });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(seller, {
      method: 'delete',
      path: '/sessions/{id}/cohosts/{userId}',
      tags,
      summary: 'Take a co-host off stage: publishing is revoked in the room at once',
      request: { params: uuidParam('id').extend(uuidParam('userId').shape) },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const { deps } = c.var;
      const loaded = await loadSession(c, id);
      requireStageControl(loaded);
      await deps.db.transaction().execute(async (trx) => {
        if (!(await removeCohost(trx, id, userId))) throw notFound('co-host');
        await auditSession(trx, loaded.session, 'live_session.cohost_removed', { userId });
      });
      // Their token still says cohost until it expires; the room's permission is what counts now.
      await deps.livekit?.setPublishSources(loaded.session.roomName, identityFor('cohost', userId), []);
      return c.json({ ok: true as const }, 200);
    },
  );
