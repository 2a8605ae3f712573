import type { GiveawayUpdatedMessage } from '@jadelive/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { iso, isoOrNull } from '../../lib/serialize';
import { broadcast } from '../live/broadcast';
import { giveawayState } from './repository';

/** Entry-count updates of one giveaway at most every second, across all instances. */
export const GIVEAWAY_ANNOUNCE_INTERVAL_MS = 1_000;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/** Trailing updates this instance still owes: the last count of a burst is never swallowed. */
const trailing = new Map<string, NodeJS.Timeout>();

/**
 * Sends the giveaway's state and entry count to its room (`giveaway.updated`, topic `jl.room`).
 * `force` (publish, draw) always sends; otherwise at most one message per interval, claimed by a
 * conditional upsert of `giveaway_broadcasts` so instances share the throttle, and an instance that
 * loses the claim owes one trailing message.
 */
export async function announceGiveaway(deps: Deps, giveawayId: string, options: { force?: boolean } = {}) {
  if (!deps.livekit) return false;
  const claim = await sql<{ sent: number }>`
    with claimed as (
      insert into giveaway_broadcasts as b (giveaway_id, last_sent_at)
      values (${giveawayId}, clock_timestamp())
      on conflict (giveaway_id) do update set last_sent_at = clock_timestamp()
      where ${options.force ?? false}::boolean
         or b.last_sent_at <= clock_timestamp() - make_interval(secs => ${GIVEAWAY_ANNOUNCE_INTERVAL_MS / 1000})
      returning 1)
    select (select count(*) from claimed)::int as sent`
    .execute(deps.db)
    .then((result) => result.rows[0]);
  if (!claim || claim.sent === 0) {
    scheduleTrailing(deps, giveawayId, GIVEAWAY_ANNOUNCE_INTERVAL_MS);
    return false;
  }
  const row = await deps.db
    .selectFrom('giveaways')
    .innerJoin('liveSessions', 'liveSessions.id', 'giveaways.sessionId')
    .selectAll('giveaways')
    .select([
      'liveSessions.roomName',
      (eb) =>
        eb
          .selectFrom('giveawayEntries')
          .select((inner) => inner.fn.countAll<string>().as('count'))
          .whereRef('giveawayEntries.giveawayId', '=', 'giveaways.id')
          .as('liveEntryCount'),
    ])
    .where('giveaways.id', '=', giveawayId)
    .executeTakeFirst();
  if (!row) return false;
  const serverTime = new Date();
  const message: GiveawayUpdatedMessage = {
    type: 'giveaway.updated',
    giveawayId: row.id,
    state: giveawayState(row, serverTime),
    entryCount: row.entryCount ?? Number(row.liveEntryCount ?? 0),
    winnerCount: row.winnerCount,
    startsAt: iso(row.startsAt),
    drawAt: iso(row.drawAt),
    drawnAt: isoOrNull(row.drawnAt),
    serverTime: iso(serverTime),
  };
  return broadcast(deps, row.roomName, message);
}

function scheduleTrailing(deps: Deps, giveawayId: string, delayMs: number) {
  if (trailing.has(giveawayId)) return;
  const timer = setTimeout(() => {
    trailing.delete(giveawayId);
    announceGiveawaySoon(deps, giveawayId);
  }, delayMs);
  timer.unref();
  trailing.set(giveawayId, timer);
}

/** Fire and forget: an entry's answer never waits for the room update. */
export function announceGiveawaySoon(deps: Deps, giveawayId: string, options: { force?: boolean } = {}) {
  announceGiveaway(deps, giveawayId, options).catch((error: unknown) =>
    deps.logger.warn({ err: error, giveawayId }, 'giveaway update not sent'),
  );
}
