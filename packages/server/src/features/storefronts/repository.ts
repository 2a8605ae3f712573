import type { SellerProfileBody } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

const profileColumns = [
  'creditCode',
  'legalName',
  'categories',
  'contactName',
  'contactPhone',
  'description',
] as const;

export async function findSellerProfile(db: Database, orgId: string) {
  return db.selectFrom('sellerProfiles').select(profileColumns).where('orgId', '=', orgId).executeTakeFirst();
}

/** Creates or rewrites the seller's profile; the credit code's unique index refuses a second holder. */
export async function saveSellerProfile(db: Database, orgId: string, body: SellerProfileBody) {
  return db
    .insertInto('sellerProfiles')
    .values({ orgId, ...body })
    .onConflict((oc) => oc.column('orgId').doUpdateSet({ ...body, updatedAt: sql`now()` }))
    .returning(profileColumns)
    .executeTakeFirstOrThrow();
}

/**
 * Of these listings, those an auction holds right now (an unreleased `auction` hold of the ledger,
 * the same fact that refuses buy-now with 409 auction_running): the shop shows the auction there.
 */
export async function auctionHeldListingIds(db: Database, listingIds: string[]): Promise<string[]> {
  if (listingIds.length === 0) return [];
  const rows = await db
    .selectFrom('listingHolds')
    .select('listingId')
    .distinct()
    .where('listingId', 'in', listingIds)
    .where('kind', '=', 'auction')
    .where('releasedAt', 'is', null)
    .execute();
  return rows.map((row) => row.listingId);
}

/** The bases that admitted the seller, as its storefront shows them. */
export async function admittedBasesOf(db: Database, sellerOrgId: string) {
  return db
    .selectFrom('baseMemberships')
    .innerJoin('bases', 'bases.id', 'baseMemberships.baseId')
    .select(['bases.id', 'bases.name', 'baseMemberships.status'])
    .where('baseMemberships.sellerOrgId', '=', sellerOrgId)
    .where('baseMemberships.status', '=', 'admitted')
    .execute();
}

/** Every seller's public identity, by name. */
export async function listSellers(db: Database) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'slug', 'district'])
    .where('kind', '=', 'seller')
    .orderBy('name')
    .execute();
}
