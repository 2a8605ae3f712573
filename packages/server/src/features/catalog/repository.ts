import type { CatalogQuery } from '@jadelive/shared';
import {
  type Expression,
  expressionBuilder,
  type QueryCreator,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
import { sellerAdmitted } from '../../db/scopes';
import { selectListings } from '../listings/repository';
import type { CatalogRow } from './serialize';

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

/** Past this many entries in sort order, the bigram index is the cheaper way to a page of matches. */
const MAX_SCAN_WINDOW = 4000;

/** What a catalogue card shows (`toCatalogItem`), named as `CatalogRow` names it. */
const CARD_COLUMNS = sql.raw(
  `listing_id as "id", seller_org_id as "sellerOrgId", seller_name as "sellerName",
   seller_slug as "sellerSlug", title, category, price_fen as "priceFen",
   comparison_price_fen as "comparisonPriceFen", stock, sold_count as "soldCount",
   image_ids as "imageIds", status, purity_mark as "purityMark",
   certificate_id as "certificateId", certificate_number as "certificateNumber",
   certificate_identification as "certificateIdentification",
   certificate_status as "certificateStatus", certificate_pieces as "certificatePieces",
   certificate_external_lab as "certificateExternalLab",
   certificate_lab_name as "certificateLabName", certificate_lab_slug as "certificateLabSlug"`,
);

const withoutPlugins = new WeakMap<Database, Database>();

/**
 * The page query's columns already carry their names: without the CamelCasePlugin, which renames
 * each of a page's 500-odd values one by one (as long on the client as PostgreSQL takes to plan).
 */
function withoutCamelCase(db: Database): Database {
  let plain = withoutPlugins.get(db);
  if (!plain) {
    plain = db.withoutPlugins();
    withoutPlugins.set(db, plain);
  }
  return plain;
}

/** The catalogue's orders, as the indexes (published_at desc, listing_id) and (price_fen, listing_id) hold them. */
const ORDER_BY: Record<CatalogQuery['sort'], RawBuilder<unknown>> = {
  newest: sql.raw('published_at desc, listing_id'),
  price_asc: sql.raw('price_fen, listing_id'),
  price_desc: sql.raw('price_fen desc, listing_id desc'),
};

/**
 * A page of the catalogue, read from `catalog_entries` alone: one row per listing on sale with its
 * card, kept by triggers, so a page costs what a plain scan of one table costs (joining seller,
 * certificate and lab took longer to plan than the page took to read). The query is written as SQL:
 * building it with the query builder cost the client about as much as PostgreSQL spent answering.
 *
 * Two ways to a page of matches. A rare term is found through the bigram GIN index, then sorted.
 * A frequent one (Au750, 飘花) matches thousands of rows, and collecting and sorting all of them
 * costs more than reading entries in page order until a page is full: so when the planner's own
 * bigram statistics say every term is frequent, the search reads entries through the sort index
 * and stops as soon as the page is full, reading at most a window of them: a filter, or a term
 * frequent only in older listings, may keep the matches out of it. A window that does not fill the
 * page proves nothing, and the search then asks the index.
 */
export async function searchCatalog(db: Database, query: CatalogQuery): Promise<CatalogRow[]> {
  const terms = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const needed = query.offset + query.limit + 1;
  const frequent = terms.length > 0 && scanWindow(await bigramFrequencies(db), terms, needed) !== null;
  if (frequent) {
    // The scan stops at a full page, so the window only bounds a search whose filter finds little.
    // It also holds the planner to the sort index, which it may leave for a full scan and a sort
    // when its sample of the text holds too few matches to rate the term as frequent.
    const inWindow = sql`(select * from catalog_entries order by ${ORDER_BY[query.sort]} limit ${MAX_SCAN_WINDOW})`;
    const rows = await pageOfEntries(db, inWindow, query, terms, false);
    if (rows.length === query.limit + 1) return rows;
  }
  return pageOfEntries(db, sql`catalog_entries`, query, terms, true);
}

async function pageOfEntries(
  db: Database,
  from: RawBuilder<unknown>,
  query: CatalogQuery,
  terms: string[],
  useIndex: boolean,
): Promise<CatalogRow[]> {
  const conditions: Expression<SqlBool>[] = [];
  // Each space-separated term must appear. A term of two or more characters is narrowed by the
  // bigram GIN index; LIKE over the lower-cased text then confirms the exact substring, which is
  // what ILIKE does (it lower-cases both sides) without folding every row's text again.
  for (const term of terms) {
    if (useIndex && term.length >= 2) conditions.push(sql`search_bigrams @> jl_bigrams(${term})`);
    conditions.push(sql`search_text like lower(${`%${escapeLike(term)}%`})`);
  }
  if (query.category) conditions.push(sql`category = ${query.category}`);
  if (query.sellerId) conditions.push(sql`seller_org_id = ${query.sellerId}`);
  if (query.minPriceFen !== undefined) conditions.push(sql`price_fen >= ${query.minPriceFen}`);
  if (query.maxPriceFen !== undefined) conditions.push(sql`price_fen <= ${query.maxPriceFen}`);
  if (query.certificateStatus) conditions.push(sql`certificate_status = ${query.certificateStatus}`);
  // The shared base scope is written with the query builder, whose names need the CamelCasePlugin.
  const byBase = query.baseId !== undefined || query.clusterId !== undefined;
  if (byBase) {
    const filter = { baseId: query.baseId, operatorOrgId: query.clusterId };
    conditions.push(
      sellerAdmitted(expressionBuilder<DB, 'catalogEntries'>(), 'catalogEntries.sellerOrgId', filter),
    );
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const { rows } = await sql<CatalogRow>`
    select ${CARD_COLUMNS} from ${from} as catalog_entries ${where}
    order by ${ORDER_BY[query.sort]} limit ${query.limit + 1} offset ${query.offset}`.execute(
    byBase ? db : withoutCamelCase(db),
  );
  return rows;
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
 * The share of catalogue entries holding each common bigram, from the statistics ANALYZE keeps on
 * `catalog_entries.search_bigrams` (empty before the first ANALYZE: every term then counts as
 * rare). Read once per database handle every ten minutes.
 */
export function bigramFrequencies(db: Database): Promise<Map<string, number>> {
  const cached = frequencyCache.get(db);
  if (cached && Date.now() - cached.at < FREQUENCIES_TTL_MS) return cached.frequencies;
  const frequencies = sql<{ bigram: string; frequency: number }>`
    select element as bigram, frequency
    from pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) as f(element, frequency)
    where schemaname = current_schema() and tablename = 'catalog_entries' and attname = 'search_bigrams'
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
