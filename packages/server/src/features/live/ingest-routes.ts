import { OpenAPIHono } from '@hono/zod-openapi';
import { WHIP_TOKEN_TTL_SECONDS, type WhipIngest, whipIngestSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { loadSession, requireStageControl, requireStatus, requireUser } from './access';
import { auditSession } from './audit';
import { GRANTS, identityFor } from './grants';
import { ensureRoom, requireLivekit } from './lifecycle';

const tags = ['ingest'];
const OPEN = ['scheduled', 'live'] as const;

/** livekit-server answers WHIP on its own HTTP port: `ws(s)://host` → `http(s)://host/whip/v1`. */
export const whipUrlOf = (livekitUrl: string) =>
  `${livekitUrl.replace(/^ws/, 'http').replace(/\/+$/, '')}/whip/v1`;

export const ingestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.members(['seller']), {
    method: 'post',
    path: '/sessions/{id}/ingest/whip',
    tags,
    summary: "A WHIP URL and bearer token for OBS to publish into the session's room as its host",
    description:
      'For the listed hosts and the seller’s owners and admins, while the session is scheduled or live. ' +
      `The token (${WHIP_TOKEN_TTL_SECONDS / 60} minutes to start the stream) joins only this session's room, ` +
      'as `host:<user id>:whip`, publishing camera and microphone only; ending the session closes the room ' +
      'and cuts the stream. No transcoding: OBS must send H.264 (baseline, no B-frames) and Opus.',
    request: { params: uuidParam('id') },
    responses: { 200: jsonResponse(whipIngestSchema) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const loaded = await loadSession(c, id);
    requireStageControl(loaded);
    requireStatus(loaded.session, OPEN, 'stream into');
    const userId = requireUser(loaded.caller);
    await consumeRateLimit(c.var.deps.db, `live-whip:${userId}`, 20, 60);
    const livekit = requireLivekit(c.var.deps);
    await ensureRoom(livekit, loaded.session);
    // A role of its own in the identity's tail: the host's browser studio keeps its own connection.
    const identity = `${identityFor('host', userId)}:whip`;
    const token = await livekit.mintToken({
      room: loaded.session.roomName,
      identity,
      name: loaded.caller.displayName ?? 'OBS',
      ttlSeconds: WHIP_TOKEN_TTL_SECONDS,
      grants: { ...GRANTS.host, canPublishSources: ['camera', 'microphone'] },
      attributes: { role: 'host', ingest: 'whip' },
    });
    const expiresAt = new Date(Date.now() + WHIP_TOKEN_TTL_SECONDS * 1000).toISOString();
    await c.var.deps.db
      .transaction()
      .execute((trx) =>
        auditSession(trx, loaded.session, 'live_session.ingest_token_issued', { identity, expiresAt }),
      );
    const body: WhipIngest = {
      whipUrl: whipUrlOf(livekit.url),
      token,
      identity,
      roomName: loaded.session.roomName,
      expiresAt,
    };
    return c.json(body, 200);
  },
);
