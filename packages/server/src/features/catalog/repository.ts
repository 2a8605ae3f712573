import type { CatalogQuery } from '@jadelive/shared';
import { type QueryCreator, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
import { sellerAdmitted } from '../../db/scopes';
import { selectListings } from '../listings/repository';

const ON_SALE = ['published', 'sold_out'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Listings buyers can see, with their seller; every filter is optional. */
export function selectCatalog(db: QueryCreator<DB>) {
  return selectListings(db)
    .innerJoin('organizations as seller', 'seller.id', 'listings.sellerOrgId')
    .select(['seller.name as sellerName', 'seller.slug as sellerSlug'])
    .where('listings.status', 'in', ON_SALE);
}

/** Past this many rows in sort order, the bigram index is the cheaper way to a page of matches. */
const MAX_SCAN_WINDOW = 4000;

/**
 * Two ways to a page of matches. A rare term is found through the bigram GIN index, then sorted.
 * A frequent one (Au750, 飘花) matches thousands of rows, and collecting and sorting all of them
 * costs more than reading listings in page order until a page is full: so when the planner's own
 * bigram statistics say every term is frequent, the search reads a window of the newest (or
 * cheapest) listings through the partial index and filters it with ILIKE. A window that does not
 * fill the page proves nothing, and the search then asks the index.
 */
export async function searchCatalog(db: Database, query: CatalogQuery) {
  const terms = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const needed = query.offset + query.limit + 1;
  const window = terms.length > 0 ? scanWindow(await bigramFrequencies(db), terms, needed) : null;
  if (window !== null) {
    const inWindow = db.with('listings', (qb) =>
      orderCatalog(qb.selectFrom('listings').selectAll().where('status', 'in', ON_SALE), query.sort).limit(
        window,
      ),
    );
    // Inside this query `listings` is the window, a subquery planned on its own with its LIMIT.
    const rows = await filteredCatalog(inWindow as unknown as QueryCreator<DB>, query, terms, false);
    if (rows.length === query.limit + 1) return rows;
  }
  return filteredCatalog(db, query, terms, true);
}

function filteredCatalog(db: QueryCreator<DB>, query: CatalogQuery, terms: string[], useIndex: boolean) {
  let builder = selectCatalog(db);
  // Each space-separated term must appear. A term of two or more characters is narrowed by the
  // bigram GIN index; ILIKE then confirms the exact substring.
  for (const term of terms) {
    if (useIndex && term.length >= 2)
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
  return orderCatalog(builder, query.sort)
    .limit(query.limit + 1)
    .offset(query.offset)
    .execute();
}

/** Orders match the partial indexes (price_fen, id) and (published_at desc, id) exactly. */
function orderCatalog<Q extends SelectQueryBuilder<DB, 'listings', object>>(
  builder: Q,
  sort: CatalogQuery['sort'],
): Q {
  switch (sort) {
    case 'price_asc':
      return builder.orderBy('listings.priceFen', 'asc').orderBy('listings.id', 'asc') as Q;
    case 'price_desc':
      return builder.orderBy('listings.priceFen', 'desc').orderBy('listings.id', 'desc') as Q;
    default:
      return builder.orderBy('listings.publishedAt', 'desc').orderBy('listings.id', 'asc') as Q;
  }
}

/**
 * How many rows in sort order to read for `needed` matches, or null when the terms are too rare
 * for that to pay. A term is at most as frequent as its rarest bigram; a bigram the statistics do
 * not list as common counts as rare; the terms are taken as independent, with a safety factor 2.
 */
export function scanWindow(frequencies: Map<string, number>, terms: string[], needed: number): number | null {
  let share = 1;
  for (const term of terms) {
    const pairs = bigrams(term);
    // One character has no bigram: the index cannot help it either, so try the window.
    share *= pairs.length === 0 ? 1 : Math.min(...pairs.map((pair) => frequencies.get(pair) ?? 0));
  }
  if (share <= 0) return null;
  const window = Math.ceil((2 * needed) / share);
  return window <= MAX_SCAN_WINDOW ? window : null;
}

/** The character bigrams `jl_bigrams` indexes: lower case, without white space. */
function bigrams(term: string): string[] {
  const chars = Array.from(term.toLowerCase().replace(/\s+/g, ''));
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

const FREQUENCIES_TTL_MS = 10 * 60_000;
const frequencyCache = new WeakMap<Database, { at: number; frequencies: Promise<Map<string, number>> }>();

/**
 * The share of listings holding each common bigram, from the statistics ANALYZE keeps on
 * `search_bigrams` (empty before the first ANALYZE: every term then counts as rare). Read once per
 * database handle every ten minutes.
 */
export function bigramFrequencies(db: Database): Promise<Map<string, number>> {
  const cached = frequencyCache.get(db);
  if (cached && Date.now() - cached.at < FREQUENCIES_TTL_MS) return cached.frequencies;
  const frequencies = sql<{ bigram: string; frequency: number }>`
    select element as bigram, frequency
    from pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) as f(element, frequency)
    where schemaname = current_schema() and tablename = 'listings' and attname = 'search_bigrams'
      and element is not null`
    .execute(db)
    .then(({ rows }) => new Map(rows.map((row) => [row.bigram, Number(row.frequency)])))
    .catch(() => new Map<string, number>());
  frequencyCache.set(db, { at: Date.now(), frequencies });
  return frequencies;
}

export async function findCatalogListing(db: Database, id: string) {
  return selectCatalog(db).where('listings.id', '=', id).executeTakeFirst();
}
