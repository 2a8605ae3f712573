import type { AuctionOutcome } from '@jadelive/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { closeAuction } from '../auctions/close';
import { announceFlashSale } from '../flash-sales/announce';
import { forgetSale } from '../flash-sales/snapshot';
import { returnUnsoldStock } from '../flash-sales/stock';
import { announceGiveaway } from '../giveaways/announce';
import { cancelGiveaway, drawGiveaway } from '../giveaways/draw';

type Deps = Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>;

export interface SessionSettlement {
  auctions: { id: string; outcome: AuctionOutcome }[];
  flashSales: { id: string; returned: number }[];
  giveaways: { id: string; outcome: 'drawn' | 'cancelled' }[];
}

/**
 * Settles what still runs in a session that ended, whichever way it ended (the host, an operator's
 * force-end, LiveKit's room_finished, reconciliation): nothing keeps counting down where nobody can
 * reach it. An open auction hammers now if it has a leader at or above the reserve and is unsold
 * otherwise (its piece goes back on sale); a flash sale ends and gives its unsold pieces back; a
 * giveaway that had started is drawn now (entries closed with the room, the committed seed still
 * proves the draw), one that had not is called off. Each outcome is recorded on the auction, sale
 * or giveaway (cause `session_ended`) and in the winner's order. Safe to repeat and to race: every
 * step is a once-only transition of its row.
 */
export async function settleSessionCommerce(
  deps: Deps,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionSettlement> {
  const settlement: SessionSettlement = { auctions: [], flashSales: [], giveaways: [] };

  const auctions = await deps.db
    .selectFrom('auctions')
    .select('id')
    .where('sessionId', '=', sessionId)
    .where('closedAt', 'is', null)
    .execute();
  for (const { id } of auctions) {
    const outcome = await closeAuction(deps, id, { mode: 'now', now, cause: 'session_ended' });
    if (outcome) settlement.auctions.push({ id, outcome });
  }

  const sales = await deps.db
    .selectFrom('flashSales')
    .select('id')
    .where('sessionId', '=', sessionId)
    .where('stockReturnedAt', 'is', null)
    .execute();
  for (const { id } of sales) {
    const returned = await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('flashSales')
        .set({
          endedAt: sql`coalesce(ended_at, least(ends_at, ${now}::timestamptz))`,
          endCause: sql`coalesce(end_cause, 'session_ended')`,
        })
        .where('id', '=', id)
        .where('stockReturnedAt', 'is', null)
        .execute();
      return returnUnsoldStock(trx, id, now, 'session_ended');
    });
    forgetSale(id);
    if (returned === null) continue;
    settlement.flashSales.push({ id, returned });
    await announceFlashSale(deps, id, { force: true });
  }

  // Whether a giveaway had started is judged now, not at the end's recorded time (a webhook's time
  // is whole seconds): one that took entries is drawn.
  const drawTime = new Date(Math.max(now.getTime(), Date.now()));
  const giveaways = await deps.db
    .selectFrom('giveaways')
    .select(['id', 'startsAt'])
    .where('sessionId', '=', sessionId)
    .where('drawnAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .execute();
  for (const giveaway of giveaways) {
    if (giveaway.startsAt > drawTime) {
      if (await cancelGiveaway(deps.db, giveaway.id, drawTime)) {
        settlement.giveaways.push({ id: giveaway.id, outcome: 'cancelled' });
      }
    } else {
      const drawn = await drawGiveaway(deps.db, giveaway.id, 'session_ended', drawTime).then(
        () => true,
        (error: unknown) => {
          // Drawn by the stage or the sweeper meanwhile.
          if (error instanceof ApiError) return false;
          throw error;
        },
      );
      if (drawn) settlement.giveaways.push({ id: giveaway.id, outcome: 'drawn' });
    }
    await announceGiveaway(deps, giveaway.id, { force: true });
  }
  return settlement;
}

/**
 * Ended sessions that still have something running (a settlement cut short): reconciliation
 * settles them. Driven from the open auctions, sales and giveaways (partial indexes), not from
 * every ended session.
 */
export async function unsettledEndedSessions(db: AppDeps['db'], limit = 50): Promise<string[]> {
  const rows = await db
    .selectFrom('liveSessions')
    .select('id')
    .where('status', '=', 'ended')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('auctions')
        .select('sessionId')
        .where('closedAt', 'is', null)
        .union(eb.selectFrom('flashSales').select('sessionId').where('stockReturnedAt', 'is', null))
        .union(
          eb
            .selectFrom('giveaways')
            .select('sessionId')
            .where('drawnAt', 'is', null)
            .where('cancelledAt', 'is', null),
        ),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
