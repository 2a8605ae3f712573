import type { AuctionOutcome, LiveRecap, OrderStatus } from '@jadelive/shared';
import { type NotNull, sql } from 'kysely';
import type { Database } from '../../db/database';
import { iso } from '../../lib/serialize';
import { bidderAlias } from '../auctions/repository';

// The public summary of an ended session. Only what the room itself showed in public: prices,
// counts, masked winners; a buyer's own orders only to that buyer.

/** An ended session that ran (it went live), whoever asks; undefined otherwise. */
export async function findEndedSession(db: Database, sessionId: string) {
  return db
    .selectFrom('liveSessions')
    .innerJoin('organizations as seller', 'seller.id', 'liveSessions.sellerOrgId')
    .select([
      'liveSessions.id',
      'liveSessions.title',
      'liveSessions.coverImageId',
      'liveSessions.sellerOrgId',
      'seller.name as sellerName',
      'seller.slug as shopSlug',
      'liveSessions.plannedStartAt',
      'liveSessions.startedAt',
      'liveSessions.endedAt',
    ])
    .where('liveSessions.id', '=', sessionId)
    .where('liveSessions.status', '=', 'ended')
    .where('liveSessions.startedAt', 'is not', null)
    .where('liveSessions.endedAt', 'is not', null)
    .$narrowType<{ startedAt: NotNull; endedAt: NotNull }>()
    .executeTakeFirst();
}

type EndedSession = NonNullable<Awaited<ReturnType<typeof findEndedSession>>>;

/** Orders of the session's buy-now, flash sales and auctions (orders carry one of the three). */
const inSession = (sessionId: string) => sql<boolean>`(
  orders.live_session_id = ${sessionId}
  or orders.flash_sale_id in (select id from flash_sales where session_id = ${sessionId})
  or orders.auction_id in (select id from auctions where session_id = ${sessionId}))`;

async function hostNames(db: Database, sessionId: string) {
  return db
    .selectFrom('liveSessionHosts')
    .innerJoin('users', 'users.id', 'liveSessionHosts.userId')
    .select('users.displayName')
    .where('liveSessionHosts.sessionId', '=', sessionId)
    .orderBy('users.displayName')
    .execute();
}

async function lineupSales(db: Database, sessionId: string) {
  return db
    .selectFrom('liveSessionLineup as lineup')
    .innerJoin('listings', 'listings.id', 'lineup.listingId')
    .select([
      'listings.id as listingId',
      'listings.title',
      'listings.imageIds',
      'listings.priceFen',
      sql<number>`coalesce((
        select sum(o.quantity) from orders o
        where o.live_session_id = ${sessionId} and o.listing_id = listings.id
          and o.flash_sale_id is null and o.auction_id is null and o.status <> 'cancelled'), 0)::int`.as(
        'soldCount',
      ),
      sql<number | null>`(
        select o.unit_price_fen from orders o
        where o.live_session_id = ${sessionId} and o.listing_id = listings.id
          and o.flash_sale_id is null and o.auction_id is null and o.status <> 'cancelled'
        order by o.created_at desc limit 1)`.as('dealPriceFen'),
    ])
    .where('lineup.sessionId', '=', sessionId)
    .orderBy('lineup.position')
    .execute();
}

async function flashSaleSales(db: Database, sessionId: string) {
  return db
    .selectFrom('flashSales')
    .innerJoin('listings', 'listings.id', 'flashSales.listingId')
    .select([
      'flashSales.id',
      'flashSales.listingId',
      'listings.title as listingTitle',
      'flashSales.priceFen',
      'flashSales.quantity',
      sql<number>`coalesce((
        select sum(o.quantity) from orders o
        where o.flash_sale_id = flash_sales.id and o.status <> 'cancelled'), 0)::int`.as('soldCount'),
    ])
    .where('flashSales.sessionId', '=', sessionId)
    .orderBy('flashSales.startsAt')
    .execute();
}

async function auctionResults(db: Database, sessionId: string) {
  return db
    .selectFrom('auctions')
    .innerJoin('listings', 'listings.id', 'auctions.listingId')
    .leftJoin('orders as won', 'won.id', 'auctions.winnerOrderId')
    .leftJoin('users as winner', 'winner.id', 'won.buyerUserId')
    .select([
      'auctions.id',
      'auctions.listingId',
      'listings.title as listingTitle',
      'auctions.outcome',
      'auctions.hammerPriceFen',
      'auctions.bidCount',
      'won.buyerUserId as winnerUserId',
      'winner.displayName as winnerName',
    ])
    .where('auctions.sessionId', '=', sessionId)
    .orderBy('auctions.startsAt')
    .execute();
}

async function buyerOrders(db: Database, sessionId: string, buyerUserId: string) {
  return db
    .selectFrom('orders')
    .innerJoin('listings', 'listings.id', 'orders.listingId')
    .select([
      'orders.id',
      'listings.title as listingTitle',
      'orders.flashSaleId',
      'orders.auctionId',
      'orders.status',
      'orders.totalFen',
      'orders.paymentDueAt',
    ])
    .where('orders.buyerUserId', '=', buyerUserId)
    .where(inSession(sessionId))
    .orderBy('orders.createdAt')
    .execute();
}

/** What the session sold and who won, plus the caller's own orders from it when signed in. */
export async function sessionRecap(
  db: Database,
  session: EndedSession,
  callerUserId: string | null,
): Promise<LiveRecap> {
  const [hosts, listings, flashSales, auctions, orders] = await Promise.all([
    hostNames(db, session.id),
    lineupSales(db, session.id),
    flashSaleSales(db, session.id),
    auctionResults(db, session.id),
    callerUserId ? buyerOrders(db, session.id, callerUserId) : Promise.resolve([]),
  ]);
  return {
    sessionId: session.id,
    title: session.title,
    coverImageId: session.coverImageId,
    sellerOrgId: session.sellerOrgId,
    sellerName: session.sellerName,
    shopSlug: session.shopSlug,
    hosts: hosts.map((host) => ({ displayName: host.displayName })),
    plannedStartAt: iso(session.plannedStartAt),
    startedAt: iso(session.startedAt),
    endedAt: iso(session.endedAt),
    listings: listings.map((row) => ({
      listingId: row.listingId,
      title: row.title,
      imageId: row.imageIds[0] ?? null,
      priceFen: row.priceFen,
      soldCount: row.soldCount,
      dealPriceFen: row.dealPriceFen,
    })),
    flashSales,
    auctions: auctions.map((row) => ({
      id: row.id,
      listingId: row.listingId,
      listingTitle: row.listingTitle,
      outcome: row.outcome as AuctionOutcome | null,
      hammerPriceFen: row.hammerPriceFen,
      bidCount: row.bidCount,
      winnerAlias:
        row.outcome === 'sold' && row.winnerUserId
          ? bidderAlias(row.id, row.winnerUserId, row.winnerName)
          : null,
    })),
    myOrders: orders.map((row) => ({
      orderId: row.id,
      listingTitle: row.listingTitle,
      kind: row.auctionId ? 'auction' : row.flashSaleId ? 'flash_sale' : 'buy_now',
      status: row.status as OrderStatus,
      totalFen: row.totalFen,
      paymentDueAt: iso(row.paymentDueAt),
    })),
  };
}
