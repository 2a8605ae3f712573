import { randomUUID } from 'node:crypto';
import { type CreateAuctionBody, DEFAULT_BID_LADDER } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { ApiError, because, conflict, isUniqueViolation, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import type { SessionRow } from '../live/session-repository';
import { takeHold } from '../orders/holds';

const MAX_START_AHEAD_MS = 24 * 3_600_000;
const START_GRACE_MS = 60_000;

/**
 * Starts an auction of one piece of the session's pinned listing. The auction holds the piece in
 * the listing's ledger now (buy-now and flash sales of the listing are refused while it does; an
 * auction does not start while a flash sale holds the listing) and the piece goes back if nobody
 * wins; the winner's order holds it otherwise.
 */
export async function createAuction(
  deps: Pick<AppDeps, 'db'>,
  session: SessionRow,
  createdBy: string,
  body: CreateAuctionBody,
): Promise<string> {
  if (session.status !== 'live') {
    throw conflict(
      `cannot start an auction in a session that is ${session.status}`,
      because('session_status', { status: session.status }),
    );
  }
  const listingId = session.pinnedListingId;
  if (!listingId) throw unprocessable('pin the listing to auction first', { reason: 'no_pinned_listing' });
  const now = Date.now();
  const startsAt = body.startsAt ? new Date(body.startsAt) : new Date(now);
  if (startsAt.getTime() < now - START_GRACE_MS || startsAt.getTime() > now + MAX_START_AHEAD_MS) {
    throw unprocessable('an auction starts now or within the next 24 hours', {
      ...because('start_out_of_range'),
      field: 'startsAt',
    });
  }
  const endsAt = new Date(startsAt.getTime() + body.durationSeconds * 1000);

  return deps.db.transaction().execute(async (trx) => {
    const listing = await trx
      .selectFrom('listings')
      .select(['status', 'stock'])
      .where('id', '=', listingId)
      .where('sellerOrgId', '=', session.sellerOrgId)
      .forUpdate()
      .executeTakeFirst();
    if (listing?.status !== 'published' || listing.stock < 1) {
      throw conflict('the pinned listing is not on sale or out of stock', { reason: 'not_available' });
    }
    const auctionId = randomUUID();
    try {
      await takeHold(trx, { listingId, kind: 'auction', holderId: auctionId, quantity: 1 });
    } catch (error) {
      // Another auction (of another session) holding the listing is the same refusal as here.
      if (error instanceof ApiError && (error.details as { reason?: string })?.reason === 'auction_running') {
        throw conflict('this listing is already under the hammer', { reason: 'auction_open' });
      }
      throw error;
    }
    try {
      const auction = await trx
        .insertInto('auctions')
        .values({
          id: auctionId,
          sessionId: session.id,
          sellerOrgId: session.sellerOrgId,
          listingId,
          startPriceFen: body.startPriceFen,
          ladder: JSON.stringify(body.ladder ?? DEFAULT_BID_LADDER),
          reservePriceFen: body.reservePriceFen ?? null,
          depositFen: body.depositFen ?? null,
          antiSnipeSeconds: body.antiSnipeSeconds,
          antiSnipeExtensionSeconds: body.antiSnipeExtensionSeconds,
          startsAt,
          plannedEndsAt: endsAt,
          endsAt,
          createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('auctionBroadcasts')
        .values({ auctionId: auction.id, lastSentAt: new Date(0), lastBidCount: null })
        .execute();
      await recordAudit(trx, {
        action: 'auction.created',
        organizationId: session.sellerOrgId,
        targetType: 'auction',
        targetId: auction.id,
        details: {
          sessionId: session.id,
          listingId,
          startPriceFen: body.startPriceFen,
          hasReserve: body.reservePriceFen != null,
          depositFen: body.depositFen ?? null,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
      return auction.id;
    } catch (error) {
      if (isUniqueViolation(error, 'auctions_one_open_per_session')) {
        throw conflict('this session already has an auction running; close it first', {
          reason: 'auction_open',
        });
      }
      throw error;
    }
  });
}
