import { OpenAPIHono, z } from '@hono/zod-openapi';
import { type ListingCategory, sellerProfileBodySchema, storefrontSchema } from '@jadelive/shared';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, isUniqueViolation, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import { iso } from '../../lib/serialize';
import { recordAudit } from '../audit/repository';
import { selectCatalog } from '../catalog/repository';
import { toCatalogItem } from '../catalog/serialize';
import { findShopBySlug, followerCount } from '../follows/repository';
import { upcomingSessionsOf } from '../reminders/repository';
import {
  admittedBasesOf,
  auctionHeldListingIds,
  findSellerProfile,
  listSellers,
  saveSellerProfile,
} from './repository';

const tags = ['storefronts'];
const profileSchema = storefrontSchema.shape.profile.unwrap();
export const slugParam = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/)
    .openapi({ param: { name: 'slug', in: 'path' } }),
});

function toProfile(row: {
  creditCode: string | null;
  legalName: string | null;
  categories: string[];
  contactName: string | null;
  contactPhone: string | null;
  description: string;
}) {
  return { ...row, categories: row.categories as ListingCategory[] };
}

export const storefrontRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Every seller with a storefront',
      responses: {
        200: jsonResponse(
          z.object({
            sellers: z.array(
              z.object({ id: z.uuid(), name: z.string(), slug: z.string(), district: z.string().nullable() }),
            ),
          }),
        ),
      },
    }),
    async (c) => {
      return c.json({ sellers: await listSellers(c.var.deps.db) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller'], { token: 'org:read' }), {
      method: 'get',
      path: '/mine/profile',
      tags,
      summary: "The seller's own storefront profile",
      responses: { 200: jsonResponse(z.object({ profile: profileSchema.nullable() })) },
    }),
    async (c) => {
      const row = await findSellerProfile(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ profile: row ? toProfile(row) : null }, 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['seller'], { roles: ['owner', 'admin'] }), {
      method: 'put',
      path: '/mine/profile',
      tags,
      summary: 'Set the storefront profile (统一社会信用代码 checked, including its check character)',
      request: { body: jsonBody(sellerProfileBodySchema) },
      responses: { 200: jsonResponse(z.object({ profile: profileSchema })) },
    }),
    async (c) => {
      const orgId = memberActor(c).organizationId;
      const body = c.req.valid('json');
      const row = await c.var.deps.db
        .transaction()
        .execute(async (trx) => {
          const saved = await saveSellerProfile(trx, orgId, body);
          await recordAudit(trx, {
            action: 'storefront.updated',
            targetType: 'organization',
            targetId: orgId,
            // The business registration is public; the contact person's name and phone are not copied.
            details: { creditCode: body.creditCode, legalName: body.legalName, fields: Object.keys(body) },
          });
          return saved;
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error)
            ? conflict('another seller registered this 统一社会信用代码', because('credit_code_taken'))
            : error;
        });
      return c.json({ profile: toProfile(row) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{slug}',
      tags,
      summary: "A seller's public storefront: profile, listings on sale, sessions to come, follower count",
      request: { params: slugParam },
      responses: { 200: jsonResponse(storefrontSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const seller = await findShopBySlug(db, c.req.valid('param').slug);
      if (!seller) throw notFound('storefront');
      const [profile, bases, listings, sessions, followers] = await Promise.all([
        findSellerProfile(db, seller.id),
        admittedBasesOf(db, seller.id),
        selectCatalog(db)
          .where('listings.sellerOrgId', '=', seller.id)
          .orderBy('listings.publishedAt', 'desc')
          .limit(100)
          .execute(),
        upcomingSessionsOf(db, seller.id),
        followerCount(db, seller.id),
      ]);
      const auctionListingIds = await auctionHeldListingIds(
        db,
        listings.map((listing) => listing.id),
      );
      return c.json(
        {
          seller,
          profile: profile ? toProfile(profile) : null,
          bases,
          listings: listings.map(toCatalogItem),
          auctionListingIds,
          upcomingSessions: sessions.map((session) => ({
            ...session,
            status: session.status as 'scheduled' | 'live',
            plannedStartAt: iso(session.plannedStartAt),
          })),
          followerCount: followers,
        },
        200,
      );
    },
  );
