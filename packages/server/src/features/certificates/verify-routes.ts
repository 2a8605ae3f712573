import { OpenAPIHono, z } from '@hono/zod-openapi';
import { type ListingStatus, verificationResultSchema, verifyQuerySchema } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonResponse } from '../../http/route';
import * as repo from './repository';
import { toCertificate } from './serialize';

const tags = ['verification'];
export const VERIFY_PER_MINUTE = 30;

export const verifyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/verify',
      tags,
      summary: 'Check a certificate by lab and number: what the platform holds and the listing it backs',
      description:
        'Exact lab and number only (no search, no listing of certificates) and rate-limited per address, so certificates cannot be enumerated. `lab` is the lab’s name or its platform slug.',
      request: { query: verifyQuerySchema },
      responses: { 200: jsonResponse(verificationResultSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      await consumeRateLimit(db, `verify:${clientIp(c)}`, VERIFY_PER_MINUTE, 60);
      const { lab, number } = c.req.valid('query');
      const platformLab = await repo.findLabByName(db, lab);
      const labKey = platformLab ? platformLab.id : `external:${lab.trim().toLowerCase()}`;
      const row = await findByNumberAnyCase(db, labKey, number);
      if (!row) throw notFound('certificate');
      const listing = await db
        .selectFrom('listings')
        .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
        .select([
          'listings.id',
          'listings.title',
          'listings.status',
          'organizations.name',
          'organizations.slug',
        ])
        .where('listings.certificateId', '=', row.id)
        .where('listings.status', '<>', 'archived')
        // Drafts may share the certificate; the listing that holds it (on sale, sold out …) comes first.
        .orderBy(sql`listings.status = 'draft'`)
        .orderBy('listings.updatedAt', 'desc')
        .executeTakeFirst();
      const {
        id: _id,
        holderOrgId: _holder,
        material: _material,
        quantity: _qty,
        createdAt: _c,
        statusChangedAt,
        ...certificate
      } = toCertificate(row);
      const revoked = certificate.status === 'revoked';
      return c.json(
        {
          found: true as const,
          certificate: {
            ...certificate,
            treatment: revoked ? null : certificate.treatment,
            revokedAt: revoked ? statusChangedAt : null,
          },
          listing: listing
            ? {
                id: listing.id,
                title: listing.title,
                status: listing.status as ListingStatus,
                sellerName: listing.name,
                sellerSlug: listing.slug,
              }
            : null,
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/labs',
      tags,
      summary: 'Inspection labs on the platform',
      responses: {
        200: jsonResponse(
          z.object({ labs: z.array(z.object({ id: z.uuid(), name: z.string(), slug: z.string() })) }),
        ),
      },
    }),
    async (c) => {
      const labs = await c.var.deps.db
        .selectFrom('organizations')
        .select(['id', 'name', 'slug'])
        .where('kind', '=', 'lab')
        .orderBy('name')
        .execute();
      return c.json({ labs }, 200);
    },
  );

/**
 * A certificate number as printed, whatever the letter case typed (ngtc-a1 finds NGTC-A1): the
 * exact spelling first, then each stored spelling of the lab that differs only in case.
 */
async function findByNumberAnyCase(db: Database, labKey: string, number: string) {
  const exact = await repo.findByLabKeyAndNumber(db, labKey, number);
  if (exact) return exact;
  const spellings = await db
    .selectFrom('certificates')
    .select('number')
    .distinct()
    .where('labKey', '=', labKey)
    .where(sql<string>`lower(number)`, '=', number.toLowerCase())
    .where('number', '<>', number)
    .orderBy('number')
    .limit(5)
    .execute();
  for (const { number: spelling } of spellings) {
    const row = await repo.findByLabKeyAndNumber(db, labKey, spelling);
    if (row) return row;
  }
  return undefined;
}
