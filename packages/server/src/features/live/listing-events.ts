import type { AppDeps } from '../../deps';
import { broadcast } from './broadcast';

/**
 * Tells every open room whose lineup holds the listing about its new price, stock or status.
 * The listings feature calls this after it changed a listing; it never fails that change.
 * Returns the rooms that were told.
 */
export async function announceListingUpdate(
  deps: Pick<AppDeps, 'db' | 'livekit' | 'logger'>,
  listingId: string,
): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('liveSessionLineup as lineup')
    .innerJoin('liveSessions', 'liveSessions.id', 'lineup.sessionId')
    .innerJoin('listings', 'listings.id', 'lineup.listingId')
    .select([
      'liveSessions.roomName',
      'listings.priceFen',
      'listings.comparisonPriceFen',
      'listings.stock',
      'listings.status',
    ])
    .where('lineup.listingId', '=', listingId)
    .where('liveSessions.status', '=', 'live')
    .execute();
  const told: string[] = [];
  for (const row of rows) {
    const delivered = await broadcast(deps, row.roomName, {
      type: 'listing.updated',
      listingId,
      priceFen: row.priceFen,
      comparisonPriceFen: row.comparisonPriceFen,
      stock: row.stock,
      listingStatus: row.status,
    });
    if (delivered) told.push(row.roomName);
  }
  return told;
}

/**
 * `announceListingUpdate` for a change the caller must not fail over (an order taking or giving
 * back pieces): the live rooms' cards follow the stock, and a LiveKit hiccup is only logged.
 */
export async function announceStockChange(
  deps: Pick<AppDeps, 'db' | 'livekit' | 'logger'>,
  listingId: string,
) {
  await announceListingUpdate(deps, listingId).catch((error: unknown) =>
    deps.logger.warn({ err: error, listingId }, 'could not announce a stock change to live rooms'),
  );
}
