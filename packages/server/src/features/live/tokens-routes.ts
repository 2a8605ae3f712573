import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { type LiveToken, type LiveTokenRole, liveTokenBodySchema, liveTokenSchema } from '@jadelive/shared';
import type { Context } from 'hono';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import { because, forbidden, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { type LoadedSession, loadSession, requireStatus, requireUser } from './access';
import { GRANTS, identityFor, type ParticipantRole, TOKEN_TTL_SECONDS } from './grants';
import { ensureRoom, requireLivekit } from './lifecycle';
import { isActiveCohost, isRemoved } from './moderation-repository';

const tags = ['live'];
const OPEN = ['scheduled', 'live'] as const;

/** Refuses a role the caller does not hold for this session: 404 when the room is not theirs to know. */
async function checkRole(c: Context<AppEnv>, loaded: LoadedSession, role: LiveTokenRole, userId: string) {
  const { session, caller } = loaded;
  switch (role) {
    case 'host':
      if (!session.isSeller) throw notFound('live session');
      if (!session.isHost) throw forbidden('you are not a host of this session', because('hosts_only'));
      return;
    case 'cohost':
      if (!(await isActiveCohost(c.var.deps.db, session.id, userId))) {
        throw forbidden('the host has not invited you on stage', because('not_invited_on_stage'));
      }
      return;
    case 'viewer':
      if (await isRemoved(c.var.deps.db, session.id, identityFor('viewer', userId))) {
        throw forbidden('you were removed from this session', because('removed_from_session'));
      }
      return;
    case 'monitor':
      if (caller.orgKind !== 'cluster_operator') {
        throw forbidden('monitor tokens are for base operators', because('monitor_for_operators'));
      }
      if (!session.isOperator) throw notFound('live session');
      return;
    case 'observer':
      if (caller.orgKind !== 'regulator') {
        throw forbidden('observer tokens are for regulators', because('observer_for_regulators'));
      }
      if (!session.isRegulator) throw notFound('live session');
      return;
  }
}

async function mint(
  c: Context<AppEnv>,
  loaded: LoadedSession,
  role: ParticipantRole,
  id: string,
  name: string,
): Promise<LiveToken> {
  const livekit = requireLivekit(c.var.deps);
  await ensureRoom(livekit, loaded.session);
  const identity = identityFor(role, id);
  const token = await livekit.mintToken({
    room: loaded.session.roomName,
    identity,
    name,
    ttlSeconds: TOKEN_TTL_SECONDS,
    grants: GRANTS[role],
    attributes: { role },
  });
  return {
    token,
    url: livekit.url,
    identity,
    roomName: loaded.session.roomName,
    role,
    expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}

export const tokensRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/sessions/{id}/token',
      auditExempt: 'mints a short-lived LiveKit token and stores nothing (joining is recorded as presence)',
      tags,
      summary: 'A LiveKit token for the room, for one role',
      description:
        'host: listed hosts of the seller (camera, microphone, screen share). cohost: users the host ' +
        'invited on stage (camera, microphone). viewer: any signed-in user (subscribe only). monitor: ' +
        "operators of a base the seller belongs to (hidden, subscribe only). observer: regulators of the seller's " +
        'district (hidden, subscribe only). Nobody may publish data. Tokens live 10 minutes (enough to connect).',
      request: { params: uuidParam('id'), body: jsonBody(liveTokenBodySchema) },
      responses: { 200: jsonResponse(liveTokenSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const loaded = await loadSession(c, id);
      const userId = requireUser(loaded.caller);
      await checkRole(c, loaded, role, userId);
      requireStatus(loaded.session, OPEN, 'join');
      await consumeRateLimit(c.var.deps.db, `live-token:${userId}`, 60, 60);
      const hidden = GRANTS[role].hidden;
      return c.json(
        await mint(c, loaded, role, userId, hidden ? role : (loaded.caller.displayName ?? role)),
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/sessions/{id}/guest-token',
      auditExempt: 'mints a short-lived LiveKit token and stores nothing (joining is recorded as presence)',
      tags,
      summary: 'A subscribe-only token for an anonymous viewer (random identity; chat needs sign-in)',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(liveTokenSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const loaded = await loadSession(c, id);
      requireStatus(loaded.session, OPEN, 'join');
      await consumeRateLimit(c.var.deps.db, `live-guest:${clientIp(c)}`, 30, 60);
      const guestId = randomBytes(9).toString('base64url');
      return c.json(await mint(c, loaded, 'guest', guestId, 'guest'), 200);
    },
  );
