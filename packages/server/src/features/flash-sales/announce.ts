import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { broadcast } from '../live/broadcast';
import { readFlashSale, toFlashSale } from './repository';

/** At most one update per sale every 250 ms (≈ 4/s) across all instances. */
export const ANNOUNCE_INTERVAL_MS = 250;

/** Trailing updates this instance still owes, one per sale: the last state is never swallowed. */
const trailing = new Map<string, NodeJS.Timeout>();

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/**
 * Sends the sale's remaining stock and countdown to everyone in the room. The throttle is a row
 * in `flash_sale_broadcasts` claimed with a conditional UPDATE: whichever instance claims it sends,
 * the others skip without waiting (a failed condition takes no lock), and it is a different row
 * from the sale, so grabs never wait on it. A skipped change is retried once the interval passed.
 * `force` (start, end) always sends.
 */
export async function announceFlashSale(
  deps: Deps,
  saleId: string,
  options: { force?: boolean; remaining?: number } = {},
) {
  if (!deps.livekit) return false;
  const remaining = options.remaining ?? (await readFlashSale(deps.db, saleId))?.remaining;
  if (remaining === undefined) return false;
  const claim = await sql<{ sent: number; lastRemaining: number | null }>`
    with claimed as (
      update flash_sale_broadcasts
      set last_sent_at = clock_timestamp(), last_remaining = ${remaining}
      where flash_sale_id = ${saleId}
        and (${options.force ?? false}::boolean
          or last_sent_at <= clock_timestamp() - make_interval(secs => ${ANNOUNCE_INTERVAL_MS / 1000}))
      returning 1)
    select (select count(*) from claimed)::int as sent, b.last_remaining as "lastRemaining"
    from flash_sale_broadcasts b where b.flash_sale_id = ${saleId}`
    .execute(deps.db)
    .then((result) => result.rows[0]);
  if (!claim) return false;
  if (claim.sent === 0) {
    if (claim.lastRemaining !== remaining) scheduleTrailing(deps, saleId);
    return false;
  }
  noteClaimedHere(saleId);
  // Claimed: read the sale as it is now (it may have moved on since `remaining` was known).
  const sale = await readFlashSale(deps.db, saleId);
  if (!sale) return false;
  const message = toFlashSale(sale);
  return broadcast(deps, sale.roomName, { type: 'flash_sale.updated', ...messageFields(message) });
}

function messageFields(sale: ReturnType<typeof toFlashSale>) {
  return {
    flashSaleId: sale.id,
    listingId: sale.listingId,
    priceFen: sale.priceFen,
    quantity: sale.quantity,
    remaining: sale.remaining,
    state: sale.state,
    startsAt: sale.startsAt,
    endsAt: sale.endsAt,
    serverTime: sale.serverTime,
  };
}

function scheduleTrailing(deps: Deps, saleId: string) {
  if (trailing.has(saleId)) return;
  const timer = setTimeout(() => {
    trailing.delete(saleId);
    announceFlashSale(deps, saleId).catch((error: unknown) =>
      deps.logger.warn({ err: error, saleId }, 'flash sale update not sent'),
    );
  }, ANNOUNCE_INTERVAL_MS);
  timer.unref();
  trailing.set(saleId, timer);
}

/** When this instance last claimed (or tried to claim) each sale's slot: a local pre-check that spares the database. */
const lastClaimedHere = new Map<string, number>();

function noteClaimedHere(saleId: string) {
  if (lastClaimedHere.size > 1_000) lastClaimedHere.clear();
  lastClaimedHere.set(saleId, performance.now());
}

/**
 * Fire and forget: a grab's answer never waits for the room update. Within the interval of this
 * instance's own last update nothing is asked of the database; the change goes out with the
 * trailing update instead.
 */
export function announceSoon(deps: Deps, saleId: string, remaining?: number) {
  if (!deps.livekit) return;
  const last = lastClaimedHere.get(saleId);
  if (last !== undefined && performance.now() - last < ANNOUNCE_INTERVAL_MS) {
    scheduleTrailing(deps, saleId);
    return;
  }
  // Counted from the attempt, not from its answer: the grabs that finish while this claim is on
  // its way join the trailing update instead of each sending a claim that can only lose.
  noteClaimedHere(saleId);
  announceFlashSale(deps, saleId, { remaining }).catch((error: unknown) =>
    deps.logger.warn({ err: error, saleId }, 'flash sale update not sent'),
  );
}
