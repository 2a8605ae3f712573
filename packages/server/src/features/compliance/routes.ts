import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  flagsQuerySchema,
  reviewFlagBodySchema,
  storedFlagSchema,
  streamQuerySchema,
} from '@jadelive/shared';
import { streamSSE } from 'hono/streaming';
import { Access, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import { ApiError, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { recordAudit } from '../audit/repository';
import { findVisibleFlags, listFlags, loadFlagViewer, markReviewed } from './repository';
import { toStoredFlag } from './serialize';

const tags = ['compliance'];
const flagReaders = Access.members(['regulator', 'platform', 'seller', 'cluster_operator'], {
  token: 'compliance:read',
});
const reviewers = Access.members(['regulator', 'platform']);
const KEEPALIVE_MS = 15_000;

export const complianceFlagRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(flagReaders, {
      method: 'get',
      path: '/flags',
      tags,
      summary:
        'Flagged claims, newest first, filtered by category, severity, speaker kind, cluster, base, seller, session and time',
      description:
        'Regulators see sellers in their district (city-wide without one), platform admins everything, operators the sellers admitted to their bases, sellers their own. Each flag names its speaker: `listing_text`, `host`, `co_host`, `caption_feed` (the seller’s claims) or `viewer` (a viewer’s refused chat line in the seller’s room: a moderation event of that viewer, not a claim of the seller).',
      request: { query: flagsQuerySchema },
      responses: { 200: jsonResponse(z.object({ flags: z.array(storedFlagSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const viewer = await loadFlagViewer(db, memberActor(c).organizationId);
      const rows = await listFlags(db, viewer, c.req.valid('query'));
      return c.json({ flags: rows.map(toStoredFlag) }, 200);
    },
  )
  .openapi(
    defineRoute(reviewers, {
      method: 'post',
      path: '/flags/{flagId}/review',
      tags,
      summary: 'Mark a flag reviewed with a note (written to the audit log)',
      request: { params: uuidParam('flagId'), body: jsonBody(reviewFlagBodySchema) },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const actor = sessionActor(c);
      const viewer = await loadFlagViewer(db, memberActor(c).organizationId);
      const { flagId } = c.req.valid('param');
      const { note } = c.req.valid('json');
      await db.transaction().execute(async (trx) => {
        const updated = await markReviewed(trx, viewer, flagId, actor.userId, note);
        if (!updated) throw notFound('flag');
        await recordAudit(trx, {
          action: 'compliance_flag.reviewed',
          actorUserId: actor.userId,
          organizationId: viewer.orgId,
          targetType: 'compliance_flag',
          targetId: flagId,
          details: {
            note,
            sellerOrgId: updated.sellerOrgId,
            speakerKind: updated.speakerKind,
            category: updated.category,
            severity: updated.severity,
          },
          ip: clientIp(c),
          requestId: c.var.requestId,
        });
      });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(flagReaders, {
      method: 'get',
      path: '/stream',
      tags,
      summary: 'New flags as they are recorded (Server-Sent Events), optionally for one live session',
      description:
        'Sends `ready` once listening, then one `flag` event per new flag visible to the caller (the same rules as GET /flags). Fed by PostgreSQL LISTEN/NOTIFY, so flags recorded by any API instance arrive.',
      request: { query: streamQuerySchema },
      responses: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const { db, flagFeed } = c.var.deps;
      if (!flagFeed)
        throw new ApiError('SERVICE_UNAVAILABLE', 'the live flag feed is not configured on this server');
      const viewer = await loadFlagViewer(db, memberActor(c).organizationId);
      const { sessionId } = c.req.valid('query');
      return streamSSE(c, async (stream) => {
        let queue = Promise.resolve();
        const subscription = flagFeed.subscribe((announcement) => {
          if (viewer.kind === 'seller' && announcement.sellerOrgId !== viewer.orgId) return;
          // Keep events in the order they were announced.
          queue = queue.then(async () => {
            const rows = await findVisibleFlags(db, viewer, announcement.ids, sessionId);
            for (const row of rows) {
              await stream.writeSSE({ event: 'flag', id: row.id, data: JSON.stringify(toStoredFlag(row)) });
            }
          });
        });
        stream.onAbort(() => subscription.unsubscribe());
        await subscription.ready;
        await stream.writeSSE({ event: 'ready', data: '{}' });
        let feedOpen = true;
        void flagFeed.closed.then(() => {
          feedOpen = false;
        });
        while (feedOpen && !stream.aborted && !stream.closed) {
          await Promise.race([stream.sleep(KEEPALIVE_MS), flagFeed.closed]);
          if (feedOpen && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
        }
        subscription.unsubscribe();
      }) as unknown as Response;
    },
  );
