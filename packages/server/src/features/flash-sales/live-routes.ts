import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createFlashSaleBodySchema, flashSaleSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { loadSession, requireStageControl, requireUser } from '../live/access';
import { announceFlashSale } from './announce';
import { createFlashSale } from './create';
import { readFlashSale, toFlashSale } from './repository';
import { saleSnapshot } from './snapshot';

const tags = ['flash-sales'];

/** `/api/live/sessions/{id}/flash-sales`: starting a sale belongs to the stage of a session. */
export const flashSaleLiveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/sessions/{id}/flash-sales',
      tags,
      summary: 'Start a flash sale (秒杀) on the pinned listing of a live session',
      description:
        'The session’s hosts and the seller’s owners and admins (another seller’s session is 404). The flash quantity is held from the listing’s stock (holds ledger) and the unsold rest returns when the sale ends (or its session does). 422 when the flash price does not beat both the current price and the lowest deal of the last 7 days, when stock is short or nothing is pinned; 409 when the session is not live, a sale is already open, the listing is not on sale (listing_not_on_sale) or an auction holds it (auction_running).',
      request: { params: uuidParam('id'), body: jsonBody(createFlashSaleBodySchema) },
      responses: { 201: jsonResponse(flashSaleSchema, 'Created') },
    }),
    async (c) => {
      const { deps } = c.var;
      const loaded = await loadSession(c, c.req.valid('param').id);
      requireStageControl(loaded);
      const saleId = await createFlashSale(
        deps,
        loaded.session,
        requireUser(loaded.caller),
        c.req.valid('json'),
      );
      await announceFlashSale(deps, saleId, { force: true });
      // Read through the snapshot: the crowd that the host's start brings to this instance finds
      // the sale known, instead of its first grabs waiting on that read.
      const sale = await saleSnapshot(deps.db, saleId);
      if (!sale) throw notFound('flash sale');
      return c.json(toFlashSale(sale), 201);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/sessions/{id}/flash-sales',
      tags,
      summary: 'Flash sales of a live session, newest first',
      description: 'Whoever may see the session (404 otherwise).',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(z.object({ flashSales: z.array(flashSaleSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { session } = await loadSession(c, c.req.valid('param').id);
      const rows = await db
        .selectFrom('flashSales')
        .select('id')
        .where('sessionId', '=', session.id)
        .orderBy('createdAt', 'desc')
        .limit(50)
        .execute();
      const sales = await Promise.all(rows.map((row) => readFlashSale(db, row.id)));
      const now = new Date();
      return c.json({ flashSales: sales.flatMap((sale) => (sale ? [toFlashSale(sale, now)] : [])) }, 200);
    },
  );
