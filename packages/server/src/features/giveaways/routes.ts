import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createGiveawayBodySchema,
  giveawayAuditSchema,
  giveawayEntrySchema,
  giveawaySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { iso } from '../../lib/serialize';
import { loadSession, requireStageControl, requireUser } from '../live/access';
import { buyerUserId } from '../orders/buyer';
import { announceGiveaway, announceGiveawaySoon } from './announce';
import { createGiveaway } from './create';
import { drawGiveaway } from './draw';
import { enterGiveaway } from './enter';
import { describeGiveaways, findGiveaway, listSessionGiveaways, maskName } from './repository';

const tags = ['giveaways'];
const STAGE = 'The session’s hosts and the seller’s owners and admins; another seller’s session is 404.';

/** The giveaway and its session, if the caller may see the session (404 otherwise). */
async function loadGiveaway(c: Context<AppEnv>, giveawayId: string) {
  const giveaway = await findGiveaway(c.var.deps.db, giveawayId);
  if (!giveaway) throw notFound('giveaway');
  const loaded = await loadSession(c, giveaway.sessionId).catch(() => {
    throw notFound('giveaway');
  });
  return { giveaway, ...loaded };
}

async function describeOne(c: Context<AppEnv>, giveawayId: string, userId: string | null) {
  const row = await findGiveaway(c.var.deps.db, giveawayId);
  if (!row) throw notFound('giveaway');
  const [described] = await describeGiveaways(c.var.deps.db, [row], userId);
  return described!;
}

