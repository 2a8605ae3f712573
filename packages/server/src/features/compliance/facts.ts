import type { ComplianceContext } from '@jadelive/shared/compliance';
import type { Database } from '../../db/database';
import { lowestDealPriceFen7d } from '../listings/repository';

/**
 * The facts a claim about a listing is checked against, read from the database at the moment the
 * claim is made: the certificate as the lab printed it, the live stock, real sales and the
 * lowest recent deal price.
 */
export async function loadListingContext(db: Database, listingId: string | null): Promise<ComplianceContext> {
  if (!listingId) return {};
  const row = await db
    .selectFrom('listings')
    .leftJoin('certificates', 'certificates.id', 'listings.certificateId')
    .select([
      'listings.priceFen',
      'listings.comparisonPriceFen',
      'listings.stock',
      'listings.soldCount',
      'certificates.identification',
      'certificates.weightMg',
      'certificates.weightCt100',
      'certificates.origin',
      lowestDealPriceFen7d.as('lowestDealPriceFen7d'),
    ])
    .where('listings.id', '=', listingId)
    .executeTakeFirst();
  if (!row) return {};
  const lowest = row.lowestDealPriceFen7d === null ? undefined : Number(row.lowestDealPriceFen7d);
  return {
    certificate: row.identification
      ? {
          identification: row.identification,
          ...(row.weightMg !== null ? { weightMg: row.weightMg } : {}),
          ...(row.weightCt100 !== null ? { weightCt100: row.weightCt100 } : {}),
          ...(row.origin !== null ? { origin: row.origin } : {}),
        }
      : undefined,
    listing: {
      priceFen: row.priceFen,
      stock: row.stock,
      soldCount: row.soldCount,
      ...(lowest !== undefined ? { lowestDealPriceFen7d: lowest } : {}),
      ...(row.comparisonPriceFen !== null ? { comparisonPriceFen: row.comparisonPriceFen } : {}),
    },
  };
}
