import type { Insertable, QueryCreator, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { DB, Listings } from '../../db/schema.generated';

/**
 * The comparison base of 明码标价和禁止价格欺诈规定: the lowest deal price in the previous 7 days,
 * or, without deals in that window, the last deal price before it.
 */
export const lowestDealPriceFen7d = sql<number | null>`coalesce(
  (select min(pe.price_fen) from price_events pe
    where pe.listing_id = listings.id and pe.kind = 'deal' and pe.occurred_at > now() - interval '7 days'),
  (select pe.price_fen from price_events pe
    where pe.listing_id = listings.id and pe.kind = 'deal' order by pe.occurred_at desc limit 1))`;

export function selectListings(db: QueryCreator<DB>) {
  return db
    .selectFrom('listings')
    .leftJoin('certificates', 'certificates.id', 'listings.certificateId')
    .leftJoin('organizations as lab', 'lab.id', 'certificates.labOrgId')
    .select([
      'listings.id',
      'listings.sellerOrgId',
      'listings.title',
      'listings.description',
      'listings.category',
      'listings.certificateId',
      'listings.priceFen',
      'listings.comparisonPriceFen',
      'listings.stock',
      'listings.soldCount',
      'listings.customMade',
      'listings.purityMark',
      'listings.metalWeightMg',
      'listings.imageIds',
      'listings.status',
      'listings.statusReasonKind',
      'listings.statusReasonDetails',
      'listings.createdAt',
      'listings.updatedAt',
      'listings.publishedAt',
      'certificates.number as certificateNumber',
      'certificates.identification as certificateIdentification',
      'certificates.status as certificateStatus',
      'certificates.quantity as certificatePieces',
      'certificates.externalLabName as certificateExternalLab',
      'lab.name as certificateLabName',
      'lab.slug as certificateLabSlug',
      lowestDealPriceFen7d.as('lowestDealPriceFen7d'),
    ]);
}

export type ListingRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectListings>['executeTakeFirst']>>
>;

/** A listing as its seller sees it; another seller's is not found. */
export async function findOwnListing(db: Database, sellerOrgId: string, id: string) {
  return selectListings(db)
    .where('listings.id', '=', id)
    .where('listings.sellerOrgId', '=', sellerOrgId)
    .executeTakeFirst();
}

/** Locks the row for the rest of the transaction, so publish and edits do not interleave. */
export async function lockOwnListing(db: Database, sellerOrgId: string, id: string) {
  return db
    .selectFrom('listings')
    .select('id')
    .where('id', '=', id)
    .where('sellerOrgId', '=', sellerOrgId)
    .forUpdate()
    .executeTakeFirst();
}

/** The seller's other listing that holds a certificate (on sale, sold out or suspended), if any. */
export async function findListingBackedBy(
  db: Database,
  sellerOrgId: string,
  certificateId: string,
  exceptId: string,
) {
  return db
    .selectFrom('listings')
    .select(['id', 'title'])
    .where('sellerOrgId', '=', sellerOrgId)
    .where('certificateId', '=', certificateId)
    .where('id', '<>', exceptId)
    .where('status', 'not in', ['draft', 'archived'])
    .executeTakeFirst();
}

export async function listOwnListings(db: Database, sellerOrgId: string) {
  return selectListings(db)
    .where('listings.sellerOrgId', '=', sellerOrgId)
    .orderBy('listings.updatedAt', 'desc')
    .limit(500)
    .execute();
}

export async function insertListing(db: Database, values: Insertable<Listings>) {
  return db.insertInto('listings').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateListing(
  db: Database,
  sellerOrgId: string,
  id: string,
  values: Updateable<Listings>,
) {
  return db
    .updateTable('listings')
    .set({ ...values, updatedAt: sql`now()` })
    .where('id', '=', id)
    .where('sellerOrgId', '=', sellerOrgId)
    .returning('id')
    .executeTakeFirst();
}

export async function recordPriceEvent(
  db: Database,
  event: {
    listingId: string;
    kind: 'list_price' | 'comparison_price' | 'deal';
    priceFen: number | null;
    source: string;
    quantity?: number;
  },
) {
  await db
    .insertInto('priceEvents')
    .values({ ...event, quantity: event.quantity ?? null })
    .execute();
}

export async function listPriceEvents(db: Database, listingId: string) {
  return db
    .selectFrom('priceEvents')
    .select(['kind', 'priceFen', 'quantity', 'source', 'occurredAt'])
    .where('listingId', '=', listingId)
    .orderBy('occurredAt', 'desc')
    .limit(200)
    .execute();
}
