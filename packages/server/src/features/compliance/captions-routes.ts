import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ingestCaptionsBodySchema } from '@jadelive/shared';
import { complianceFlagSchema, scan } from '@jadelive/shared/compliance';
import type { Database } from '../../db/database';
import { sellerAdmitted } from '../../db/scopes';
import { Access, type MemberActor, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { conflict, notFound, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { loadListingContext } from './facts';
import { recordFlags } from './record';

const tags = ['compliance'];
const CAPTION_SEGMENTS_PER_MINUTE = 600;

/** A live session the caller may speak for: its seller, or the operator of a base the seller is admitted to. */
async function findSpeakableSession(db: Database, actor: MemberActor, sessionId: string) {
  let query = db
    .selectFrom('liveSessions')
    .select(['id', 'sellerOrgId', 'status', 'pinnedListingId'])
    .where('id', '=', sessionId);
  if (actor.organizationKind === 'seller') {
    query = query.where('sellerOrgId', '=', actor.organizationId);
  } else {
    query = query.where((eb) =>
      sellerAdmitted(eb, 'liveSessions.sellerOrgId', { operatorOrgId: actor.organizationId }),
    );
  }
  return query.executeTakeFirst();
}

export const captionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.members(['seller', 'cluster_operator'], { token: 'live:captions' }), {
    method: 'post',
    path: '/sessions/{sessionId}/captions',
    tags,
    summary: 'Ingest live caption segments (speech-to-text) and host talking points for claim checking',
    description:
      'Each segment is checked against the facts of the listing it is about (the pinned one unless `listingId` names another lineup listing), read at this moment. Flags are stored and pushed to the host studio feed and regulators within a second. Meant for API tokens with `live:captions`, scoped to the seller or its base.',
    auditExempt:
      'caption segments are the session’s speech, not a change of state; what they flag is kept as compliance flags, the record regulators read',
    request: { params: uuidParam('sessionId'), body: jsonBody(ingestCaptionsBodySchema) },
    responses: {
      200: jsonResponse(
        z.object({
          results: z.array(z.object({ index: z.number().int(), flags: z.array(complianceFlagSchema) })),
        }),
      ),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const actor = memberActor(c);
    const { sessionId } = c.req.valid('param');
    const { segments } = c.req.valid('json');
    // The caller's right to the session comes first: a stranger's calls must not use up the
    // session's budget and so switch off its seller's claim checking.
    const session = await findSpeakableSession(db, actor, sessionId);
    if (!session) throw notFound('live session');
    await consumeRateLimit(db, `captions:${sessionId}`, CAPTION_SEGMENTS_PER_MINUTE, 60);
    if (session.status !== 'live') throw conflict(`the session is ${session.status}, not live`);
    const lineup = new Set(
      (
        await db
          .selectFrom('liveSessionLineup')
          .select('listingId')
          .where('sessionId', '=', sessionId)
          .execute()
      ).map((row) => row.listingId),
    );
    for (const segment of segments) {
      if (segment.listingId && !lineup.has(segment.listingId)) {
        throw unprocessable(`listing ${segment.listingId} is not in this session's lineup`);
      }
    }
    const results = await db.transaction().execute(async (trx) => {
      const out: { index: number; flags: ReturnType<typeof scan> }[] = [];
      for (const [index, segment] of segments.entries()) {
        const listingId = segment.listingId ?? session.pinnedListingId;
        const facts = await loadListingContext(trx, listingId);
        const flags = scan(segment.text, facts);
        await recordFlags(
          trx,
          {
            source: segment.kind,
            sellerOrgId: session.sellerOrgId,
            sessionId,
            listingId,
            // The feed speaks for the session; its label (主播, 助播 …) names who it heard.
            speaker: { kind: 'caption_feed', userId: null, name: segment.speaker ?? null },
            text: segment.text,
            saidAt: segment.saidAt ? new Date(segment.saidAt) : new Date(),
            facts,
          },
          flags,
        );
        out.push({ index, flags });
      }
      return out;
    });
    return c.json({ results }, 200);
  },
);
