import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createListingBodySchema, listingSchema, updateListingBodySchema } from '@jadelive/shared';
import { complianceFlagSchema } from '@jadelive/shared/compliance';
import type { Context } from 'hono';
import type { Database } from '../../db/database';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { iso } from '../../lib/serialize';
import { announceListingUpdate } from '../live/listing-events';
import * as repo from './repository';
import { toListing } from './serialize';
import {
  createListing,
  type ListingResult,
  loadResult,
  publishListing,
  setListingStatus,
  updateListing,
} from './service';

const tags = ['listings (seller)'];

/**
 * Runs a change on one of the caller's listings, then tells live rooms showing it about its new
 * price, stock or status; a failed announcement never fails the change.
 */
async function changeOwnListing(
  c: Context<AppEnv>,
  change: (db: Database, sellerOrgId: string) => Promise<ListingResult>,
): Promise<ListingResult> {
  const result = await change(c.var.deps.db, memberActor(c).organizationId);
  await announceListingUpdate(c.var.deps, result.listing.id).catch((error: unknown) =>
    c.var.logger.warn({ err: error }, 'could not announce a listing update to live rooms'),
  );
  return result;
}
const sellerReaders = Access.members(['seller'], { token: 'listings:read' });
const sellerEditors = Access.members(['seller'], {
  roles: ['owner', 'admin', 'staff'],
  token: 'listings:write',
});
const listingResultSchema = z.object({ listing: listingSchema, flags: z.array(complianceFlagSchema) });
const idParam = uuidParam('listingId');

export const listingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/',
      tags,
      summary: "The seller's listings in every status",
      responses: { 200: jsonResponse(z.object({ listings: z.array(listingSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listOwnListings(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ listings: rows.map(toListing) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a draft listing; claim flags in the text come back for review',
      request: { body: jsonBody(createListingBodySchema) },
      responses: { 201: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(await createListing(c.var.deps.db, memberActor(c).organizationId, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/{listingId}',
      tags,
      summary: 'One listing with its claim flags',
      request: { params: idParam },
      responses: { 200: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(
        await loadResult(c.var.deps.db, memberActor(c).organizationId, c.req.valid('param').listingId),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'patch',
      path: '/{listingId}',
      tags,
      summary: 'Edit a listing; a published one must stay publishable',
      request: { params: idParam, body: jsonBody(updateListingBodySchema) },
      responses: { 200: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(
        await changeOwnListing(c, (db, sellerOrgId) =>
          updateListing(db, sellerOrgId, c.req.valid('param').listingId, c.req.valid('json')),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/{listingId}/publish',
      tags,
      summary: 'Put a listing on sale',
      description:
        'Refused (422, with `details.problems` and blocking `details.flags`) when a gem has no verified certificate, the certificate covers too few pieces or another material, precious metal lacks its purity mark, the comparison price exceeds the lowest deal price of the previous 7 days, or the text carries a blocking claim.',
      request: { params: idParam },
      responses: { 200: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(
        await changeOwnListing(c, (db, sellerOrgId) =>
          publishListing(db, sellerOrgId, c.req.valid('param').listingId),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/{listingId}/unpublish',
      tags,
      summary: 'Take a listing off sale (back to draft)',
      request: { params: idParam },
      responses: { 200: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(
        await changeOwnListing(c, (db, sellerOrgId) =>
          setListingStatus(db, sellerOrgId, c.req.valid('param').listingId, 'draft'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/{listingId}/archive',
      tags,
      summary: 'Archive a listing for good (frees its certificate)',
      request: { params: idParam },
      responses: { 200: jsonResponse(listingResultSchema) },
    }),
    async (c) =>
      c.json(
        await changeOwnListing(c, (db, sellerOrgId) =>
          setListingStatus(db, sellerOrgId, c.req.valid('param').listingId, 'archived'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/{listingId}/price-history',
      tags,
      summary: 'Every list-price, comparison-price and deal-price event, newest first',
      request: { params: idParam },
      responses: {
        200: jsonResponse(
          z.object({
            lowestDealPriceFen7d: z.number().int().nullable(),
            events: z.array(
              z.object({
                kind: z.string(),
                priceFen: z.number().int().nullable(),
                quantity: z.number().int().nullable(),
                source: z.string().nullable(),
                occurredAt: z.string(),
              }),
            ),
          }),
        ),
      },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const listing = await repo.findOwnListing(
        db,
        memberActor(c).organizationId,
        c.req.valid('param').listingId,
      );
      if (!listing) throw notFound('listing');
      const events = await repo.listPriceEvents(db, listing.id);
      return c.json(
        {
          lowestDealPriceFen7d:
            listing.lowestDealPriceFen7d === null ? null : Number(listing.lowestDealPriceFen7d),
          events: events.map((event) => ({ ...event, occurredAt: iso(event.occurredAt) })),
        },
        200,
      );
    },
  );
