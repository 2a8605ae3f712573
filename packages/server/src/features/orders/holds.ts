import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
import { type ApiError, because, conflict } from '../../http/errors';

/** A transaction: the ledger's moves lock the listing's rows and must commit or fail whole. */
export type Tx = Transaction<DB>;

/**
 * What holds pieces of a listing (`listing_holds`): an unpaid order, a flash sale's reservation,
 * an auction's lot, a giveaway's prize. The database keeps `held + sold` within the listing's
 * capacity and its certificate's piece count, and refuses buy-now and flash sales of a listing
 * an auction holds (migration 2026-12-06T15-41).
 */
export type HoldKind = 'order' | 'flash_sale' | 'auction' | 'giveaway';

/** How a hold ends: its pieces go back on sale, are sold (a paid order), or leave the listing. */
export type HoldRelease = 'returned' | 'sold' | 'withdrawn';

/** Why a hold ended, kept on the hold for the timeline. */
export type HoldReleaseCause =
  | 'paid'
  | 'cancelled'
  | 'payment_timed_out'
  | 'refunded'
  | 'inspection_mismatch'
  | 'sale_ended'
  | 'session_ended'
  | 'hammer'
  | 'unsold'
  | 'auction_cancelled'
  | 'back_to_sale';

/** The reasons a hold is refused, as the console words them (details.reason of the 409). */
export type HoldRefusal = 'auction_running' | 'flash_sale_running' | 'out_of_stock';

const STOCK_CONSTRAINTS = new Set([
  'listings_stock_check',
  'listing_stock_within_capacity',
  'listing_stock_within_certificate',
]);

/**
 * The refusal a failed hold statement stands for: the trigger's JL409 (an auction or a flash sale
 * holds the listing) or a CHECK of the counters (not enough pieces). Null for any other error.
 */
export function holdRefusal(error: unknown): HoldRefusal | null {
  const pgError = error as { code?: string; message?: string; constraint?: string };
  if (pgError?.code === 'JL409' && pgError.message === 'auction_running') return 'auction_running';
  if (pgError?.code === 'JL409' && pgError.message === 'flash_sale_running') return 'flash_sale_running';
  if (pgError?.code === '23514' && pgError.constraint && STOCK_CONSTRAINTS.has(pgError.constraint)) {
    return 'out_of_stock';
  }
  return null;
}

/** The 409 of a refused hold (with the free pieces left, when the refusal is about stock). */
export function holdConflict(refusal: HoldRefusal, stock?: number): ApiError {
  if (refusal === 'auction_running') {
    return conflict('an auction holds this piece: bid in the auction instead', because('auction_running'));
  }
  if (refusal === 'flash_sale_running') {
    return conflict('a flash sale is selling this piece; end it first', because('flash_sale_running'));
  }
  return conflict('not enough pieces left', because('out_of_stock', { stock: stock ?? 0 }));
}

/**
 * Takes a hold of `quantity` pieces for its holder. A refusal by the database (see `holdRefusal`)
 * becomes a 409; the transaction is then unusable, so the caller lets it roll back.
 */
export async function takeHold(
  trx: Tx,
  hold: { listingId: string; kind: HoldKind; holderId: string; quantity: number; sourceHoldId?: string },
): Promise<string> {
  try {
    const row = await trx
      .insertInto('listingHolds')
      .values({
        listingId: hold.listingId,
        kind: hold.kind,
        holderId: hold.holderId,
        quantity: hold.quantity,
        sourceHoldId: hold.sourceHoldId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    const refusal = holdRefusal(error);
    if (refusal) throw holdConflict(refusal);
    throw error;
  }
}

/**
 * Ends a holder's hold, exactly once: the UPDATE only matches a hold not yet released, so a second
 * call (a twin sweep, a retried cancel) finds nothing and gives nothing back. Returns the released
 * hold, or undefined when there was none to release.
 */
export async function releaseHold(
  trx: Tx,
  holder: { kind: HoldKind; holderId: string },
  as: HoldRelease,
  cause: HoldReleaseCause,
) {
  return trx
    .updateTable('listingHolds')
    .set({ releasedAt: sql`now()`, releasedAs: as, releaseCause: cause })
    .where('kind', '=', holder.kind)
    .where('holderId', '=', holder.holderId)
    .where('releasedAt', 'is', null)
    .returning(['id', 'listingId', 'quantity'])
    .executeTakeFirst();
}

/**
 * Undoes a sale (a refund): the sold pieces go back on sale or leave the listing. Once only: the
 * UPDATE matches the hold while it still counts as sold.
 */
export async function unsellHold(
  trx: Tx,
  holder: { kind: HoldKind; holderId: string },
  as: Exclude<HoldRelease, 'sold'>,
  cause: HoldReleaseCause,
) {
  return trx
    .updateTable('listingHolds')
    .set({ releasedAs: as, releaseCause: cause })
    .where('kind', '=', holder.kind)
    .where('holderId', '=', holder.holderId)
    .where('releasedAs', '=', 'sold')
    .returning(['id', 'listingId', 'quantity'])
    .executeTakeFirst();
}

/** Grows (or shrinks) a hold that is still held; undefined when it was released meanwhile. */
export async function resizeHold(trx: Tx, holder: { kind: HoldKind; holderId: string }, delta: number) {
  return trx
    .updateTable('listingHolds')
    .set({ quantity: sql`quantity + ${delta}` })
    .where('kind', '=', holder.kind)
    .where('holderId', '=', holder.holderId)
    .where('releasedAt', 'is', null)
    .returning(['id', 'quantity'])
    .executeTakeFirst();
}

/** Whether an auction holds a piece of the listing right now. */
export async function auctionHoldsListing(db: Database, listingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('listingHolds')
    .select('id')
    .where('listingId', '=', listingId)
    .where('kind', '=', 'auction')
    .where('releasedAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
