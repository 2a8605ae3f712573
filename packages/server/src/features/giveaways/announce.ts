import type { GiveawayUpdatedMessage } from '@jadelive/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { iso, isoOrNull } from '../../lib/serialize';
import { broadcast } from '../live/broadcast';
import { throttledAnnouncer } from '../live/throttled-announcer';
import { giveawayState } from './repository';

/** Entry-count updates of one giveaway at most every second, across all instances. */
export const GIVEAWAY_ANNOUNCE_INTERVAL_MS = 1_000;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

/**
 * The giveaway's state and entry count for its room (`giveaway.updated`, topic `jl.room`). The
 * throttle is claimed by a conditional upsert of `giveaway_broadcasts` so instances share it. That
 * row keeps no last count, so an instance that loses the claim always owes one trailing message.
 */
const announcer = throttledAnnouncer<Deps>({
  intervalMs: GIVEAWAY_ANNOUNCE_INTERVAL_MS,
  failure: 'giveaway update not sent',
  idKey: 'giveawayId',
  async claim(deps, giveawayId, { force }) {
    const claim = await sql<{ sent: number }>`
      with claimed as (
        insert into giveaway_broadcasts as b (giveaway_id, last_sent_at)
        values (${giveawayId}, clock_timestamp())
        on conflict (giveaway_id) do update set last_sent_at = clock_timestamp()
        where ${force}::boolean
           or b.last_sent_at <= clock_timestamp() - make_interval(secs => ${GIVEAWAY_ANNOUNCE_INTERVAL_MS / 1000})
        returning 1)
      select (select count(*) from claimed)::int as sent`
      .execute(deps.db)
      .then((result) => result.rows[0]);
    return { claimed: (claim?.sent ?? 0) > 0, changePending: true };
  },
  async send(deps, giveawayId) {
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
  },
});

/** Sends the giveaway's state to the room, throttled; `force` (publish, draw) always sends. */
export function announceGiveaway(deps: Deps, giveawayId: string, options: { force?: boolean } = {}) {
  return announcer.announce(deps, giveawayId, options);
}

/** Fire and forget: an entry's answer never waits for the room update (`force` after a sweep's draw). */
export function announceGiveawaySoon(deps: Deps, giveawayId: string, options: { force?: boolean } = {}) {
  announcer.soon(deps, giveawayId, options);
}
