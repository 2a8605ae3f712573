import { OpenAPIHono, z } from '@hono/zod-openapi';
import { catalogItemSchema, catalogQuerySchema, listingSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { toListing } from '../listings/serialize';
import { auctionHoldsListing } from '../orders/holds';
import { findCatalogListing, searchCatalog } from './repository';
import { toCatalogItem } from './serialize';

const tags = ['catalogue'];

const catalogListingSchema = listingSchema.extend({
  seller: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  verifyPath: z.string().nullable(),
  /** An auction holds the piece: bid there; 立即购买 is refused (409 auction_running) meanwhile. */
  auctionRunning: z.boolean(),
});

export const catalogRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Browse and search listings on sale',
      description:
        'Filters by category, cluster, base, seller, price range and certificate status; `q` is a Chinese or Latin substring.',
      request: { query: catalogQuerySchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(catalogItemSchema), hasMore: z.boolean() })),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const rows = await searchCatalog(c.var.deps.db, query);
      return c.json(
        { items: rows.slice(0, query.limit).map(toCatalogItem), hasMore: rows.length > query.limit },
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{listingId}',
      tags,
      summary: 'A listing on sale, with its certificate summary and verify link',
      request: { params: uuidParam('listingId') },
      responses: { 200: jsonResponse(catalogListingSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const row = await findCatalogListing(db, c.req.valid('param').listingId);
      if (!row) throw notFound('listing');
      const listing = toListing(row);
      const certificate = listing.certificate;
      const verifyPath = certificate
        ? `/verify?lab=${encodeURIComponent(certificate.labKey)}&number=${encodeURIComponent(certificate.number)}`
        : null;
      return c.json(
        {
          ...listing,
          seller: { id: row.sellerOrgId, name: row.sellerName, slug: row.sellerSlug },
          verifyPath,
          auctionRunning: await auctionHoldsListing(db, row.id),
        },
        200,
      );
    },
  );
