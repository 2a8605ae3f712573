import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { broadcast } from '../live/broadcast';
import { throttledAnnouncer } from '../live/throttled-announcer';
import { readFlashSale, toFlashSale } from './repository';

/** At most one update per sale every 250 ms (≈ 4/s) across all instances. */
export const ANNOUNCE_INTERVAL_MS = 250;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/**
 * The sale's remaining stock and countdown for everyone in the room. The throttle is a row in
 * `flash_sale_broadcasts` claimed with a conditional UPDATE: whichever instance claims it sends, the
 * others skip without waiting (a failed condition takes no lock), and it is a different row from the
 * sale, so grabs never wait on it. A skipped change is retried once the interval passed.
 */
const announcer = throttledAnnouncer<Deps, { remaining: number }>({
  intervalMs: ANNOUNCE_INTERVAL_MS,
  failure: 'flash sale update not sent',
  idKey: 'saleId',
  async claim(deps, saleId, options) {
    const remaining = options.remaining ?? (await readFlashSale(deps.db, saleId))?.remaining;
    if (remaining === undefined) return undefined;
    const claim = await sql<{ sent: number; lastRemaining: number | null }>`
      with claimed as (
        update flash_sale_broadcasts
        set last_sent_at = clock_timestamp(), last_remaining = ${remaining}
        where flash_sale_id = ${saleId}
          and (${options.force}::boolean
            or last_sent_at <= clock_timestamp() - make_interval(secs => ${ANNOUNCE_INTERVAL_MS / 1000}))
        returning 1)
      select (select count(*) from claimed)::int as sent, b.last_remaining as "lastRemaining"
      from flash_sale_broadcasts b where b.flash_sale_id = ${saleId}`
      .execute(deps.db)
      .then((result) => result.rows[0]);
    return claim && { claimed: claim.sent > 0, changePending: claim.lastRemaining !== remaining };
  },
  async send(deps, saleId) {
    // Claimed: read the sale as it is now (it may have moved on since `remaining` was known).
    const sale = await readFlashSale(deps.db, saleId);
    if (!sale) return false;
    const message = toFlashSale(sale);
    return broadcast(deps, sale.roomName, { type: 'flash_sale.updated', ...messageFields(message) });
  },
});

/** Sends the sale's state to the room, throttled; `force` (start, end) always sends. */
export function announceFlashSale(
  deps: Deps,
  saleId: string,
  options: { force?: boolean; remaining?: number } = {},
) {
  return announcer.announce(deps, saleId, options);
}

/** Fire and forget: a grab's answer never waits for the room update. */
export function announceSoon(deps: Deps, saleId: string, remaining?: number) {
  announcer.soon(deps, saleId, { remaining });
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
