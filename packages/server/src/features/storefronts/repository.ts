import type { Database } from '../../db/database';

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
