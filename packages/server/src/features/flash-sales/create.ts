import { randomUUID } from 'node:crypto';
import type { CreateFlashSaleBody } from '@jadelive/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { because, conflict, isUniqueViolation, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { lowestDealPriceFen7d } from '../listings/repository';
import type { SessionRow } from '../live/session-repository';
import { auctionHoldsListing, holdConflict, takeHold } from '../orders/holds';
import { overSalesOfSession, returnUnsoldStock } from './stock';

const MAX_START_AHEAD_MS = 24 * 3_600_000;
const START_GRACE_MS = 60_000;

/**
 * Starts a flash sale on the session's pinned listing. The flash quantity is held in the listing's
 * ledger now (so ordinary orders cannot take it; refused while an auction holds the listing) and
 * the unsold rest goes back when the sale ends. The flash price must beat both the current price and the lowest deal of the last
 * 7 days (a discount measured against a base that is not real is a fake discount).
 */
export async function createFlashSale(
  deps: Pick<AppDeps, 'db'>,
  session: SessionRow,
  createdBy: string,
  body: CreateFlashSaleBody,
): Promise<string> {
  if (session.status !== 'live') {
    throw conflict(
      `cannot start a flash sale in a session that is ${session.status}`,
      because('session_status', { status: session.status }),
    );
  }
  const listingId = session.pinnedListingId;
  if (!listingId) throw unprocessable('pin the listing to sell first', { reason: 'no_pinned_listing' });
  const now = Date.now();
  const startsAt = body.startsAt ? new Date(body.startsAt) : new Date(now);
  if (startsAt.getTime() < now - START_GRACE_MS || startsAt.getTime() > now + MAX_START_AHEAD_MS) {
    throw unprocessable('a flash sale starts now or within the next 24 hours', {
      ...because('start_out_of_range'),
      field: 'startsAt',
    });
  }
  const endsAt = new Date(startsAt.getTime() + body.durationSeconds * 1000);

  return deps.db.transaction().execute(async (trx) => {
    for (const over of await overSalesOfSession(trx, session.id)) await returnUnsoldStock(trx, over);
    const listing = await trx
      .selectFrom('listings')
      .select(['priceFen', 'stock', 'status', lowestDealPriceFen7d.as('lowestDealPriceFen7d')])
      .where('id', '=', listingId)
      .where('sellerOrgId', '=', session.sellerOrgId)
      .forUpdate()
      .executeTakeFirst();
    if (listing?.status !== 'published') {
      throw conflict('the pinned listing is not on sale', {
        ...because('listing_not_on_sale', { status: listing?.status ?? null }),
        reason: 'listing_not_on_sale',
        status: listing?.status ?? null,
        listingStatus: listing?.status ?? null,
      });
    }
    // One piece, one sale: a piece under the hammer is not also sold at a flash price.
    if (await auctionHoldsListing(trx, listingId)) throw holdConflict('auction_running');
    const lowest = listing.lowestDealPriceFen7d === null ? null : Number(listing.lowestDealPriceFen7d);
    const bar = Math.min(listing.priceFen, lowest ?? Number.POSITIVE_INFINITY);
    if (body.priceFen >= bar) {
      throw unprocessable(
        `a flash price must be below the current price and the lowest deal of the last 7 days (${bar} fen)`,
        {
          reason: 'flash_price_not_lower',
          priceFen: body.priceFen,
          listPriceFen: listing.priceFen,
          lowestDealPriceFen7d: lowest,
        },
      );
    }
    if (listing.stock < body.quantity) {
      throw unprocessable(`only ${listing.stock} in stock, ${body.quantity} asked for`, {
        reason: 'not_enough_stock',
        stock: listing.stock,
      });
    }
    const saleId = randomUUID();
    await takeHold(trx, { listingId, kind: 'flash_sale', holderId: saleId, quantity: body.quantity });
    try {
      const sale = await trx
        .insertInto('flashSales')
        .values({
          id: saleId,
          sessionId: session.id,
          sellerOrgId: session.sellerOrgId,
          listingId,
          quantity: body.quantity,
          remaining: body.quantity,
          priceFen: body.priceFen,
          perBuyerLimit: body.perBuyerLimit,
          startsAt,
          endsAt,
          createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('flashSaleBroadcasts')
        .values({ flashSaleId: sale.id, lastSentAt: new Date(0), lastRemaining: null })
        .execute();
      await recordAudit(trx, {
        action: 'flash_sale.created',
        organizationId: session.sellerOrgId,
        targetType: 'flash_sale',
        targetId: sale.id,
        details: {
          sessionId: session.id,
          listingId,
          quantity: body.quantity,
          priceFen: body.priceFen,
          perBuyerLimit: body.perBuyerLimit,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
      return sale.id;
    } catch (error) {
      if (isUniqueViolation(error, 'flash_sales_one_open_per_session')) {
        throw conflict(
          'this session already has a flash sale running; end it first',
          because('flash_sale_open'),
        );
      }
      throw error;
    }
  });
}

/** Ends a sale before its time; its unsold rest goes back to the listing at once. */
export async function endFlashSaleEarly(deps: Pick<AppDeps, 'db'>, sessionId: string, saleId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('flashSales')
      .set({ endedAt: sql`now()`, endCause: 'stage' })
      .where('id', '=', saleId)
      .where('sessionId', '=', sessionId)
      .where('endedAt', 'is', null)
      .where('stockReturnedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!ended) throw conflict('this flash sale has already ended', because('ended'));
    return returnUnsoldStock(trx, saleId);
  });
}
