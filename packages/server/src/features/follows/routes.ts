import { OpenAPIHono, z } from '@hono/zod-openapi';
import { followedShopSchema, followStateSchema } from '@jadelive/shared';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { iso } from '../../lib/serialize';
import { recordBuyerChoice } from '../audit/buyer-choice';
import { buyerUserId } from '../orders/buyer';
import { slugParam } from '../storefronts/routes';
import { findShopBySlug, follow, followerCount, listFollowedShops, unfollow } from './repository';

const tags = ['follows'];
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); each buyer sees only their own.';

const changeFollow = (method: 'put' | 'delete', summary: string) =>
  defineRoute(Access.signedIn, {
    method,
    path: '/{slug}',
    tags,
    summary,
    description: `${BUYERS_ONLY} Idempotent: repeating it changes nothing and answers the same.`,
    request: { params: slugParam },
    responses: { 200: jsonResponse(followStateSchema) },
  });

/** Buyers follow shops (关注); a shop sees how many follow it. */
export const followRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/',
      tags,
      summary: 'The shops the caller follows, most recent first, with the session each is live in now',
      description: BUYERS_ONLY,
      responses: { 200: jsonResponse(z.object({ shops: z.array(followedShopSchema) })) },
    }),
    async (c) => {
      const rows = await listFollowedShops(c.var.deps.db, buyerUserId(c));
      const shops = rows.map(({ followedAt, liveSessionId, ...shop }) => ({
        shop,
        followedAt: iso(followedAt),
        liveSessionId,
      }));
      return c.json({ shops }, 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'get',
      path: '/followers',
      tags,
      summary: "How many buyers follow the caller's shop",
      responses: { 200: jsonResponse(z.object({ followerCount: z.number().int().nonnegative() })) },
    }),
    async (c) => {
      const count = await followerCount(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ followerCount: count }, 200);
    },
  )
  .openapi(changeFollow('put', 'Follow a shop'), async (c) => {
    const userId = buyerUserId(c);
    const { db } = c.var.deps;
    const shop = await findShopBySlug(db, c.req.valid('param').slug);
    if (!shop) throw notFound('shop');
    await recordBuyerChoice(db, (trx) => follow(trx, userId, shop.id), {
      action: 'follow.added',
      targetType: 'organization',
      targetId: shop.id,
    });
    return c.json({ following: true, followerCount: await followerCount(db, shop.id) }, 200);
  })
  .openapi(changeFollow('delete', 'Stop following a shop'), async (c) => {
    const userId = buyerUserId(c);
    const { db } = c.var.deps;
    const shop = await findShopBySlug(db, c.req.valid('param').slug);
    if (!shop) throw notFound('shop');
    await recordBuyerChoice(db, (trx) => unfollow(trx, userId, shop.id), {
      action: 'follow.removed',
      targetType: 'organization',
      targetId: shop.id,
    });
    return c.json({ following: false, followerCount: await followerCount(db, shop.id) }, 200);
  });
