import type { CatalogQuery } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { sellerAdmitted } from '../../db/scopes';
import { selectListings } from '../listings/repository';

const ON_SALE = ['published', 'sold_out'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Listings buyers can see, with their seller; every filter is optional. */
export function selectCatalog(db: Database) {
  return selectListings(db)
    .innerJoin('organizations as seller', 'seller.id', 'listings.sellerOrgId')
    .select(['seller.name as sellerName', 'seller.slug as sellerSlug'])
    .where('listings.status', 'in', ON_SALE);
}

export async function searchCatalog(db: Database, query: CatalogQuery) {
  let builder = selectCatalog(db);
  // Each space-separated term must appear. A term of two or more characters is narrowed by the
  // bigram GIN index; ILIKE then confirms the exact substring.
  for (const term of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    if (term.length >= 2)
      builder = builder.where(sql<boolean>`listings.search_bigrams @> jl_bigrams(${term})`);
    builder = builder.where(
      sql<boolean>`(listings.title || ' ' || listings.description) ilike ${`%${escapeLike(term)}%`}`,
    );
  }
  if (query.category) builder = builder.where('listings.category', '=', query.category);
  if (query.sellerId) builder = builder.where('listings.sellerOrgId', '=', query.sellerId);
  if (query.minPriceFen !== undefined) builder = builder.where('listings.priceFen', '>=', query.minPriceFen);
  if (query.maxPriceFen !== undefined) builder = builder.where('listings.priceFen', '<=', query.maxPriceFen);
  if (query.certificateStatus) builder = builder.where('certificates.status', '=', query.certificateStatus);
  if (query.baseId || query.clusterId) {
    const filter = { baseId: query.baseId, operatorOrgId: query.clusterId };
    builder = builder.where((eb) => sellerAdmitted(eb, 'listings.sellerOrgId', filter));
  }
  // Orders match the partial indexes (price_fen, id) and (published_at desc, id) exactly.
  switch (query.sort) {
    case 'price_asc':
      builder = builder.orderBy('listings.priceFen', 'asc').orderBy('listings.id', 'asc');
      break;
    case 'price_desc':
      builder = builder.orderBy('listings.priceFen', 'desc').orderBy('listings.id', 'desc');
      break;
    default:
      builder = builder.orderBy('listings.publishedAt', 'desc').orderBy('listings.id', 'asc');
  }
  return builder
    .limit(query.limit + 1)
    .offset(query.offset)
    .execute();
}

export async function findCatalogListing(db: Database, id: string) {
  return selectCatalog(db).where('listings.id', '=', id).executeTakeFirst();
}