/** `/api/live/sessions/{id}/giveaways`: publishing a giveaway belongs to the stage. */
export const giveawayLiveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/sessions/{id}/giveaways',
      tags,
      summary: 'Publish a giveaway (福袋) with its rules and the commitment to its random seed',
      description: `${STAGE} A single prize is worth at most ¥50,000 (5,000,000 fen; 422 above). The draw comes after the start and within 24 hours (422). 409 when the session is over. The room is told (giveaway.updated; after entries throttled; always at the draw).`,
      request: { params: uuidParam('id'), body: jsonBody(createGiveawayBodySchema) },
      responses: { 201: jsonResponse(giveawaySchema, 'Created') },
    }),
    async (c) => {
      const loaded = await loadSession(c, c.req.valid('param').id);
      requireStageControl(loaded);
      const userId = requireUser(loaded.caller);
      const id = await createGiveaway(c.var.deps, loaded.session, userId, c.req.valid('json'));
      await announceGiveaway(c.var.deps, id, { force: true });
      return c.json(await describeOne(c, id, userId), 201);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions/{id}/giveaways',
      tags,
      summary: 'Giveaways of a live session, newest first: rules and commitment; the seed once drawn',
      description: 'Whoever may see the session (404 otherwise).',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(z.object({ giveaways: z.array(giveawaySchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { session, caller } = await loadSession(c, c.req.valid('param').id);
      const rows = await listSessionGiveaways(db, session.id);
      return c.json({ giveaways: await describeGiveaways(db, rows, caller.userId) }, 200);
    },
  );

/** `/api/giveaways/{id}`: entering, drawing and auditing one giveaway. */
export const giveawayRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One giveaway as the room sees it (with the caller’s own entry when signed in)',
      description: 'Whoever may see its session (404 otherwise).',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(giveawaySchema) },
    }),
    async (c) => {
      const { giveaway, caller } = await loadGiveaway(c, c.req.valid('param').id);
      return c.json(await describeOne(c, giveaway.id, caller.userId), 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/entries',
      tags,
      summary: 'Enter a giveaway (once per person; asking again answers the same entry)',
      description:
        'Buyer accounts only. 409 before the start (not_started) and from the draw time on (closed); 422 keyword_not_posted when the condition is comment_keyword and the caller has not posted the keyword in the session’s chat since the start.',
      request: { params: uuidParam('id') },
      responses: {
        201: jsonResponse(giveawayEntrySchema, 'Entered'),
        200: jsonResponse(giveawayEntrySchema, 'Already entered'),
      },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { giveaway } = await loadGiveaway(c, c.req.valid('param').id);
      const { entry, created } = await enterGiveaway(c.var.deps, giveaway.id, userId);
      if (created) announceGiveawaySoon(c.var.deps, giveaway.id);
      return c.json(
        { entryId: entry.id, giveawayId: giveaway.id, enteredAt: iso(entry.enteredAt) },
        created ? 201 : 200,
      );
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/{id}/draw',
      tags,
      summary: 'Draw the winners now that the draw time has come, and reveal the seed',
      description: `${STAGE} 409 before the draw time (too_early) or once drawn (already_drawn). The sweeper draws giveaways nobody drew.`,
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(giveawaySchema) },
    }),
    async (c) => {
      const loaded = await loadGiveaway(c, c.req.valid('param').id);
      requireStageControl(loaded);
      await drawGiveaway(c.var.deps.db, loaded.giveaway.id, 'stage');
      await announceGiveaway(c.var.deps, loaded.giveaway.id, { force: true });
      return c.json(await describeOne(c, loaded.giveaway.id, loaded.caller.userId), 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'get',
      path: '/{id}/winners',
      tags,
      summary: 'Who won, unmasked, so the seller can deliver the prizes',
      description: `${STAGE} Empty before the draw.`,
      request: { params: uuidParam('id') },
      responses: {
        200: jsonResponse(
          z.object({
            winners: z.array(
              z.object({
                rank: z.number().int(),
                entryId: z.uuid(),
                userId: z.uuid(),
                displayName: z.string(),
              }),
            ),
          }),
        ),
      },
    }),
    async (c) => {
      const loaded = await loadGiveaway(c, c.req.valid('param').id);
      requireStageControl(loaded);
      const winners = await c.var.deps.db
        .selectFrom('giveawayWinners')
        .innerJoin('giveawayEntries', 'giveawayEntries.id', 'giveawayWinners.entryId')
        .innerJoin('users', 'users.id', 'giveawayEntries.userId')
        .select([
          'giveawayWinners.rank',
          'giveawayWinners.entryId',
          'users.id as userId',
          'users.displayName',
        ])
        .where('giveawayWinners.giveawayId', '=', loaded.giveaway.id)
        .orderBy('giveawayWinners.rank')
        .execute();
      return c.json({ winners }, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{id}/audit',
      tags,
      summary: 'Everything needed to recompute the draw: seed, commitment, entries, algorithm, winners',
      description:
        'Whoever may see the session. Entrants are masked; each entrant knows their own entry id. Check: sha256(seed) = seedCommitment, and drawGiveawayWinners(seed, entry ids, winnerCount) from @jadelive/shared gives the winners in rank order. 409 not_drawn before the draw.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(giveawayAuditSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { giveaway } = await loadGiveaway(c, c.req.valid('param').id);
      if (!giveaway.drawnAt || !giveaway.drawnBy) {
        throw conflict('the giveaway has not been drawn', { reason: 'not_drawn' });
      }
      const entries = await db
        .selectFrom('giveawayEntries')
        .innerJoin('users', 'users.id', 'giveawayEntries.userId')
        .leftJoin('giveawayWinners', 'giveawayWinners.entryId', 'giveawayEntries.id')
        .select([
          'giveawayEntries.id',
          'giveawayEntries.enteredAt',
          'users.displayName',
          'giveawayWinners.rank',
        ])
        .where('giveawayEntries.giveawayId', '=', giveaway.id)
        .orderBy('giveawayEntries.id')
        .execute();
      const winners = entries
        .flatMap((entry) =>
          entry.rank === null
            ? []
            : [{ rank: entry.rank, entryId: entry.id, entrant: maskName(entry.displayName) }],
        )
        .sort((a, b) => a.rank - b.rank);
      return c.json(
        {
          giveawayId: giveaway.id,
          algorithm: giveaway.algorithm,
          seedCommitment: giveaway.seedCommitment,
          seed: giveaway.seed,
          winnerCount: giveaway.winnerCount,
          drawnAt: iso(giveaway.drawnAt),
          drawnBy: giveaway.drawnBy as 'stage' | 'system',
          entries: entries.map((entry) => ({
            entryId: entry.id,
            entrant: maskName(entry.displayName),
            enteredAt: iso(entry.enteredAt),
          })),
          winners,
        },
        200,
      );
    },
  );
