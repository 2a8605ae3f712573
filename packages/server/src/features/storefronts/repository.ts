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
