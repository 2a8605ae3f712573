import type { FlagFacts } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { lowestDealPriceFen7d } from '../listings/repository';

/**
 * The facts a claim about a listing is checked against, read from the database at the moment the
 * claim is made: the certificate as the lab printed it, the live stock, real sales and the
 * lowest recent deal price. They are stored with any flag, with the names a reader needs (the
 * listing's title, the certificate's number and lab), so they read as sentences later.
 */
export async function loadListingContext(db: Database, listingId: string | null): Promise<FlagFacts> {
  if (!listingId) return {};
  const row = await db
    .selectFrom('listings')
    .leftJoin('certificates', 'certificates.id', 'listings.certificateId')
    .leftJoin('organizations as labs', 'labs.id', 'certificates.labOrgId')
    .select([
      'listings.id',
      'listings.title',
      'listings.priceFen',
      'listings.comparisonPriceFen',
      'listings.stock',
      'listings.soldCount',
      'certificates.number',
      'certificates.identification',
      'certificates.weightMg',
      'certificates.weightCt100',
      'certificates.origin',
      'certificates.externalLabName',
      'labs.name as labName',
      lowestDealPriceFen7d.as('lowestDealPriceFen7d'),
    ])
    .where('listings.id', '=', listingId)
    .executeTakeFirst();
  if (!row) return {};
  const lowest = row.lowestDealPriceFen7d === null ? undefined : Number(row.lowestDealPriceFen7d);
  const labName = row.labName ?? row.externalLabName;
  return {
    certificate: row.identification
      ? {
          identification: row.identification,
          ...(row.number !== null ? { number: row.number } : {}),
          ...(labName !== null ? { labName } : {}),
          ...(row.weightMg !== null ? { weightMg: row.weightMg } : {}),
          ...(row.weightCt100 !== null ? { weightCt100: row.weightCt100 } : {}),
          ...(row.origin !== null ? { origin: row.origin } : {}),
        }
      : undefined,
    listing: {
      id: row.id,
      title: row.title,
      priceFen: row.priceFen,
      stock: row.stock,
      soldCount: row.soldCount,
      ...(lowest !== undefined ? { lowestDealPriceFen7d: lowest } : {}),
      ...(row.comparisonPriceFen !== null ? { comparisonPriceFen: row.comparisonPriceFen } : {}),
    },
  };
}
