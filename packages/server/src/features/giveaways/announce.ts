import type { GiveawayUpdatedMessage } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { iso, isoOrNull } from '../../lib/serialize';
import { broadcast } from '../live/broadcast';
import { giveawayState } from './repository';

/** Entry-count updates of one giveaway at most every second per instance. */
export const GIVEAWAY_ANNOUNCE_INTERVAL_MS = 1_000;

type Deps = Pick<AppDeps, 'db' | 'livekit' | 'logger'>;

// The throttle only spares the room a message per entry; the entry count it carries is a display
// hint (clients refetch the giveaway on every message), so per-instance memory is enough here —
// unlike auctions, no price or leader depends on it. Publish and draw always send.
const lastSent = new Map<string, number>();
const trailing = new Map<string, NodeJS.Timeout>();

/**
 * Sends the giveaway's state and entry count to its room (`giveaway.updated`, topic `jl.room`).
 * `force` (publish, draw) always sends; otherwise at most one message per interval, and a burst
 * of entries ends with one trailing message so the last count is not swallowed.
 */
export async function announceGiveaway(deps: Deps, giveawayId: string, options: { force?: boolean } = {}) {
  if (!deps.livekit) return false;
  const now = Date.now();
  const last = lastSent.get(giveawayId) ?? 0;
  if (!options.force && now - last < GIVEAWAY_ANNOUNCE_INTERVAL_MS) {
    scheduleTrailing(deps, giveawayId, GIVEAWAY_ANNOUNCE_INTERVAL_MS - (now - last));
    return false;
  }
  lastSent.set(giveawayId, now);
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
  if (message.state === 'drawn') lastSent.delete(giveawayId);
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
