import { OpenAPIHono } from '@hono/zod-openapi';
import {
  auctionDetailSchema,
  placeBidBodySchema,
  placedBidSchema,
  setMaxBidBodySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { requireStageControl } from '../live/access';
import { buyerUserId } from '../orders/buyer';
import { placeBid } from './bid';
import { type CloseMode, closeAuction } from './close';
import { auctionDetail, loadAuction } from './detail';
import { setMaxBid } from './max-bid';
import { readAuction, toAuction, toAuctionBid } from './repository';

const tags = ['auctions'];

/** The stage ends an auction early: hammer now, or cancel without a winner. */
const closeRoute = (mode: Exclude<CloseMode, 'due'>, summary: string, description: string) =>
  defineRoute(Access.members(['seller']), {
    method: 'post',
    path: `/{id}/${mode === 'now' ? 'close-now' : 'cancel'}`,
    tags,
    summary,
    description: `The session’s hosts and the seller’s owners and admins; another seller’s auction is 404; a closed one 409 (details.reason closed). ${description}`,
    request: { params: uuidParam('id') },
    responses: { 200: jsonResponse(auctionDetailSchema) },
  });

async function closeByStage(c: Context<AppEnv>, mode: CloseMode) {
  const id = c.req.param('id') as string;
  const { auction, loaded } = await loadAuction(c, id);
  requireStageControl(loaded);
  if (auction.closedAt) throw conflict('this auction is already closed', { reason: 'closed' });
  const outcome = await closeAuction(c.var.deps, id, { mode });
  if (!outcome) throw conflict('this auction is already closed', { reason: 'closed' });
  const after = await readAuction(c.var.deps.db, id);
  if (!after) throw notFound('auction');
  return c.json(await auctionDetail(c, after), 200);
}

/** `/api/auctions/…`: what viewers, bidders and the stage do with an auction once it exists. */
export const auctionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'An auction: current price, masked leader, end (countdown), the latest 20 bids',
      description:
        'Whoever may see its session (404 otherwise). Never shows the reserve amount, only `hasReserve` and `reserveMet`. `minimumNextBidFen` is what the next bid must at least be (same rule as `minimumNextBidFen` in @jadelive/shared). For a signed-in buyer `viewer` says whether they lead, their deposit and, once they won, their order. Reading an auction past its end closes it.',
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(auctionDetailSchema) },
    }),
    async (c) => {
      const { auction } = await loadAuction(c, c.req.valid('param').id);
      return c.json(await auctionDetail(c, auction), 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/bids',
      tags,
      summary: 'Place a bid (出价)',
      description:
        'Buyer accounts only (members 403). Bids of one auction are serialised on the server; each must be at least `minimumNextBidFen`. 201 with the bid and the auction after it; the same idempotencyKey answers 200 with the same bid (422 idempotency_key_reused if the amount, the max or the auction differ). 409 with details.reason: too_low (details.minimumFen, currentPriceFen) | not_started | ended | deposit_required (details.depositFen) | own_listing | already_leading. A bid in the anti-sniping window moves `endsAt` (the bid shows `extended: true`). Every accepted bid is kept for audit, refusals too. Optional `maxFen` (at least `amountFen`) also sets your max bid (代理出价), as PUT /api/auctions/{id}/max-bid does; competing maxes are resolved in the same step, so the answer’s `auction` may already show another leader.',
      request: { params: uuidParam('id'), body: jsonBody(placeBidBodySchema) },
      responses: {
        201: jsonResponse(placedBidSchema, 'Created'),
        200: jsonResponse(placedBidSchema, 'Replayed'),
      },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await loadAuction(c, id);
      const outcome = await placeBid(c.var.deps, userId, id, c.req.valid('json'));
      const auction = await readAuction(c.var.deps.db, id);
      if (!auction) throw notFound('auction');
      return c.json(
        { bid: toAuctionBid(outcome.bid), auction: toAuction(auction) },
        outcome.replayed ? 200 : 201,
      );
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'put',
      path: '/{id}/max-bid',
      tags,
      summary: 'Set or change your max bid (代理出价 / 自动出价)',
      description:
        'Buyer accounts only (members 403); an auction the caller may not see is 404. The server then bids for you, one ladder step past the competition and never above your max: competing maxes are resolved at once, in the same serialised step as bids — the highest max leads (the earlier of equal maxes), at the runner-up’s max plus one step, capped by the leader’s max. Each automatic bid is an ordinary bid of the ledger marked `automatic` (the runner-up’s last step and the leader’s answer); anti-sniping applies to them too. `maxFen` must be at least `minimumNextBidFen`, or for the leader at least their own leading bid (a leader may lower it down to that, never below): otherwise 409 reason too_low with details.minimumFen. Also 409 not_started | ended | deposit_required (details.depositFen) | own_listing. Your max is private: it appears only in your own `viewer.maxBidFen`, never in public answers or room messages. The same idempotencyKey answers 200 again without a second change (422 idempotency_key_reused with another amount). 200 with the auction after the change, as GET /api/auctions/{id} shows it to you.',
      request: { params: uuidParam('id'), body: jsonBody(setMaxBidBodySchema) },
      responses: { 200: jsonResponse(auctionDetailSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await loadAuction(c, id);
      const userId = buyerUserId(c);
      await setMaxBid(c.var.deps, userId, id, c.req.valid('json'));
      const auction = await readAuction(c.var.deps.db, id);
      if (!auction) throw notFound('auction');
      return c.json(await auctionDetail(c, auction), 200);
    },
  )
  .openapi(
    closeRoute(
      'now',
      'Hammer now (落槌): close the auction before its end',
      'The leader wins at the current price if the reserve is met (an order due for payment like any order); otherwise nobody wins and the piece goes back to the listing.',
    ),
    (c) => closeByStage(c, 'now'),
  )
  .openapi(
    closeRoute(
      'cancel',
      'Cancel the auction: nobody wins',
      'The piece goes back to the listing and every deposit is refunded. Bids stay on record.',
    ),
    (c) => closeByStage(c, 'cancel'),
  );
