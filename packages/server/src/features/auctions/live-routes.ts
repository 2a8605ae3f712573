import { OpenAPIHono, z } from '@hono/zod-openapi';
import { auctionDetailSchema, auctionSchema, createAuctionBodySchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { loadSession, requireStageControl, requireUser } from '../live/access';
import { announceAuction } from './announce';
import { createAuction } from './create';
import { auctionDetail } from './detail';
import { readAuction, toAuction } from './repository';

const tags = ['auctions'];

/** `/api/live/sessions/{id}/auctions`: starting an auction belongs to the stage of a session. */
export const auctionLiveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/sessions/{id}/auctions',
      tags,
      summary: 'Start a live auction (拍卖) of one piece of the pinned listing',
      description:
        'The session’s hosts and the seller’s owners and admins (another seller’s session is 404, staff 403). One piece is reserved from the listing’s stock; it goes to the winner’s order or back to the listing at close. `ladder` defaults to DEFAULT_BID_LADDER (<¥1,000 +¥50, <¥10,000 +¥200, <¥100,000 +¥1,000, above +¥5,000). `reservePriceFen` is never shown to viewers. A bid in the last `antiSnipeSeconds` moves the end to at least bid time + `antiSnipeExtensionSeconds`. With `depositFen`, buyers pay a deposit before bidding. 422 when nothing is pinned or the start is out of range; 409 when the session is not live, the listing is not on sale or out of stock (details.reason not_available), an auction is already open (auction_open), or a flash sale holds the listing (flash_sale_running). An auction still open when its session ends hammers (reserve met) or goes unsold then.',
      request: { params: uuidParam('id'), body: jsonBody(createAuctionBodySchema) },
      responses: { 201: jsonResponse(auctionDetailSchema, 'Created') },
    }),
    async (c) => {
      const { deps } = c.var;
      const loaded = await loadSession(c, c.req.valid('param').id);
      requireStageControl(loaded);
      const id = await createAuction(deps, loaded.session, requireUser(loaded.caller), c.req.valid('json'));
      await announceAuction(deps, id, { force: true });
      const auction = await readAuction(deps.db, id);
      if (!auction) throw notFound('auction');
      return c.json(await auctionDetail(c, auction), 201);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions/{id}/auctions',
      tags,
      summary: 'Auctions of a live session, newest first (public view, no reserve amounts)',
      description:
        'Whoever may see the session (404 otherwise). An auction past its end shows state `closed` even before the sweeper closed it; GET /api/auctions/{id} closes it on the spot.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(z.object({ auctions: z.array(auctionSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { session } = await loadSession(c, c.req.valid('param').id);
      const rows = await db
        .selectFrom('auctions')
        .select('id')
        .where('sessionId', '=', session.id)
        .orderBy('createdAt', 'desc')
        .limit(50)
        .execute();
      const auctions = await Promise.all(rows.map((row) => readAuction(db, row.id)));
      const now = new Date();
      return c.json({ auctions: auctions.flatMap((a) => (a ? [toAuction(a, now)] : [])) }, 200);
    },
  );
